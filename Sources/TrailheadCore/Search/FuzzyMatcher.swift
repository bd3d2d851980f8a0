/// Scores how well a query term matches a text, in the spirit of fzf's algorithm.
///
/// The term's characters must appear in order. Each matched character earns points, more at the
/// start of a word, after a separator, at a camelCase hump, and when it follows the previous match
/// directly; gaps between matched characters cost points. Of the possible alignments, the one found
/// by scanning forward and then tightening backward from the end is scored, as fzf's v1 does.
public enum FuzzyMatcher {
    static let scoreMatch = 16
    static let bonusBoundary = 8
    static let bonusCamel = 7
    static let bonusConsecutive = 4
    static let bonusFirstCharacterMultiplier = 2
    static let penaltyGapStart = 8
    static let penaltyGapExtension = 1
    /// A term found as a whole word ("rucio" in "the rucio client") earns this on top.
    static let bonusWholeWord = 24

    /// The score and matched byte offsets, or nil when `term` is not a subsequence of `text`.
    /// `original` holds the unfolded bytes, used only to find camelCase humps.
    public static func match(_ term: [UInt8], in text: [UInt8], original: [UInt8]? = nil) -> (score: Int, positions: [Int])? {
        guard !term.isEmpty else { return (0, []) }
        guard term.count <= text.count else { return nil }
        var termIndex = 0
        var end = -1
        for (index, byte) in text.enumerated() where byte == term[termIndex] {
            termIndex += 1
            if termIndex == term.count {
                end = index
                break
            }
        }
        guard end >= 0 else { return nil }
        var start = end
        termIndex = term.count - 1
        var index = end
        while index >= 0 {
            if text[index] == term[termIndex] {
                if termIndex == 0 {
                    start = index
                    break
                }
                termIndex -= 1
            }
            index -= 1
        }
        var result = score(term, in: text, original: original, from: start, to: end)
        if end - start + 1 == term.count && bonus(at: start, in: text, original: nil) == bonusBoundary
            && (end + 1 == text.count || isSeparator(text[end + 1])) {
            result.0 += bonusWholeWord
        }
        return result
    }

    private static func score(_ term: [UInt8], in text: [UInt8], original: [UInt8]?, from start: Int, to end: Int) -> (Int, [Int]) {
        var positions: [Int] = []
        positions.reserveCapacity(term.count)
        var total = 0
        var termIndex = 0
        var inGap = false
        var consecutive = 0
        var previousBonus = 0
        for index in start...end {
            if termIndex < term.count && text[index] == term[termIndex] {
                var bonus = self.bonus(at: index, in: text, original: original)
                if consecutive > 0 {
                    bonus = max(bonus, previousBonus, bonusConsecutive)
                }
                if termIndex == 0 { bonus *= bonusFirstCharacterMultiplier }
                total += scoreMatch + bonus
                previousBonus = consecutive > 0 ? max(previousBonus, bonus) : bonus
                positions.append(index)
                termIndex += 1
                consecutive += 1
                inGap = false
            } else {
                total -= inGap ? penaltyGapExtension : penaltyGapStart
                inGap = true
                consecutive = 0
                previousBonus = 0
            }
        }
        return (total, positions)
    }

    @inline(__always)
    static func bonus(at index: Int, in text: [UInt8], original: [UInt8]?) -> Int {
        if index == 0 { return bonusBoundary }
        let previous = text[index - 1]
        if isSeparator(previous) { return bonusBoundary }
        if let original, index < original.count, isUpper(original[index]), isLower(original[index - 1]) {
            return bonusCamel
        }
        if isDigit(text[index]) && !isDigit(previous) { return bonusCamel }
        return 0
    }

    @inline(__always) static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x2F, 0x2D, 0x5F, 0x2E, 0x3A, 0x2C, 0x3B, 0x7C, 0x0A, 0x09, 0x28, 0x5B, 0x7B, 0x27, 0x22, 0x3D, 0x40: true
        default: false
        }
    }

    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
