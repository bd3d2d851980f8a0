import Testing
@testable import TrailheadCore

/// Finding text by line and column as YAML counts them, in any line-break style.
@Suite struct SourceLinesTests {
    @Test(arguments: ["\n", "\r\n", "\r"])
    func linesEndAsYAMLSays(lineBreak: String) {
        let text = ["a: 1", "run: |", "  é {x} and {y}", "b: 2"].joined(separator: lineBreak)
        let lines = SourceLines(Array(("\u{FEFF}" + text).utf8))
        #expect(lines.position(of: "{y}", from: 2, column: 6, lines: 3)! == (3, 13), "columns are characters, the byte-order mark is none")
        #expect(lines.position(of: "{x}", from: 2, column: 6, lines: 1) == nil, "only within the lines the value spans")
        #expect(lines.position(of: "b: 2", from: 1, column: 1, lines: 9)! == (4, 1))
        #expect(lines.offset(line: 9, column: 1) == nil && lines.offset(line: 1, column: 99) == nil)
        #expect(lines.position(of: "1", from: 1, column: 4, lines: 1)! == (1, 4))
    }
}
