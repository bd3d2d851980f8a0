import Testing
@testable import TrailheadCore

/// A field's mask may only ever rule out what cannot match: every test here checks the masks'
/// "cannot" against reading the text itself.
@Suite struct FieldMaskTests {
    /// Every text of up to four bytes over a small alphabet (letters, a digit that shares a
    /// letter's bit, a separator, a byte of a multi-byte character), and every term of up to
    /// three bytes over it.
    static let alphabet: [UInt8] = Array("adq1 ".utf8) + [0xC3]

    static func words(upTo length: Int) -> [[UInt8]] {
        var all: [[UInt8]] = [[]]
        var last: [[UInt8]] = [[]]
        for _ in 0..<length {
            last = last.flatMap { word in alphabet.map { word + [$0] } }
            all += last
        }
        return all
    }

    @Test func aTermTheBytesRuleOutIsNoSubsequence() {
        let ruledOut = Self.checkRuledOut(terms: Self.words(upTo: 3).filter { !$0.isEmpty }, by: FieldMask.bytes) { term, text in
            FuzzyMatcher.isSubsequence(term, of: text, from: 0, to: text.count)
        }
        #expect(ruledOut > 10_000)
    }

    @Test func aTermThePairsRuleOutIsNoRun() {
        let ruledOut = Self.checkRuledOut(terms: Self.words(upTo: 3).filter { $0.count > 1 }, by: FieldMask.pairs) { term, text in
            FuzzyMatcher.exactStart(term, in: text, from: 0, to: text.count) != nil
        }
        #expect(ruledOut > 10_000)
    }

    /// Records an issue wherever `termMask` rules a term out of a text's mask but `matches` finds
    /// it there; returns how many pairs of term and text were ruled out.
    static func checkRuledOut(
        terms: [[UInt8]], by termMask: (FuzzyMatcher.Bytes) -> UInt64, matches: (FuzzyMatcher.Bytes, FuzzyMatcher.Bytes) -> Bool
    ) -> Int {
        var ruledOut = 0
        for text in words(upTo: 4) {
            text.withUnsafeBufferPointer { textBytes in
                let mask = FieldMask.of(textBytes)
                for term in terms {
                    term.withUnsafeBufferPointer { termBytes in
                        guard termMask(termBytes) & ~mask != 0 else { return }
                        ruledOut += 1
                        #expect(!matches(termBytes, textBytes), "\(term) in \(text)")
                    }
                }
            }
        }
        return ruledOut
    }

    /// Every two-letter term, alone and as a run, a prefix and a suffix: those are where a
    /// pair's bit decides, and where a wrong bit would drop a result.
    @Test func masksChangeNoResultForAnyPairOfLetters() {
        var index = SearchIndex(catalog: TestTrees.bundledLibrary.catalog)
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        let queries = letters.flatMap { first in letters.map { first + $0 } }.flatMap { ["\($0)", "'\($0)", "^\($0)", "\($0)$"] }
        let masked = queries.map { index.search($0, limit: 20).map(\.key) }
        index.fieldMask = Array(repeating: ~0, count: index.fieldMask.count)
        let unmasked = queries.map { index.search($0, limit: 20).map(\.key) }
        #expect(masked.filter { !$0.isEmpty }.count > 1_000)
        for (query, (found, expected)) in zip(queries, zip(masked, unmasked)) where found != expected {
            Issue.record("\(query): \(found) instead of \(expected)")
        }
    }

    @Test(arguments: ["rucio", "'rucio", "^get", "data$", "!token rucio", "qzx", "r u c", "Rucio", "dé"])
    func masksChangeNoResult(query: String) {
        var index = SearchIndex(catalog: TestTrees.bundledLibrary.catalog)
        let masked = index.search(query)
        index.fieldMask = Array(repeating: ~0, count: index.fieldMask.count)
        let unmasked = index.search(query)
        #expect(!masked.isEmpty || query == "qzx")
        #expect(masked.map(\.key) == unmasked.map(\.key))
        #expect(masked.map(\.score) == unmasked.map(\.score))
        #expect(masked.map(\.positions) == unmasked.map(\.positions))
    }
}
