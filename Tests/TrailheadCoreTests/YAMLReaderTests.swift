import Foundation
import Testing
@testable import TrailheadCore

@Suite struct YAMLReaderTests {
    func read(_ text: String, maxDepth: Int = 64) -> Result<YAMLDocument, YAMLParseError> {
        Array(text.utf8).withUnsafeBytes { YAMLReader(maxDepth: maxDepth).read($0) }
    }

    func error(_ text: String, maxDepth: Int = 64) -> YAMLParseError? {
        if case .failure(let error) = read(text, maxDepth: maxDepth) { return error }
        return nil
    }

    @Test(arguments: [YAMLReader.Scanner.fastest, .libyaml])
    func keepsPositionsOfKeysAndValues(scanner: YAMLReader.Scanner) throws {
        let document = try Array("a: 1\nb:\n  - x\n  - 'y'\n".utf8).withUnsafeBytes { YAMLReader(scanner: scanner).read($0) }.get()
        let entries = document.entries(of: document.root)
        #expect(entries.map { document.string($0.key) } == ["a", "b"])
        #expect(document.line(of: entries[1].key) == 2 && document.column(of: entries[1].key) == 1)
        #expect(document.kind(of: entries[0].value) == .plainScalar)
        let items = document.items(of: entries[1].value)
        #expect(items.count == 2)
        #expect(document.line(of: items[1]) == 4 && document.column(of: items[1]) == 5)
        #expect(document.string(items[1]) == "y" && document.kind(of: items[1]) == .otherScalar)
        #expect(document.value(of: document.root, at: "b") == entries[1].value)
        #expect(document.value(of: document.root, at: "c") == nil)
    }

    /// The flag lets decoding skip its control-character check, so it must never be set on text
    /// holding any byte outside 0x20–0x7E, wherever in an eight-byte word that byte falls.
    @Test func marksOnlyPrintableASCIIScalarsAsSuch() throws {
        for byte in [0x00, 0x01, 0x09, 0x0A, 0x1B, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x9B, 0xC3, 0xFF] as [UInt8] {
            for position in 0..<17 {
                let escaped = byte < 0x80 ? String(format: "\\x%02X", byte) : String(decoding: [0xC3, 0xA9], as: UTF8.self)
                let text = String(repeating: "a", count: position) + escaped + String(repeating: "b", count: 20 - position)
                let document = try read("k: \"\(text)\"\n").get()
                let value = try #require(document.value(of: document.root, at: "k"))
                let bytes = Array(document.string(value).utf8)
                #expect(document.isPrintableASCII(value) == bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }, "byte \(byte) at \(position)")
            }
        }
        let plain = try read("k: plain text\n").get()
        #expect(plain.isPrintableASCII(try #require(plain.value(of: plain.root, at: "k"))))
        #expect(!plain.isPrintableASCII(plain.root))
    }

    @Test func tellsNullsFromTextAndCountsChildren() throws {
        let document = try read("a: ~\nb: 'null'\nc:\nd: [1, [2, 3], {k: v}]\ne: null\n").get()
        let values = document.entries(of: document.root).map(\.value)
        #expect(values.map { document.isNull($0) } == [true, false, true, false, true])
        let list = values[3]
        #expect(document.count(of: list) == 3)
        #expect(document.items(of: list).map { document.kindName(of: $0) } == ["a single value", "a list", "a mapping"])
        #expect(document.items(of: document.items(of: list)[1]).map { document.string($0) } == ["2", "3"])
        #expect(document.entries(of: list).isEmpty && document.items(of: document.root).isEmpty)
        #expect(document.string(list).isEmpty)
    }

    @Test func anAliasIsItsAnchorsValueWrittenOutWhereItStands() throws {
        let document = try read("a: &x hello\nlink: &l {url: 'https://e.org', label: E}\nb: *x\nlinks: [*l, *l]\nafter: 1\n").get()
        let entries = document.entries(of: document.root)
        #expect(entries.map { document.string($0.key) } == ["a", "link", "b", "links", "after"])
        #expect(document.string(entries[2].value) == "hello")
        #expect(document.line(of: entries[2].value) == 3 && document.column(of: entries[2].value) == 4, "the copy stands at the alias")
        let links = document.items(of: entries[3].value)
        #expect(links.count == 2)
        for link in links {
            #expect(document.entries(of: link).map { document.string($0.value) } == ["https://e.org", "E"])
        }
        #expect(document.line(of: document.entries(of: links[1])[0].value) == 2, "what is inside it keeps the anchor's lines")
        #expect(document.string(entries[4].value) == "1", "the table goes on after the copies")
    }

