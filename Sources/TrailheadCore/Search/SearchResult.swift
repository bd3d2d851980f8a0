/// One node found by a search, with the best-matching field and where the query matched in it.
public struct SearchResult: Sendable, Equatable {
    public var key: NodeKey
    public var score: Int
    public var field: SearchIndex.Field
    /// The text of the best-matching field.
    public var matchedText: String
    /// Character offsets in `matchedText` that the query matched, for highlighting.
    public var positions: [Int]

    public init(key: NodeKey, score: Int, field: SearchIndex.Field, matchedText: String, positions: [Int]) {
        self.key = key
        self.score = score
        self.field = field
        self.matchedText = matchedText
        self.positions = positions
    }
}
