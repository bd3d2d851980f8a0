import Dispatch

/// What one search found: the best results, and every matching node for narrowing the next search.
public struct SearchOutcome: Sendable, Equatable {
    public var results: [SearchResult]
    /// Indices of every matching node, in index order.
    public var matches: [Int32]
    /// For each of `matches`, the score of every group but the one being typed, for a longer query to build on.
    public var settled: SettledScores
}

extension SearchIndex {
    /// Nodes matching `query` (fzf syntax, see `SearchQuery`), best first.
    public func search(_ query: String, limit: Int = .max) -> [SearchResult] {
        search(SearchQuery(query), limit: limit, within: nil, settled: nil).results
    }

    /// Searches all nodes, or only `candidates` (the matches of a query this one narrows, with the
    /// `settled` scores that search left, which spare rescoring the groups both queries share).
    ///
    /// A node's score is the sum over the query's groups of the best term match plus its field's
    /// bonus. Ties go to nodes shown by their title or an answer's label, then to shallower nodes,
    /// shorter titles and node key, so the order is stable.
    public func search(_ query: SearchQuery, limit: Int, within candidates: [Int32]?, settled: SettledScores?) -> SearchOutcome {
        Self.outcome(
            of: query, limit: limit, within: candidates, settled: settled, nodeCount: keys.count,
            withKernel: withKernel, rank: { Self.top($0, limit: limit, isBetter: isBetter) },
            report: { reported($0, query: query) })
    }

    /// The search an index and a snapshot both run: which groups an earlier search settled, the
    /// scan (through the kernel `withKernel` lends for the query's terms and the number of groups
    /// to settle), the `rank`ing of what scored, and the `report` of the best.
    static func outcome(
        of query: SearchQuery, limit: Int, within candidates: [Int32]?, settled: SettledScores?, nodeCount: Int,
        withKernel: (PreparedTerms, Int, (Kernel) -> [ScanPart]) -> [ScanPart],
        rank: ([Scored]) -> [Scored], report: ([Scored]) -> [SearchResult]
    ) -> SearchOutcome {
        guard !query.isEmpty else {
            return SearchOutcome(results: [], matches: [], settled: SettledScores(groups: [], entries: []))
        }
        let settledGroups = query.lastGroupIsComplete ? query.groups.count : query.groups.count - 1
        let total = candidates?.count ?? nodeCount
        let reused = candidates.flatMap { settled?.coveredGroups(of: query, candidates: $0.count) }
        let priors = reused == nil ? nil : settled?.entries
        let firstGroup = reused ?? 0
        let terms = PreparedTerms(query)
        defer { terms.release() }
        let bounded = limit < total && terms.allowsBounds
        let partial = withKernel(terms, settledGroups) { kernel in
            scan(kernel, total: total, candidates: candidates, priors: priors, firstGroup: firstGroup, bounded: bounded, limit: limit)
        }
        let best = rank(partial.count == 1 ? partial[0].scored : partial.flatMap(\.scored))
        return SearchOutcome(
            results: report(best), matches: partial.flatMap(\.matched),
            settled: SettledScores(groups: Array(query.groups.prefix(settledGroups)), entries: partial.flatMap(\.settled)))
    }

