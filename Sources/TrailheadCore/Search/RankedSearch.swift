/// One search as a newcomer types it, split into answers and weak matches.
///
/// A query that reads as words (a question, a sentence, a pasted message) is ranked by word
/// relevance (`WordIndex`); a short code-like one (`rucio dl`, `^cert`) by fzf's letters in
/// order. Either way only confident hits are answers: a fuzzy hit must have most of the query's
/// letters together in the text it shows, a word hit most of the query's meaningful words. A
/// fuzzy query with no confident hit is read once more as words, which forgives typos and knows
/// the trees' aliases ("slack" finds Mattermost).
public struct RankedSearch: Sendable, Equatable {
    public enum Reading: String, Sendable {
        case words, fuzzy
    }

    public var answers: [SearchResult]
    /// Hits below the confidence line, shown only on request.
    public var weak: [SearchResult]
    public var reading: Reading

    public init(answers: [SearchResult], weak: [SearchResult], reading: Reading) {
        self.answers = answers
        self.weak = weak
        self.reading = reading
    }

    /// How `text` reads: as words when it has a line break, three words or more, a question
    /// mark, a stop word beside another word, or punctuation of a message (`: `, parentheses);
    /// else, and whenever it uses fzf's operators, as a fuzzy pattern.
    public static func reading(of text: String) -> Reading {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if text.contains("\n") { return .words }
        let operators = tokens.contains { token in
            token == "|" || token.hasPrefix("'") || token.hasPrefix("^") || token.hasPrefix("!") || (token.hasSuffix("$") && token.count > 1)
        }
        if operators { return .fuzzy }
        if tokens.count >= 3 || text.hasSuffix("?") || text.contains(": ") || text.contains("(") { return .words }
        if tokens.count == 2, tokens.contains(where: { WordText.stopWords.contains($0.lowercased()) }) { return .words }
        return .fuzzy
    }

    /// Word hits, split by their confidence.
    public static func words(_ ranked: WordIndex.Ranked) -> RankedSearch {
        let pairs = zip(ranked.results, ranked.confident)
        return RankedSearch(answers: pairs.filter(\.1).map(\.0), weak: pairs.filter { !$0.1 }.map(\.0), reading: .words)
    }

    /// How many of the best fuzzy hits are judged on all their node's text (`catalog`); the rest,
    /// on the text they show.
    public static let judgedWhole = 50

    /// Fuzzy hits split by confidence; when none is confident, the word reading's answers if it has some.
    public static func fuzzy(
        _ results: [SearchResult], query: SearchQuery, text: String, catalog: Catalog, words: () -> WordIndex
    ) -> RankedSearch {
        var answers: [SearchResult] = []
        var weak: [SearchResult] = []
        for (rank, result) in results.enumerated() {
            if isConfident(query, rank: rank, key: result.key, shown: result.matchedText, catalog: catalog) {
                answers.append(result)
            } else {
                weak.append(result)
            }
        }
        let fuzzy = RankedSearch(answers: answers, weak: weak, reading: .fuzzy)
        guard answers.isEmpty, !WordText.words(text).isEmpty else { return fuzzy }
        let byWords = Self.words(words().search(text))
        return byWords.answers.isEmpty ? fuzzy : RankedSearch(answers: byWords.answers, weak: fuzzy.weak, reading: .words)
    }

    /// Judged on the text the hit shows, and when that is not enough and the hit ranks among
    /// the first `judgedWhole`, on all of its node's text (the query's words may be in several fields).
    public static func isConfident(_ query: SearchQuery, rank: Int, key: NodeKey, shown: String, catalog: Catalog) -> Bool {
        if isConfident(query, found: { contains(shown, $0) }) { return true }
        return rank < judgedWhole && catalog.node(key).map { isConfident(query, node: $0) } == true
    }

    /// The same judgement on a hit's shown text already folded (as a search snapshot keeps it).
    public static func isConfident(_ query: SearchQuery, folded: UnsafeBufferPointer<UInt8>) -> Bool {
        isConfident(query) { contains(folded, $0) }
    }

    /// Judged on every field of the node.
    public static func isConfident(_ query: SearchQuery, node: Node) -> Bool {
        isConfident(query) { term in
            var found = false
            NodeFields.forEach(of: node, labels: []) { _, text in
                if !found { found = contains(text, term) }
            }
            return found
        }
    }

    /// A fuzzy hit is confident when the terms `found` whole (an anchored or exact term matched
    /// already) make up at least 60% of the query's letters.
    private static func isConfident(_ query: SearchQuery, found: ([UInt8]) -> Bool) -> Bool {
        var needed = 0
        var matched = 0
        for group in query.groups {
            let positive = group.filter { !$0.inverse }
            guard let shortest = positive.map(\.bytes.count).min() else { continue }
            needed += shortest
            if positive.contains(where: { $0.kind != .fuzzy || found($0.bytes) }) { matched += shortest }
        }
        return matched * 10 >= needed * 6
    }

    /// Whether folded `part` occurs in `text` folded; ASCII text is lowered on the fly, unfolded.
    private static func contains(_ text: String, _ part: [UInt8]) -> Bool {
        var text = text
        let ascii: Bool? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return contains(bytes, part)
        }
        if let ascii { return ascii }
        return TextFolding.fold(text).lower.withUnsafeBufferPointer { contains($0, part) }
    }

    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ part: [UInt8]) -> Bool {
        guard !part.isEmpty, part.count <= text.count else { return part.isEmpty }
        let lowered = part.map { $0 | (($0 >= 0x41 && $0 <= 0x5A) ? 0x20 : 0) }
        let first = lowered[0]
        for start in 0...(text.count - lowered.count) where text[start] | ((text[start] >= 0x41 && text[start] <= 0x5A) ? 0x20 : 0) == first {
            var offset = 1
            while offset < lowered.count {
                let byte = text[start + offset]
                if byte | ((byte >= 0x41 && byte <= 0x5A) ? 0x20 : 0) != lowered[offset] { break }
                offset += 1
            }
            if offset == lowered.count { return true }
        }
        return false
    }
}
