extension SearchIndex {
    /// Nodes matching every space-separated term of `query`, best first.
    ///
    /// A term matches a node when it matches any of its fields; the node's score is the sum of each
    /// term's best match score plus that field's bonus. Ties go to shallower nodes, then shorter
    /// titles, then node key, so the order is stable. Smart case: a term with an upper-case
    /// letter matches case-sensitively.
    public func search(_ query: String, limit: Int = .max) -> [SearchResult] {
        let terms = query.split(separator: " ").map(String.init)
        guard !terms.isEmpty else { return [] }
        let prepared = terms.map { term in
            let caseSensitive = term.contains { $0.isUppercase }
            return (bytes: TextFolding.foldQuery(term, caseSensitive: caseSensitive), caseSensitive: caseSensitive)
        }
        var results: [(result: SearchResult, depth: Int, title: String)] = []
        for entry in entries {
            var total = 0
            var best: (field: PreparedField, score: Int, positions: [Int])?
            var matchedAll = true
            for term in prepared {
                var termBest: (field: PreparedField, score: Int, positions: [Int])?
                for field in entry.fields {
                    let haystack = term.caseSensitive ? field.folded.cased : field.folded.lower
                    guard let match = FuzzyMatcher.match(term.bytes, in: haystack, original: field.folded.cased) else { continue }
                    let weighted = match.score + field.field.bonus
                    if weighted > termBest?.score ?? .min {
                        termBest = (field, weighted, match.positions)
                    }
                }
                guard let termBest else {
                    matchedAll = false
                    break
                }
                total += termBest.score
                if best == nil || termBest.field.field.bonus > best!.field.field.bonus {
                    best = termBest
                } else if termBest.field.text == best!.field.text {
                    best!.positions += termBest.positions
                }
            }
            guard matchedAll, let best else { continue }
            let indices = best.field.folded.characterIndex
            let characterPositions = Set(best.positions.map { Int(indices[$0]) }).sorted()
            results.append((
                SearchResult(key: entry.key, score: total, field: best.field.field, matchedText: best.field.text, positions: characterPositions),
                entry.depth, entry.title))
        }
        results.sort { lhs, rhs in
            if lhs.result.score != rhs.result.score { return lhs.result.score > rhs.result.score }
            if lhs.depth != rhs.depth { return lhs.depth < rhs.depth }
            if lhs.title.count != rhs.title.count { return lhs.title.count < rhs.title.count }
            return lhs.result.key < rhs.result.key
        }
        return results.prefix(limit).map(\.result)
    }
}
