/// A query's terms copied into one block of memory for the search loop, so scoring a node
/// touches no reference-counted storage.
struct PreparedTerms {
    struct Term {
        var bytes: UnsafeBufferPointer<UInt8>
        var kind: SearchQuery.Kind
        var inverse: Bool
        var caseSensitive: Bool
        /// `FieldMask`s of the term's bytes and of its pairs.
        var bytesMask: UInt64
        var pairsMask: UInt64
    }

    let terms: UnsafeMutableBufferPointer<Term>
    /// Group `g` is `terms[groupStart[g] ..< groupStart[g + 1]]`.
    let groupStart: UnsafeMutableBufferPointer<Int>
    private let storage: UnsafeMutableBufferPointer<UInt8>

    init(_ query: SearchQuery) {
        let all = query.groups.flatMap { $0 }
        storage = .allocate(capacity: max(1, all.reduce(0) { $0 + $1.bytes.count }))
        terms = .allocate(capacity: max(1, all.count))
        groupStart = .allocate(capacity: query.groups.count + 1)
        var offset = 0
        var index = 0
        for (groupIndex, group) in query.groups.enumerated() {
            groupStart[groupIndex] = index
            for term in group {
                let destination = UnsafeMutableBufferPointer(rebasing: storage[offset..<(offset + term.bytes.count)])
                _ = destination.initialize(from: term.bytes)
                let bytes = UnsafeBufferPointer(destination)
                terms.baseAddress!.advanced(by: index).initialize(to: Term(
                    bytes: bytes, kind: term.kind, inverse: term.inverse, caseSensitive: term.caseSensitive,
                    bytesMask: FieldMask.bytes(of: bytes), pairsMask: FieldMask.pairs(of: bytes)))
                offset += term.bytes.count
                index += 1
            }
        }
        groupStart[query.groups.count] = index
    }

    var groupCount: Int { groupStart.count - 1 }

    /// Whether a node's score can be bounded from subsequence tests alone: only plain fuzzy
    /// terms, where "is a subsequence of a field" is exactly "matches".
    var allowsBounds: Bool {
        terms.allSatisfy { $0.kind == .fuzzy && !$0.inverse && !$0.caseSensitive }
    }

    func release() {
        storage.deallocate()
        terms.deallocate()
        groupStart.deallocate()
    }
}

/// The search loop over raw buffers of a `SearchIndex`, valid while those buffers are pinned.
struct Kernel {
    let text: UnsafeBufferPointer<UInt8>
    let upper: UnsafeBufferPointer<UInt64>
    let fieldStart: UnsafeBufferPointer<Int32>
    let fieldEnd: UnsafeBufferPointer<Int32>
    let fieldBonus: UnsafeBufferPointer<Int32>
    let fieldMask: UnsafeBufferPointer<UInt64>
    let nodeFieldStart: UnsafeBufferPointer<Int32>
    let terms: PreparedTerms
    /// Groups before this one are settled for the next search (see `SettledScores`).
    let settleBefore: Int

    /// What scoring one node found, with what the next, longer query may reuse.
    enum Verdict {
        case noMatch
        /// It matches, but cannot score `threshold` or more, so it was not scored.
        case outranked(settled: SettledScores.Entry)
        case scored(SearchIndex.Scored, settled: SettledScores.Entry)
    }

    /// The most a term of `length` bytes can score before its field's bonus: every character
    /// matched with the largest bonus (a boundary, doubled as the first or carried by a run) and
    /// the whole-word bonus (see `FuzzyMatcher.score`).
    @inline(__always)
    static func ceiling(length: Int) -> Int {
        (FuzzyMatcher.scoreMatch + FuzzyMatcher.bonusBoundary * FuzzyMatcher.bonusFirstCharacterMultiplier) * length
            + FuzzyMatcher.bonusWholeWord
    }