    /// `body` with a kernel over this index's buffers, valid only inside it.
    private func withKernel<Result>(_ terms: PreparedTerms, settleBefore: Int, _ body: (Kernel) -> Result) -> Result {
        lower.withUnsafeBufferPointer { text in
            upperBits.withUnsafeBufferPointer { upper in
                fieldStart.withUnsafeBufferPointer { starts in
                    fieldEnd.withUnsafeBufferPointer { ends in
                        fieldBonus.withUnsafeBufferPointer { bonuses in
                            fieldMask.withUnsafeBufferPointer { masks in
                                nodeFieldStart.withUnsafeBufferPointer { nodeFields in
                                    body(Kernel(
                                        text: text, upper: upper, fieldStart: starts, fieldEnd: ends, fieldBonus: bonuses,
                                        fieldMask: masks, nodeFieldStart: nodeFields, terms: terms, settleBefore: settleBefore))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// What one chunk of a scan found: the scored nodes that may rank, every matching node, and
    /// for each of those the scores the next, longer query may reuse.
    typealias ScanPart = (scored: [Scored], matched: [Int32], settled: [SettledScores.Entry])

    /// Scores every candidate (`candidates`, or all `total` nodes) with `kernel`, on every core
    /// when there are many, each chunk's results in candidate order.
    static func scan(
        _ kernel: Kernel, total: Int, candidates: [Int32]?, priors: [SettledScores.Entry]?, firstGroup: Int,
        bounded: Bool, limit: Int
    ) -> [ScanPart] {
        let chunks = Cores.parts(for: total, minimumPerPart: 2048)
        var partial = [ScanPart](repeating: ([], [], []), count: chunks)
        partial.withUnsafeMutableBufferPointer { output in
            let kernel = UncheckedSendable(kernel)
            let output = UncheckedSendable(output)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (total * chunk / chunks)..<(total * (chunk + 1) / chunks)
                var found: [Scored] = []
                var matched: [Int32] = []
                var settled: [SettledScores.Entry] = []
                var scratch = Scratch()
                // This chunk's `limit` best scores so far: a node that cannot
                // beat the worst of them cannot be in the overall top either.
                var best = ScoreFloor(capacity: bounded ? limit : 0)
                for position in range {
                    let node = candidates?[position] ?? Int32(position)
                    let prior = priors?[position] ?? .nothing
                    switch kernel.value.evaluate(
                        Int(node), prior: prior, firstGroup: firstGroup, threshold: best.floor, bounded: bounded,
                        scratch: &scratch) {
                    case .noMatch:
                        continue
                    case .outranked(let entry):
                        matched.append(node)
                        settled.append(entry)
                    case .scored(let scored, let entry):
                        matched.append(node)
                        settled.append(entry)
                        found.append(scored)
                        best.insert(scored.score)
                    }
                }
                output.value[chunk] = (found, matched, settled)
            }
        }
        return partial
    }

    struct Scored: Sendable {
        var node: Int32
        var score: Int32
        /// The field shown for the result.
        var field: Int32
        /// Whether that field is a title or label, which settles a tie on score first.
        var isHeading: Bool
    }

    /// Reusable storage for case-sensitive matching, so scoring allocates nothing per node.
    struct Scratch {
        var cased: [UInt8] = []
    }

    private func isBetter(_ lhs: Scored, _ rhs: Scored) -> Bool {
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        if lhs.isHeading != rhs.isHeading { return lhs.isHeading }
        let (left, right) = (Int(lhs.node), Int(rhs.node))
        if depth[left] != depth[right] { return depth[left] < depth[right] }
        if titleLength[left] != titleLength[right] { return titleLength[left] < titleLength[right] }
        return keys[left] < keys[right]
    }

    /// The results for `best`, in order; a long list (a script asking for every match) is built on every core.
    private func reported(_ best: [Scored], query: SearchQuery) -> [SearchResult] {
        OrderedParallelMap.map(count: best.count, chunks: Cores.parts(for: best.count, minimumPerPart: 2048)) { result(for: best[$0], query: query) }
    }

    /// Builds the reported result, with match positions as character offsets in the shown field.
    private func result(for scored: Scored, query: SearchQuery) -> SearchResult {
        let field = Int(scored.field)
        let text = fieldText[field]
        return SearchResult(
            key: keys[Int(scored.node)], score: Int(scored.score), field: fieldKind[field],
            matchedText: text, positions: Self.matchPositions(of: query, in: TextFolding.fold(text)))
    }

    /// The characters of a field's text that the query's terms matched, in order.
    static func matchPositions(of query: SearchQuery, in folded: TextFolding.Folded) -> [Int] {
        var positions: [Int] = []
        folded.cased.withUnsafeBufferPointer { cased in
            for group in query.groups {
                for term in group where !term.inverse {
                    let haystack = term.caseSensitive ? folded.cased : folded.lower
                    let found = haystack.withUnsafeBufferPointer { text in
                        term.bytes.withUnsafeBufferPointer {
                            Self.positions(of: $0, kind: term.kind, in: text, cases: .bytes(cased), from: 0, to: text.count)
                        }
                    }
                    positions += (found ?? []).map { Int(folded.characterIndex[$0]) }
                }
            }
        }
        return sortedUnique(positions)
    }

    /// Where a term of `kind` matches `text[from..<to]`, as offsets from `from`; nil when it does not.
    static func positions(
        of termBytes: FuzzyMatcher.Bytes, kind: SearchQuery.Kind, in text: FuzzyMatcher.Bytes, cases: FuzzyMatcher.CaseSource,
        from: Int, to: Int
    ) -> [Int]? {
        guard let (start, end) = kind.bounds(of: termBytes, in: text, from: from, to: to) else { return nil }
        return FuzzyMatcher.score(termBytes, in: text, cases: cases, from: from, to: to, matchStart: start, matchEnd: end, wantPositions: true).positions
    }

    /// Positions in order, each once: several bytes of one character, or two terms matching
    /// the same one, count once.
    static func sortedUnique(_ positions: [Int]) -> [Int] {
        // One term's positions, the common case, already are.
        if zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }) { return positions }
        var unique: [Int] = []
        unique.reserveCapacity(positions.count)
        for position in positions.sorted() where unique.last != position { unique.append(position) }
        return unique
    }

    /// The `limit` best elements in order, without sorting everything when the limit is small.
    static func top<T>(_ items: [T], limit: Int, isBetter: (T, T) -> Bool) -> [T] {
        if limit >= items.count { return items.sorted(by: isBetter) }
        var heap: [T] = []
        heap.reserveCapacity(limit + 1)
        // A heap whose root is the worst of the best so far.
        func siftUp(_ index: Int) {
            var child = index
            while child > 0 {
                let parent = (child - 1) / 2
                guard isBetter(heap[parent], heap[child]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        }
        func siftDown(_ index: Int) {
            var parent = index
            while true {
                let left = parent * 2 + 1
                let right = left + 1
                var worst = parent
                if left < heap.count && isBetter(heap[worst], heap[left]) { worst = left }
                if right < heap.count && isBetter(heap[worst], heap[right]) { worst = right }
                if worst == parent { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
        for item in items {
            if heap.count < limit {
                heap.append(item)
                siftUp(heap.count - 1)
            } else if let root = heap.first, isBetter(item, root) {
                heap[0] = item
                siftDown(0)
            }
        }
        return heap.sorted(by: isBetter)
    }
}
