#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scores how well a query term matches a text, in the spirit of fzf's algorithm.
///
/// The term's characters must appear in order. Each matched character earns points, more at the
/// start of a word, after a separator, at a camelCase hump, and when it follows the previous match
/// directly; gaps between matched characters cost points. Of the possible alignments, the one found
/// by scanning forward and then tightening backward from the end is scored, as fzf's v1 does.
/// A term found as a whole word earns a bonus, so "rucio" in "the rucio client" outranks the
/// same letters spread over "run a cool image".
///
/// Texts are folded bytes (see `TextFolding`); `cased` is the same text with case kept, used only
/// to find camelCase humps. Both are read through unsafe buffers: this is the inner loop of every
/// keystroke.
public enum FuzzyMatcher {
    // The scale is fzf's (src/algo/algo.go): a matched character is worth 16, and every bonus
    // and penalty is a fraction of that, so scores stay small integers.
    /// Each matched character.
    static let scoreMatch = 16
    /// A character at the start of a word or after a separator: half a match, as in fzf, so a
    /// term typed as initials ("rd" for "rucio download") still ranks well.
    static let bonusBoundary = scoreMatch / 2
    /// A camelCase hump or the first digit after a letter: one less than a word start, as fzf's
    /// `bonusBoundary + scoreGapExtension`, so a real word start wins a tie with a hump.
    static let bonusCamel = bonusBoundary - penaltyGapExtension
    /// A character right after the previous match: fzf's value (its gap start and extension,
    /// 3 + 1), kept when the gap start below was raised, so runs still beat scattered letters.
    static let bonusConsecutive = 4
    /// The first character's boundary bonus counts double, as in fzf: where a term starts says
    /// most about whether the user meant this text.
    static let bonusFirstCharacterMultiplier = 2
    /// Opening a gap costs a whole boundary bonus (fzf charges 3): a letter found after a gap
    /// earns nothing for starting a word, so texts of tree nodes, long and full of word starts,
    /// do not rank letters scattered across many words above a tight run. Pinned by the
    /// ranking tests in SearchTests.
    static let penaltyGapStart = bonusBoundary
    /// Each further character of a gap.
    static let penaltyGapExtension = 1
    /// A term found as a whole word (not in fzf, whose terms are fragments; ours are often whole
    /// words of a question): three word starts' worth, so "rucio" in "the rucio client"
    /// outranks the same letters spread over "run a cool image".
    static let bonusWholeWord = 3 * bonusBoundary

    public typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Where to learn which letters were upper-case (for camelCase humps): a case-kept copy of
    /// the text, or the index's bit per byte.
    public enum CaseSource {
        case bytes(Bytes)
        case bits(UnsafeBufferPointer<UInt64>)
        case none

        @inline(__always)
        func isUpper(_ index: Int, lower: Bytes) -> Bool {
            switch self {
            case .bytes(let cased): return FuzzyMatcher.isUpper(cased[index])
            case .bits(let bits): return bits[index / 64] & (1 << UInt64(index % 64)) != 0
            case .none: return false
            }
        }
    }

    /// Convenience for tests and small inputs.
    public static func match(_ term: [UInt8], in text: [UInt8], cased: [UInt8]? = nil) -> (score: Int, positions: [Int])? {
        term.withUnsafeBufferPointer { termBuffer in
            text.withUnsafeBufferPointer { textBuffer in
                (cased ?? text).withUnsafeBufferPointer { casedBuffer in
                    guard let (start, end) = fuzzyBounds(termBuffer, in: textBuffer, from: 0, to: textBuffer.count) else { return nil }
                    return score(termBuffer, in: textBuffer, cases: .bytes(casedBuffer), from: 0, to: textBuffer.count, matchStart: start, matchEnd: end, wantPositions: true)
                }
            }
        }
    }

    /// Whether `term` is a subsequence of `text[from..<to]`: the cheap test that runs first.
    @inline(__always)
    public static func isSubsequence(_ term: Bytes, of text: Bytes, from: Int, to: Int) -> Bool {
        var index = from
        for wanted in term {
            guard let found = next(wanted, in: text, from: index, to: to) else { return false }
            index = found + 1
        }
        return true
    }

