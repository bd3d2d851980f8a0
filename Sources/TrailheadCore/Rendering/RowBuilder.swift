/// Builds one screen row from spans, never wider than the screen, padded to exactly its width.
struct RowBuilder {
    let width: Int
    private(set) var spans: [Span] = []
    private(set) var used = 0

    init(width: Int) {
        self.width = max(0, width)
    }

    var remaining: Int { width - used }

    /// Appends sanitized text, cut with `…` when it does not fit.
    mutating func append(_ text: String, _ style: Style = .plain) {
        guard remaining > 0, !text.isEmpty else { return }
        let safe = TextSanitizer.line(text)
        let shown = TextWrapper.truncate(safe, width: remaining)
        spans.append(Span(shown, style))
        used += DisplayWidth.of(shown)
    }

    /// Appends text with some characters (by index) in another style, for search highlights.
    mutating func append(_ text: String, style: Style, highlight positions: Set<Int>, highlightStyle: Style) {
        guard !positions.isEmpty else {
            append(text, style)
            return
        }
        var run = ""
        var runIsMatch = false
        for (index, character) in TextSanitizer.line(text).enumerated() {
            let isMatch = positions.contains(index)
            if isMatch != runIsMatch && !run.isEmpty {
                append(run, runIsMatch ? highlightStyle : style)
                run = ""
            }
            runIsMatch = isMatch
            run.append(character)
        }
        append(run, runIsMatch ? highlightStyle : style)
    }

    mutating func pad(to column: Int, _ style: Style = .plain) {
        let target = min(column, width)
        if target > used {
            spans.append(Span(String(repeating: " ", count: target - used), style))
            used = target
        }
    }

    /// The finished row, padded with spaces in `fill` style.
    func finished(fill: Style = .plain) -> [Span] {
        var copy = self
        copy.pad(to: width, fill)
        return copy.spans
    }
}
