/// Text for a terminal whose locale is not UTF-8 (`LANG=C`): every character becomes ASCII of
/// the same width, so nothing vanishes and no column shifts. The interface's glyphs get ASCII
/// look-alikes, accented Latin letters lose their accents, anything else is shown as `?`.
public enum ASCIIFallback {
    /// `grapheme` as ASCII, `width` columns wide (at least one).
    public static func text(for grapheme: Character, width: Int) -> String {
        let columns = max(width, 1)
        if grapheme.isASCII { return String(grapheme) }
        guard let first = grapheme.unicodeScalars.first else { return String(repeating: "?", count: columns) }
        if let glyph = glyphs[first] { return glyph + String(repeating: " ", count: max(0, columns - 1)) }
        if first.isASCII { return String(first) }
        if let base = TextFolding.latin(first.value) { return String(UnicodeScalar(base)) }
        if first.properties.isWhitespace { return String(repeating: " ", count: columns) }
        return String(repeating: "?", count: columns)
    }

    /// A whole line or block as ASCII, each character as wide as it was (line ends kept).
    public static func text(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for grapheme in text {
            result += grapheme == "\n" || grapheme == "\r\n" ? String(grapheme) : Self.text(for: grapheme, width: DisplayWidth.of(grapheme))
        }
        return result
    }

    private static let glyphs: [Unicode.Scalar: String] = [
        "›": ">", "‹": "<", "»": ">", "«": "<", "▸": ">", "▶": ">", "◂": "<", "→": ">", "←": "<",
        "↑": "^", "↓": "v", "↗": "^", "↵": "|", "…": ".", "│": "|", "─": "-", "┌": "+", "┐": "+",
        "└": "+", "┘": "+", "├": "+", "┤": "+", "•": "*", "·": ".", "✓": "+", "✔": "+", "✗": "x",
        "✘": "x", "—": "-", "–": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'", "⚠": "!",
    ]
}