    /// The first `byte` in `text[from..<to]`. `memchr` scans a vector register at a time, several
    /// times faster than a byte loop over the gaps between a term's letters.
    @inline(__always)
    static func next(_ byte: UInt8, in text: Bytes, from: Int, to: Int) -> Int? {
        guard from < to, let base = text.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The tightest span `[start, end]` that contains `term` as a subsequence, ending at the first
    /// place the term completes; nil when it does not occur.
    @inline(__always)
    static func fuzzyBounds(_ term: Bytes, in text: Bytes, from: Int, to: Int) -> (Int, Int)? {
        let termCount = term.count
        guard termCount > 0, termCount <= to - from else { return termCount == 0 ? (from, from - 1) : nil }
        var end = from - 1
        for wanted in term {
            guard let found = next(wanted, in: text, from: end + 1, to: to) else { return nil }
            end = found
        }
        var termIndex = termCount - 1
        var index = end
        while index >= from {
            if text[index] == term[termIndex] {
                if termIndex == 0 { return (index, end) }
                termIndex -= 1
            }
            index -= 1
        }
        return nil
    }

    /// The first place `term` occurs as a contiguous run in `text[from..<to]`.
    @inline(__always)
    static func exactStart(_ term: Bytes, in text: Bytes, from: Int, to: Int) -> Int? {
        let termCount = term.count
        guard termCount > 0, termCount <= to - from else { return nil }
        let first = term[0]
        let last = to - termCount
        var index = from
        outer: while index <= last, let found = next(first, in: text, from: index, to: last + 1) {
            var offset = 1
            while offset < termCount {
                if text[found + offset] != term[offset] {
                    index = found + 1
                    continue outer
                }
                offset += 1
            }
            return found
        }
        return nil
    }

    /// Scores the term's alignment within `[matchStart, matchEnd]` of the field `[from, to)`.
    static func score(
        _ term: Bytes, in text: Bytes, cases: CaseSource, from: Int, to: Int, matchStart: Int, matchEnd: Int, wantPositions: Bool
    ) -> (score: Int, positions: [Int]) {
        var positions: [Int] = []
        if wantPositions { positions.reserveCapacity(term.count) }
        var total = 0
        var termIndex = 0
        var inGap = false
        var consecutive = 0
        var previousBonus = 0
        var index = matchStart
        while index <= matchEnd {
            if termIndex < term.count && text[index] == term[termIndex] {
                var bonus = self.bonus(at: index, in: text, cases: cases, from: from)
                if consecutive > 0 { bonus = max(bonus, previousBonus, bonusConsecutive) }
                if termIndex == 0 { bonus *= bonusFirstCharacterMultiplier }
                total += scoreMatch + bonus
                previousBonus = consecutive > 0 ? max(previousBonus, bonus) : bonus
                if wantPositions { positions.append(index - from) }
                termIndex += 1
                consecutive += 1
                inGap = false
            } else {
                total -= inGap ? penaltyGapExtension : penaltyGapStart
                inGap = true
                consecutive = 0
                previousBonus = 0
            }
            index += 1
        }
        if matchEnd - matchStart + 1 == term.count && bonus(at: matchStart, in: text, cases: .none, from: from) == bonusBoundary
            && (matchEnd + 1 == to || isSeparator(text[matchEnd + 1])) {
            total += bonusWholeWord
        }
        return (total, positions)
    }

    @inline(__always)
    static func bonus(at index: Int, in text: Bytes, cases: CaseSource, from: Int) -> Int {
        if index == from { return bonusBoundary }
        let previous = text[index - 1]
        if isSeparator(previous) { return bonusBoundary }
        if isLetter(text[index]) && isLetter(previous) && cases.isUpper(index, lower: text) && !cases.isUpper(index - 1, lower: text) {
            return bonusCamel
        }
        if isDigit(text[index]) && !isDigit(previous) { return bonusCamel }
        return 0
    }

    @inline(__always) static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x2F, 0x2D, 0x5F, 0x2E, 0x3A, 0x2C, 0x3B, 0x7C, 0x0A, 0x09, 0x28, 0x5B, 0x7B, 0x27, 0x22, 0x3D, 0x40, 0x60: true
        default: false
        }
    }

    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
