import Testing
@testable import TrailheadCore

/// Characters a terminal draws as nothing are refused in tree text, and look-alike addresses warned of.
@Suite struct InvisibleTextTests {
    /// Each of these hid text in a title and in a printed shell line before.
    @Test(arguments: [
        0xE0041, 0xE0001, 0x3164, 0xFFA0, 0x115F, 0x1160, 0x00AD, 0x034F, 0x17B4, 0x17B5, 0x206A, 0x206F,
        0xFE0F, 0xFE00, 0xE0100, 0x180B, 0x1D173, 0x13430, 0x2800, 0xFFF0,
    ])
    func anInvisibleCharacterIsRefusedInTreeText(codePoint: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(codePoint))
        let yaml = TestTrees.minimal(extraNodes: "  hidden:\n    title: \"Run rm\(String(scalar)) -rf\"\n    body: x\n")
        let diagnostics = TestTrees.diagnostics(yaml)
        #expect(diagnostics.contains { $0.contains("zero-width or invisible character (\(TextSanitizer.codePoint(scalar)))") }, "\(diagnostics)")
        #expect(PlaceholderFilling.problem(with: "a\(String(scalar))b", for: Placeholder(name: "v", prompt: "V", defaultValue: nil, pattern: nil, location: SourceLocation(file: "t", line: 1, column: 1)))
            == .unsafe(name: "v", character: TextSanitizer.codePoint(scalar)))
    }

    /// Emoji keep their joiners and presentation selectors; accents and other scripts pass.
    @Test(arguments: ["⚠️ Careful", "👩‍💻 at work", "Müller, Ærø, café", "データ", "ㄱ and 한국어"])
    func visibleTextPasses(text: String) {
        #expect(TextSanitizer.firstHazard(in: text, multiline: false) == nil)
    }

    @Test func aMailtoAddressInAnotherScriptIsWarnedOf() {
        let warning = URLRules.lookalikeHostWarning(for: "mailto:security@\u{0441}ern.ch")
        #expect(warning?.contains("mixes Latin letters with <U+0441>") == true, "\(String(describing: warning))")
        #expect(URLRules.lookalikeHostWarning(for: "mailto:security@cern.ch") == nil)
    }

    /// The ranges written out in `TextSanitizer` cover every default-ignorable and format
    /// character the standard library's Unicode tables know.
    @Test func everyDefaultIgnorableOrFormatCharacterIsAHazard() {
        var missed: [String] = []
        for value in UInt32(0xA0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            guard properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format else { continue }
            if TextSanitizer.hazard(of: scalar) == nil { missed.append(TextSanitizer.codePoint(scalar)) }
        }
        #expect(missed.isEmpty, "\(missed.prefix(40))")
    }
}