    /// The most a term can score where its letters are not all adjacent: a gap costs at least
    /// `penaltyGapStart` and rules out the whole-word bonus.
    @inline(__always)
    static func scatteredCeiling(length: Int) -> Int {
        ceiling(length: length) - FuzzyMatcher.bonusWholeWord - FuzzyMatcher.penaltyGapStart
    }

    /// Scores `node` from group `firstGroup` on, the groups before it being `prior` (settled by an
    /// earlier search); or only proves it matches when even a perfect match could not reach
    /// `threshold` (the worst score still in the caller's top results), if `bounded` allows that.
    func evaluate(
        _ node: Int, prior: SettledScores.Entry, firstGroup: Int, threshold: Int, bounded: Bool, scratch: inout SearchIndex.Scratch
    ) -> Verdict {
        if bounded && threshold > Int.min {
            guard let ceiling = bound(node, groups: firstGroup..<terms.groupCount) else { return .noMatch }
            if Int(prior.score) + ceiling.total < threshold {
                // Groups between the reused ones and the newly settled ones were only bounded, not scored.
                let settled = SettledScores.Entry(
                    score: Int32(clamping: Int(prior.score) + ceiling.settled), field: prior.field,
                    exact: prior.exact && firstGroup == settleBefore)
                return .outranked(settled: settled)
            }
        }
        // A ceiling is no score: a node settled only by a bound is scored from its first group.
        let start = prior.exact ? firstGroup : 0
        guard let scored = score(node, groups: start..<terms.groupCount, base: prior.exact ? prior : .nothing, scratch: &scratch) else {
            return .noMatch
        }
        return .scored(scored.result, settled: scored.settled)
    }

    /// The best score `groups` of `node` could have: per group, the best over its terms and the
    /// fields holding them of the term's ceiling (lower when its letters are never adjacent there)
    /// plus the field's bonus, in total and for the groups before `settleBefore`; nil when some
    /// group cannot match.
    private func bound(_ node: Int, groups: Range<Int>) -> (total: Int, settled: Int)? {
        let firstField = Int(nodeFieldStart[node])
        let endField = Int(nodeFieldStart[node + 1])
        var total = 0
        var settled = 0
        for group in groups {
            if group == settleBefore { settled = total }
            var groupBest = Int.min
            for termIndex in terms.groupStart[group]..<terms.groupStart[group + 1] {
                let term = terms.terms[termIndex]
                let whole = Self.ceiling(length: term.bytes.count)
                let scattered = Self.scatteredCeiling(length: term.bytes.count)
                for field in firstField..<endField {
                    let bonus = Int(fieldBonus[field])
                    // Fields come in decreasing order of bonus: none left can raise the bound.
                    if whole + bonus <= groupBest { break }
                    // Bounds are taken only for case-insensitive fuzzy terms (`allowsBounds`),
                    // whose folded bytes are what the masks hold.
                    let mask = fieldMask[field]
                    if term.bytesMask & ~mask != 0 { continue }
                    let from = Int(fieldStart[field])
                    let to = Int(fieldEnd[field])
                    guard FuzzyMatcher.isSubsequence(term.bytes, of: text, from: from, to: to) else { continue }
                    if term.bytes.count > 1
                        && (term.pairsMask & ~mask != 0 || FuzzyMatcher.exactStart(term.bytes, in: text, from: from, to: to) == nil) {
                        groupBest = max(groupBest, scattered + bonus)
                        continue
                    }
                    groupBest = max(groupBest, whole + bonus)
                    break
                }
            }
            guard groupBest != .min else { return nil }
            total += groupBest
        }
        return (total, settleBefore == terms.groupCount ? total : settled)
    }

