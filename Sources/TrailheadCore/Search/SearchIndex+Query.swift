import Dispatch

/// What one search found: the best results, and every matching node for narrowing the next search.
public struct SearchOutcome: Sendable, Equatable {
    public var results: [SearchResult]
    /// Indices of every matching node, in index order.
    public var matches: [Int32]
}

extension SearchIndex {
    /// Nodes matching `query` (fzf syntax, see `SearchQuery`), best first.
    public func search(_ query: String, limit: Int = .max) -> [SearchResult] {
        search(SearchQuery(query), limit: limit, within: nil).results
    }

    /// Searches all nodes, or only `candidates` (the matches of a query this one narrows).
    ///
    /// A node's score is the sum over the query's groups of the best term match plus its field's
    /// bonus. Ties go to shallower nodes, then shorter titles, then node key, so the order is stable.
    public func search(_ query: SearchQuery, limit: Int, within candidates: [Int32]?) -> SearchOutcome {
        guard !query.isEmpty else { return SearchOutcome(results: [], matches: []) }
        let total = candidates?.count ?? keys.count
        let chunks = total > 4096 ? 2 : 1
        var partial = [[Scored]](repeating: [], count: chunks)
        lower.withUnsafeBufferPointer { text in
            upperBits.withUnsafeBufferPointer { upper in
                partial.withUnsafeMutableBufferPointer { output in
                    let output = UncheckedSendable(output)
                    let text = UncheckedSendable(text)
                    let upper = UncheckedSendable(upper)
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let range = (total * chunk / chunks)..<(total * (chunk + 1) / chunks)
                        var found: [Scored] = []
                        var scratch = Scratch()
                        for position in range {
                            let node = candidates?[position] ?? Int32(position)
                            if let scored = evaluate(Int(node), query: query, text: text.value, upper: upper.value, scratch: &scratch) {
                                found.append(scored)
                            }
                        }
                        output.value[chunk] = found
                    }
                }
            }
        }
        let all = partial.flatMap { $0 }
        let best = Self.top(all, limit: limit, isBetter: isBetter)
        let results = best.map { result(for: $0, query: query) }
        return SearchOutcome(results: results, matches: all.map(\.node))
    }

    struct Scored: Sendable {
        var node: Int32
        var score: Int32
        /// The field shown for the result, and which groups' terms matched there (for highlights).
        var field: Int32
    }

    /// Reusable storage for case-sensitive matching, so scoring allocates nothing per node.
    struct Scratch {
        var cased: [UInt8] = []
    }

    private func isBetter(_ lhs: Scored, _ rhs: Scored) -> Bool {
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        let (left, right) = (Int(lhs.node), Int(rhs.node))
        if depth[left] != depth[right] { return depth[left] < depth[right] }
        if titleLength[left] != titleLength[right] { return titleLength[left] < titleLength[right] }
        return keys[left] < keys[right]
    }

    private func evaluate(_ node: Int, query: SearchQuery, text: FuzzyMatcher.Bytes, upper: UnsafeBufferPointer<UInt64>, scratch: inout Scratch) -> Scored? {
        let firstField = Int(nodeFieldStart[node])
        let endField = Int(nodeFieldStart[node + 1])
        let nodeStart = Int(fieldStart[firstField])
        let nodeEnd = Int(fieldEnd[endField - 1])
        var total = 0
        var shownField = -1
        for group in query.groups {
            var groupBest = Int.min
            var groupField = -1
            for term in group {
                if term.inverse {
                    if !contains(term, text: text, upper: upper, fields: firstField..<endField, scratch: &scratch) {
                        groupBest = max(groupBest, 0)
                    }
                    continue
                }
                let matched = term.bytes.withUnsafeBufferPointer { termBytes -> (Int, Int)? in
                    // The cheap test first: most nodes fail it for any real query.
                    if !term.caseSensitive && !FuzzyMatcher.isSubsequence(termBytes, of: text, from: nodeStart, to: nodeEnd) { return nil }
                    var best: (Int, Int)?
                    for field in firstField..<endField {
                        guard let score = match(term, termBytes, field: field, text: text, upper: upper, scratch: &scratch) else { continue }
                        let withBonus = score + fieldKind[field].bonus
                        if withBonus > best?.0 ?? .min { best = (withBonus, field) }
                    }
                    return best
                }
                if let (score, field) = matched, score > groupBest {
                    groupBest = score
                    groupField = field
                }
            }
            guard groupBest != .min else { return nil }
            total += groupBest
            if groupField >= 0 && (shownField < 0 || fieldKind[groupField].bonus > fieldKind[shownField].bonus) {
                shownField = groupField
            }
        }
        return Scored(node: Int32(node), score: Int32(clamping: total), field: Int32(shownField >= 0 ? shownField : firstField))
    }

    /// The term's score in one field, or nil when it does not match there.
    private func match(
        _ term: SearchQuery.Term, _ termBytes: FuzzyMatcher.Bytes, field: Int, text lowerText: FuzzyMatcher.Bytes,
        upper: UnsafeBufferPointer<UInt64>, scratch: inout Scratch
    ) -> Int? {
        let from = Int(fieldStart[field])
        let to = Int(fieldEnd[field])
        if term.caseSensitive {
            fillCased(&scratch, from: from, to: to, text: lowerText, upper: upper)
            return scratch.cased.withUnsafeBufferPointer { cased in
                match(term, termBytes, in: cased, cases: .bytes(cased), from: 0, to: to - from)
            }
        }
        return match(term, termBytes, in: lowerText, cases: .bits(upper), from: from, to: to)
    }

    private func match(
        _ term: SearchQuery.Term, _ termBytes: FuzzyMatcher.Bytes, in text: FuzzyMatcher.Bytes, cases: FuzzyMatcher.CaseSource,
        from: Int, to: Int
    ) -> Int? {
        let length = termBytes.count
        let start: Int
        let end: Int
        switch term.kind {
        case .fuzzy:
            guard let bounds = FuzzyMatcher.fuzzyBounds(termBytes, in: text, from: from, to: to) else { return nil }
            (start, end) = bounds
        case .exact:
            guard let found = FuzzyMatcher.exactStart(termBytes, in: text, from: from, to: to) else { return nil }
            (start, end) = (found, found + length - 1)
        case .prefix, .equal:
            guard to - from >= length, FuzzyMatcher.exactStart(termBytes, in: text, from: from, to: from + length) == from else { return nil }
            if term.kind == .equal && to - from != length { return nil }
            (start, end) = (from, from + length - 1)
        case .suffix:
            guard to - from >= length, FuzzyMatcher.exactStart(termBytes, in: text, from: to - length, to: to) == to - length else { return nil }
            (start, end) = (to - length, to - 1)
        }
        return FuzzyMatcher.score(termBytes, in: text, cases: cases, from: from, to: to, matchStart: start, matchEnd: end, wantPositions: false).score
    }

    private func contains(_ term: SearchQuery.Term, text: FuzzyMatcher.Bytes, upper: UnsafeBufferPointer<UInt64>, fields: Range<Int>, scratch: inout Scratch) -> Bool {
        term.bytes.withUnsafeBufferPointer { termBytes in
            fields.contains { match(term, termBytes, field: $0, text: text, upper: upper, scratch: &scratch) != nil }
        }
    }

    private func fillCased(_ scratch: inout Scratch, from: Int, to: Int, text: FuzzyMatcher.Bytes, upper: UnsafeBufferPointer<UInt64>) {
        scratch.cased.removeAll(keepingCapacity: true)
        for position in from..<to {
            let byte = text[position]
            let isUpper = upper[position / 64] & (1 << UInt64(position % 64)) != 0
            scratch.cased.append(isUpper ? byte & 0xDF : byte)
        }
    }

    /// Builds the reported result, with match positions as character offsets in the shown field.
    private func result(for scored: Scored, query: SearchQuery) -> SearchResult {
        let field = Int(scored.field)
        let text = fieldText[field]
        let folded = TextFolding.fold(text)
        var positions: Set<Int> = []
        for group in query.groups {
            for term in group where !term.inverse {
                let haystack = term.caseSensitive ? folded.cased : folded.lower
                guard let found = Self.positions(of: term, in: haystack, cased: folded.cased) else { continue }
                positions.formUnion(found.map { Int(folded.characterIndex[$0]) })
            }
        }
        return SearchResult(
            key: keys[Int(scored.node)], score: Int(scored.score), field: fieldKind[field],
            matchedText: text, positions: positions.sorted())
    }

    static func positions(of term: SearchQuery.Term, in text: [UInt8], cased: [UInt8]) -> [Int]? {
        term.bytes.withUnsafeBufferPointer { termBytes in
            text.withUnsafeBufferPointer { textBytes in
                cased.withUnsafeBufferPointer { casedBytes in
                    let length = termBytes.count
                    let bounds: (Int, Int)?
                    switch term.kind {
                    case .fuzzy:
                        bounds = FuzzyMatcher.fuzzyBounds(termBytes, in: textBytes, from: 0, to: textBytes.count)
                    case .exact:
                        bounds = FuzzyMatcher.exactStart(termBytes, in: textBytes, from: 0, to: textBytes.count).map { ($0, $0 + length - 1) }
                    case .prefix, .equal:
                        bounds = FuzzyMatcher.exactStart(termBytes, in: textBytes, from: 0, to: min(length, textBytes.count)) == 0 ? (0, length - 1) : nil
                    case .suffix:
                        let start = textBytes.count - length
                        bounds = start >= 0 && FuzzyMatcher.exactStart(termBytes, in: textBytes, from: start, to: textBytes.count) == start ? (start, textBytes.count - 1) : nil
                    }
                    guard let (start, end) = bounds else { return nil }
                    return FuzzyMatcher.score(termBytes, in: textBytes, cases: .bytes(casedBytes), from: 0, to: textBytes.count, matchStart: start, matchEnd: end, wantPositions: true).positions
                }
            }
        }
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

/// Lets buffers that are only read (or written in disjoint parts) cross into concurrent work.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
