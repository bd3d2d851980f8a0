/// Draws the box that asks for a command's placeholders, one at a time.
enum FormRenderer {
    /// Draws over the body rows and returns where the input cursor goes.
    static func draw(_ navigator: Navigator, over rows: inout [[Span]]) -> (column: Int, row: Int)? {
        guard let form = navigator.state.form, let (command, placeholder) = navigator.formPlaceholder else { return nil }
        let size = navigator.state.size
        let boxWidth = min(size.columns - 2, 76)
        let inner = boxWidth - 4
        let left = max(0, (size.columns - boxWidth) / 2)
        var content: [[Span]] = []
        func line(_ spans: [Span]) {
            var row = RowBuilder(width: boxWidth)
            row.append("│ ", .frame)
            for span in spans { row.append(span.text, span.style) }
            row.pad(to: boxWidth - 2)
            row.append(" │", .frame)
            content.append(row.spans)
        }
        var preview: [Span] = [Span("$ ", .dim)]
        for (segment, context) in PlaceholderFilling.contextualSegments(of: command) {
            switch segment {
            case .literal(let text):
                preview.append(Span(text, .command))
            case .placeholder(let name):
                let value = form.values[name].flatMap { value in context.flatMap { ShellQuoting.quote(value, in: $0) } }
                preview.append(Span(value ?? "{\(name)}", name == placeholder.name ? .selectedMatch : (value == nil ? .dim : .bold)))
            }
        }
        for previewLine in wrap(preview, width: inner) { line(previewLine) }
        line([])
        line([Span("{\(placeholder.name)} ", .bold), Span(placeholder.prompt)])
        let prompt = "> "
        let inputRoom = max(1, inner - prompt.count)
        let input = TextSanitizer.line(form.input)
        let shownInput = DisplayWidth.of(input) > inputRoom ? "…" + String(input.suffix(max(1, inputRoom - 1))) : input
        line([Span(prompt, .bold), Span(shownInput)])
        var inputRow = content.count - 1
        if let error = form.error {
            for text in TextWrapper.wrap(error, width: inner) { line([Span(text, .warning)]) }
        } else if let pattern = placeholder.pattern {
            line([Span("allowed: " + pattern, .dim)])
        }
        let count = command.placeholders.count
        line([Span("field \(form.step + 1) of \(count) · values are quoted for the shell", .dim)])

        let titleText = "Fill in the command"
        let available = max(1, navigator.bodyHeight - 2)
        if content.count > available {
            // On a small screen the field and its input matter more than the command above them.
            content.removeFirst(min(content.count - available, max(0, inputRow - 1)))
        }
        var box: [[Span]] = [[Span("┌─ ", .frame), Span(titleText, .bold), Span(" " + String(repeating: "─", count: max(0, boxWidth - 5 - titleText.count)) + "┐", .frame)]]
        box += content
        box.append([Span("└" + String(repeating: "─", count: max(0, boxWidth - 2)) + "┘", .frame)])
        let bodyHeight = navigator.bodyHeight
        let top = 1 + max(0, (bodyHeight - box.count) / 2)
        for (offset, boxRow) in box.enumerated() where top + offset < rows.count - 2 {
            var row = RowBuilder(width: size.columns)
            row.pad(to: left)
            for span in boxRow { row.append(span.text, span.style) }
            rows[top + offset] = row.finished()
        }
        inputRow = content.firstIndex { $0.contains { $0.text == prompt } } ?? inputRow
        return (left + 2 + prompt.count + DisplayWidth.of(shownInput), top + 1 + inputRow)
    }

    /// Cuts a line of spans into lines at most `width` columns wide, character by character
    /// (a command has no good place to break).
    static func wrap(_ spans: [Span], width: Int) -> [[Span]] {
        var lines: [[Span]] = [[]]
        var used = 0
        for span in spans {
            var run = ""
            for character in TextSanitizer.line(span.text) {
                let characterWidth = DisplayWidth.of(character)
                if used + characterWidth > width {
                    if !run.isEmpty { lines[lines.count - 1].append(Span(run, span.style)) }
                    lines.append([])
                    run = ""
                    used = 0
                }
                run.append(character)
                used += characterWidth
            }
            if !run.isEmpty { lines[lines.count - 1].append(Span(run, span.style)) }
        }
        return lines
    }
}