    /// Adds the scores of `groups` to `base` (the groups before them), noting the running total
    /// before `settleBefore` for the next search to reuse.
    private func score(
        _ node: Int, groups: Range<Int>, base: SettledScores.Entry, scratch: inout SearchIndex.Scratch
    ) -> (result: SearchIndex.Scored, settled: SettledScores.Entry)? {
        let firstField = Int(nodeFieldStart[node])
        let endField = Int(nodeFieldStart[node + 1])
        let nodeStart = Int(fieldStart[firstField])
        let nodeEnd = Int(fieldEnd[endField - 1])
        var total = Int(base.score)
        var shownField = Int(base.field)
        var settled = base
        for group in groups {
            if group == settleBefore {
                settled = SettledScores.Entry(score: Int32(clamping: total), field: Int32(shownField), exact: true)
            }
            var groupBest = Int.min
            var groupField = -1
            for termIndex in terms.groupStart[group]..<terms.groupStart[group + 1] {
                let term = terms.terms[termIndex]
                if term.inverse {
                    var found = false
                    for field in firstField..<endField where match(term, field: field, scratch: &scratch) != nil {
                        found = true
                        break
                    }
                    if !found { groupBest = max(groupBest, 0) }
                    continue
                }
                // The cheap test first: most nodes fail it for any real query.
                if !term.caseSensitive && !FuzzyMatcher.isSubsequence(term.bytes, of: text, from: nodeStart, to: nodeEnd) { continue }
                let ceiling = Self.ceiling(length: term.bytes.count)
                var termBest = Int.min
                for field in firstField..<endField {
                    // Fields come in decreasing order of bonus: once this term's best cannot be
                    // beaten in the fields left, they need no scoring.
                    if termBest != .min && termBest >= ceiling + Int(fieldBonus[field]) { break }
                    guard let score = match(term, field: field, scratch: &scratch) else { continue }
                    termBest = max(termBest, score + Int(fieldBonus[field]))
                    let withBonus = score + Int(fieldBonus[field])
                    if withBonus > groupBest {
                        groupBest = withBonus
                        groupField = field
                    }
                }
            }
            guard groupBest != .min else { return nil }
            total += groupBest
            if groupField >= 0 && (shownField < 0 || fieldBonus[groupField] > fieldBonus[shownField]) {
                shownField = groupField
            }
        }
        if settleBefore == terms.groupCount {
            settled = SettledScores.Entry(score: Int32(clamping: total), field: Int32(shownField), exact: true)
        }
        let field = shownField >= 0 ? shownField : firstField
        let result = SearchIndex.Scored(
            node: Int32(node), score: Int32(clamping: total), field: Int32(field),
            isHeading: Int(fieldBonus[field]) >= SearchIndex.Field.headingBonus)
        return (result, settled)
    }

    /// The term's score in one field, or nil when it does not match there.
    @inline(__always)
    private func match(_ term: PreparedTerms.Term, field: Int, scratch: inout SearchIndex.Scratch) -> Int? {
        // Masks are of folded text: a case-sensitive term is matched against the case kept.
        if !term.caseSensitive {
            let mask = fieldMask[field]
            if term.bytesMask & ~mask != 0 || (term.kind != .fuzzy && term.pairsMask & ~mask != 0) { return nil }
        }
        let from = Int(fieldStart[field])
        let to = Int(fieldEnd[field])
        if term.caseSensitive {
            scratch.cased.removeAll(keepingCapacity: true)
            for position in from..<to {
                let byte = text[position]
                let isUpper = upper[position / 64] & (1 << UInt64(position % 64)) != 0
                scratch.cased.append(isUpper ? byte & 0xDF : byte)
            }
            return scratch.cased.withUnsafeBufferPointer { cased in
                Self.match(term, in: cased, cases: .bytes(cased), from: 0, to: to - from)
            }
        }
        return Self.match(term, in: text, cases: .bits(upper), from: from, to: to)
    }

    @inline(__always)
    static func match(_ term: PreparedTerms.Term, in text: FuzzyMatcher.Bytes, cases: FuzzyMatcher.CaseSource, from: Int, to: Int) -> Int? {
        let termBytes = term.bytes
        guard let (start, end) = term.kind.bounds(of: termBytes, in: text, from: from, to: to) else { return nil }
        return FuzzyMatcher.score(termBytes, in: text, cases: cases, from: from, to: to, matchStart: start, matchEnd: end, wantPositions: false).score
    }
}
