import Testing
@testable import TrailheadCore

/// What values mean after parsing: YAML 1.2's core schema, tags, typed keys and positions.
@Suite struct YAMLMeaningTests {
    static func leaf(_ lines: String) -> String {
        TestTrees.minimal(extraNodes: "  extra:\n    title: Extra\n" + lines)
    }

    @Test func strTagsKeepAValueAsText() throws {
        let yaml = TestTrees.minimal().replacingFirst("hint: Files and datasets", with: "hint: !!str null")
        let file = TestTrees.load(yaml)
        #expect(file.diagnostics.isEmpty)
        #expect(file.tree?.nodes["start"]?.question?.choices[0].hint == "null")
        let quotedTilde = TestTrees.load(TestTrees.minimal().replacingFirst("hint: Files and datasets", with: "hint: ! ~"))
        #expect(quotedTilde.tree?.nodes["start"]?.question?.choices[0].hint == "~")
        #expect(TestTrees.diagnostics(TestTrees.minimal().replacingFirst("format: 1", with: "format: !!str 1"))
            == ["test.yaml:1:9: error: 'format' must be a whole number such as 1"])
    }

    @Test(arguments: [("title: !!binary aGVsbG8=", 12), ("title: !custom T", 12), ("links: !!seq []", 12)])
    func otherTagsAreRefusedWhereTheyStand(line: String, column: Int) {
        let yaml = TestTrees.minimal().replacingFirst("title: Get data", with: line)
        let found = TestTrees.diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("test.yaml:16:\(column): error: the YAML tag !") == true, "\(found)")
    }

    @Test(arguments: ["True", "TRUE", "true"])
    func booleansAreReadByTheCoreSchema(spelling: String) throws {
        let yaml = Self.leaf("    commands:\n      - run: \"a\\nb\"\n        does: two lines\n        multiline: \(spelling)\n")
        let file = TestTrees.load(yaml)
        #expect(file.diagnostics.map(\.description) == [])
        #expect(file.tree?.nodes["extra"]?.resource?.commands.first?.multiline == true)
    }

    @Test(arguments: ["yes", "on", "1", "\"true\""])
    func otherBooleanSpellingsAreRefused(spelling: String) {
        let yaml = Self.leaf("    commands:\n      - run: a\n        does: one line\n        multiline: \(spelling)\n")
        #expect(TestTrees.diagnostics(yaml).contains { $0.contains("'multiline' must be true or false") })
    }

    @Test(arguments: ["0x1", "0o1", "+1", "1"])
    func integersAreReadByTheCoreSchema(spelling: String) {
        #expect(TestTrees.diagnostics(TestTrees.minimal().replacingFirst("format: 1", with: "format: \(spelling)")) == [])
    }

    @Test(arguments: ["1.0", "0x", "one", "\"1\""])
    func otherFormatSpellingsAreRefused(spelling: String) {
        #expect(TestTrees.diagnostics(TestTrees.minimal().replacingFirst("format: 1", with: "format: \(spelling)")).count == 1)
    }

    @Test(arguments: [("01", "the number 1"), ("true", "the boolean true"), ("null", "null (nothing)"), ("1.5", "a floating-point number"), ("1e3", "a floating-point number")])
    func aNodeIDYAMLReadsAsAnotherTypeIsReported(id: String, meaning: String) {
        let yaml = TestTrees.minimal(extraNodes: "  \(id):\n    title: Typed\n    body: x\n")
        let found = TestTrees.diagnostics(yaml).filter { $0.contains("other tools read another id") }
        #expect(found == ["test.yaml:27:3: warning: node id \(id) is \(meaning) to YAML, so other tools read another id; node ids are text: quote it (\"\(id)\":)"])
        let quoted = TestTrees.minimal(extraNodes: "  \"\(id)\":\n    title: Typed\n    body: x\n")
        #expect(!TestTrees.diagnostics(quoted).contains { $0.contains("other tools read another id") })
    }

    @Test func wordsAndIDsWithLettersAreText() {
        for word in ["nulls", "truth", "f", "n", "1a", "1.2.3", "1-2", "0xg", "e5", ".", "data"] {
            #expect(YAMLCoreSchema.reading(of: word) == .text, "\(word)")
        }
        #expect(YAMLCoreSchema.reading(of: "") == .null)
        #expect(YAMLCoreSchema.reading(of: "-.inf") == .float)
        #expect(YAMLCoreSchema.reading(of: "-12") == .int(-12))
    }

    @Test func anEmptyReferenceSaysYAMLReadsItAsNothing() {
        let yaml = TestTrees.minimal().replacingFirst("goto: data", with: "goto: ~")
        #expect(TestTrees.diagnostics(yaml).contains("test.yaml:12:15: error: 'goto' is empty: YAML reads '~' as nothing; write the node id it leads to"))
    }

    /// A lone CR ends a line, as LF and CR LF do, and a byte-order mark takes no column.
    @Test func positionsCountEveryLineEndAndNoByteOrderMark() {
        let crOnly = "format: 1\rid: t\rtitle: T\rdescription: D\rstart: s\rnodes:\r  s:\r    title: \u{01}bad\r"
        #expect(TestTrees.diagnostics(crOnly).first?.hasPrefix("test.yaml:8:12: error:") == true, "\(TestTrees.diagnostics(crOnly))")
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("format: 1\nid: t".utf8) + [0xFF] + Array("\n".utf8)
        let file = TreeLoader(limits: .standard).load(bytes: bytes, path: "bom.yaml")
        #expect(file.diagnostics.map(\.description) == ["bom.yaml:2:6: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8"])
        let crlf = Array("a: 1\r\nb: \u{01}".utf8)
        let position = crlf.withUnsafeBytes { YAMLReader.position(ofByte: crlf.count - 1, in: $0) }
        #expect(position == (2, 4))
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced, for editing a fixture.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
