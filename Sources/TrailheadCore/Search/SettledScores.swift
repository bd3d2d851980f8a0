/// What a search learned about the groups a longer query will keep: for every matched node, the
/// score of all groups but the one still being typed, so the next keystroke scores only that one.
public struct SettledScores: Sendable, Equatable {
    /// The query groups the scores cover: every group of that query but the last, unless the
    /// query ended with a space.
    var groups: [[SearchQuery.Term]]
    /// One per matched node, in the order of the outcome's `matches`.
    var entries: [Entry]

    struct Entry: Sendable, Equatable {
        var score: Int32
        /// The field shown for those groups (the highest-bonus field holding a best match), -1 for none.
        var field: Int32
        /// False when the node was outranked rather than scored: `score` is then only a ceiling.
        var exact: Bool

        static let nothing = Entry(score: 0, field: -1, exact: true)
    }

    /// How many leading groups of `query` these scores cover, or nil when they do not apply to it.
    func coveredGroups(of query: SearchQuery, candidates: Int) -> Int? {
        guard entries.count == candidates, groups.count < query.groups.count,
              query.groups.prefix(groups.count).elementsEqual(groups) else { return nil }
        return groups.count
    }
}
