import TrailheadCore

/// Arbitrary UTF-8 through `TextSanitizer`, `DisplayWidth` and `TextWrapper`: the output is
/// terminal-safe, sanitizing is idempotent, and wrapped or truncated text fits its width.
enum SanitizerFuzzing {
    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        // The first byte picks the width, including the degenerate 0 and 1 (`wrap` treats 0 as 1).
        let width = Int(first % 100)
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)

        let line = TextSanitizer.line(text)
        TerminalSafety.require(line, allowingNewlines: false, "line")
        if line.contains("\t") { fatalError("line kept a tab: \(line.debugDescription)") }
        let block = TextSanitizer.block(text)
        TerminalSafety.require(block, allowingNewlines: true, "block")
        if block.contains("\t") { fatalError("block kept a tab: \(block.debugDescription)") }
        if TextSanitizer.line(line) != line || TextSanitizer.block(block) != block {
            fatalError("sanitizing twice changed \(text.debugDescription)")
        }

        for wrapped in TextWrapper.wrap(TextWrapper.reflow(block), width: width) {
            if wrapped.contains("\n") { fatalError("wrapped line holds a newline: \(wrapped.debugDescription)") }
            requireFits(wrapped, max(width, 1))
        }
        let truncated = TextWrapper.truncate(line, width: width)
        requireFits(truncated, width)
    }

    /// A line may overflow only when it is a single character wider than the whole width,
    /// after the indentation `wrap` keeps.
    private static func requireFits(_ text: String, _ width: Int) {
        let columns = DisplayWidth.of(text)
        if columns <= max(width, 0) { return }
        let content = text.drop { $0 == " " }
        if content.count == 1, DisplayWidth.of(String(content)) > width - (text.count - content.count) { return }
        fatalError("\(columns) columns in a \(width)-column line: \(text.debugDescription)")
    }
}