    @Test func anAliasNeedsACompleteAnchorBeforeIt() {
        let before = error("a: *x\nb: &x hello\n")
        #expect(before?.code == "alias" && before?.line == 1 && before?.column == 4)
        #expect(error("a: &x [1, *x]\n")?.code == "alias", "a value cannot hold itself")
        #expect(error("base: &b {a: 1}\nother:\n  <<: *b\n  c: 2\n")?.code == "merge-key")
    }

    @Test func anAliasKeepsToTheDepthLimit() {
        let deep = "a: &x [[[1]]]\nb: [[*x]]\n"
        #expect(error(deep, maxDepth: 6) == nil)
        #expect(error(deep, maxDepth: 5)?.code == "too-deep")
    }

    @Test func billionLaughsIsRefusedAtTheAliasThatCrossesTheBudget() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let refused = error(text)
        #expect(refused?.code == "alias-budget")
        #expect(refused?.line == 5, "d's aliases of c (820 values each) cross 10,000 plus the file's own: \(String(describing: refused))")
        let within = "a: &a [" + Array(repeating: "x", count: 1000).joined(separator: ",") + "]\nb: [" + Array(repeating: "*a", count: 10).joined(separator: ",") + "]\n"
        #expect(error(within) == nil, "10,010 copied values: the file's own 1,005 plus 10,000 allow them")
        let over = "a: &a [" + Array(repeating: "x", count: 1000).joined(separator: ",") + "]\nb: [" + Array(repeating: "*a", count: 11).joined(separator: ",") + "]\n"
        #expect(error(over)?.code == "alias-budget", "11,011 do not")
    }

    @Test func reportsDuplicateKeysWithTheFirstLine() {
        let found = error("title: a\nid: x\ntitle: b\n")
        #expect(found?.code == "duplicate-key")
        #expect(found?.line == 3)
        #expect(found?.message.contains("line 1") == true)
    }

    @Test func stopsDeepFlowNestingWithoutRecursion() {
        let depth = 100_000
        let text = "title: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let found = error(text)
        #expect(found?.code == "too-deep")
        #expect(found?.line == 1)
    }

    @Test func allowsNestingUpToTheLimit() {
        let text = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        #expect(error(text, maxDepth: 5) == nil)
        #expect(error(text, maxDepth: 4)?.code == "too-deep")
    }

    @Test func reportsTheFirstInvalidUTF8Byte() {
        var bytes = Array("a: 1\nbé: \n".utf8)
        bytes.insert(0xFF, at: 8)
        let result = bytes.withUnsafeBytes { YAMLReader().read($0) }
        guard case .failure(let found) = result else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(found.code == "invalid-utf8")
        #expect(found.line == 2 && found.column == 3)
        #expect(found.message.contains("0xFF"))
    }

    @Test func rejectsOverlongAndSurrogateEncodings() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let found = bad.withUnsafeBytes { UTF8Validator.firstInvalidByte(in: $0) }
            #expect(found?.line == 1 && found?.column == 1, "\(bad)")
        }
    }

    @Test func explainsTabIndentation() {
        let found = error("a:\n\tb: 1\n")
        #expect(found?.code == "yaml-syntax")
        #expect(found?.message.contains("tab") == true)
    }

    @Test func refusesEmptyFilesAndSecondDocuments() {
        #expect(error("")?.code == "empty-file")
        #expect(error("# only a comment\n")?.code == "empty-file")
        #expect(error("a: 1\n---\nb: 2\n")?.code == "multiple-documents")
        #expect(error("a: 1\n---\nb: 2\n")?.line == 2)
    }

    @Test func acceptsByteOrderMarkAndCRLF() throws {
        let document = try read("\u{FEFF}a: 1\r\nb: 2\r\n").get()
        #expect(document.entries(of: document.root).map { document.string($0.key) } == ["a", "b"])
    }

    @Test func refusesComplexKeys() {
        #expect(error("? [a, b]\n: x\n")?.code == "complex-key")
    }
}
