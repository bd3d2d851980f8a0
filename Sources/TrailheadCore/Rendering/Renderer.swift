/// Draws the navigator's state as a `Frame`: a pure function of state and size.
public enum Renderer {
    public static func render(_ navigator: Navigator) -> Frame {
        let state = navigator.state
        let size = state.size
        guard size.isUsable else { return tooSmall(size) }
        var rows: [[Span]] = []
        rows.append(bar(navigator))
        var cursor: (column: Int, row: Int)?
        let lines = navigator.layout.lines
        if let pane = state.search {
            let (body, inputCursor) = SearchPaneRenderer.render(pane, navigator: navigator)
            rows += body
            cursor = inputCursor
        } else {
            rows += page(navigator, lines: lines)
        }
        rows.append(statusRow(navigator, lineCount: lines.count))
        rows.append(footer(navigator))
        var hyperlinks: [Hyperlink] = []
        if let overlay = state.overlay {
            hyperlinks = OverlayRenderer.draw(overlay, navigator: navigator, over: &rows)
            cursor = nil
        } else if state.form != nil {
            cursor = FormRenderer.draw(navigator, over: &rows)
        }
        var frame = Frame(size: size, rows: rows, cursor: cursor)
        frame.hyperlinks = hyperlinks
        return frame
    }

    static func tooSmall(_ size: ScreenSize) -> Frame {
        let width = max(1, size.columns)
        var lines = ["Terminal too small"]
        lines += TextWrapper.wrap("Trailhead needs \(ScreenSize.minimum.columns)×\(ScreenSize.minimum.rows); this is \(size.columns)×\(size.rows). Enlarge the window, or press q to quit.", width: width)
        let rows = (0..<max(0, size.rows)).map { index -> [Span] in
            var row = RowBuilder(width: size.columns)
            if index < lines.count { row.append(lines[index], index == 0 ? .bold : .plain) }
            return row.finished()
        }
        return Frame(size: size, rows: rows)
    }

    private static func bar(_ navigator: Navigator) -> [Span] {
        var parts = ["Trailhead"]
        if case .node(let trail) = navigator.state.place {
            parts += navigator.catalog.breadcrumbParts(trail.steps, to: trail.current)
            // On a short screen the question scrolls away to show its choices: the bar keeps it in sight.
            if navigator.state.search == nil, navigator.state.scroll > 0, let heading = navigator.catalog.node(trail.current)?.heading {
                parts.append(heading)
            }
        }
        if navigator.state.search != nil { parts.append("Search") }
        let shown = Breadcrumb.fit(parts, width: navigator.state.size.columns - 2)
        var row = RowBuilder(width: navigator.state.size.columns)
        row.append(" ", .bar)
        for (index, part) in shown.enumerated() {
            if index > 0 { row.append(" › ", .barDim) }
            row.append(part, .bar)
        }
        return row.finished(fill: .bar)
    }

    private static func page(_ navigator: Navigator, lines: [PageLayout.Line]) -> [[Span]] {
        let state = navigator.state
        let width = state.size.columns
        var rows: [[Span]] = []
        for offset in 0..<navigator.bodyHeight {
            let index = state.scroll + offset
            guard index < lines.count else {
                rows.append(RowBuilder(width: width).finished())
                continue
            }
            let line = lines[index]
            let isSelected = line.item != nil && line.item == state.selection
            let isFirstLineOfItem = isSelected && (index == 0 || lines[index - 1].item != line.item)
            rows.append(draw(line, width: width, selected: isSelected, marker: isFirstLineOfItem))
        }
        return rows
    }

    /// A body line with a one-column margin; a selected item is drawn in reverse with a `▸` marker.
    static func draw(_ line: PageLayout.Line, width: Int, selected: Bool, marker: Bool) -> [Span] {
        var row = RowBuilder(width: width)
        row.append(" ")
        guard selected else {
            for span in line.spans { row.append(span.text, span.style) }
            return row.finished()
        }
        var spans = line.spans
        if marker, line.indent >= 2, let first = spans.first, first.text.count >= 2 {
            row.append(String(first.text.dropLast(2)))
            row.append("▸ ", .selected)
            spans.removeFirst()
        } else if line.indent > 0, let first = spans.first {
            row.append(first.text)
            spans.removeFirst()
        }
        for span in spans {
            row.append(span.text, selectedStyle(for: span.style))
        }
        return row.finished(fill: .selected)
    }

    static func selectedStyle(for style: Style) -> Style {
        switch style {
        case .dim: .selectedDim
        case .match: .selectedMatch
        default: .selected
        }
    }

    private static func statusRow(_ navigator: Navigator, lineCount total: Int) -> [Span] {
        let state = navigator.state
        var row = RowBuilder(width: state.size.columns)
        if let status = state.status {
            row.append(" " + status, .warning)
            return row.finished()
        }
        guard state.search == nil else { return row.finished() }
        if let offer = state.resumeOffer, state.overlay == nil, state.form == nil {
            let tree = navigator.catalog.tree(offer.trail.current.tree)?.title ?? offer.trail.current.tree
            let heading = navigator.catalog.node(offer.trail.current)?.heading ?? offer.trail.current.node
            row.append(" r", .bold)
            row.append(" resumes where you left off: ", .plain)
            let when = " (\(offer.ago))"
            row.append(Breadcrumb.text([tree, heading], width: row.remaining - DisplayWidth.of(when)), .plain)
            row.append(when, .dim)
            return row.finished()
        }
        let height = navigator.bodyHeight
        if total > height {
            let above = state.scroll > 0
            let below = state.scroll + height < total
            let text = above && below ? "↑↓ more" : below ? "↓ more below" : "↑ more above"
            row.pad(to: state.size.columns - DisplayWidth.of(text) - 1)
            row.append(text, .dim)
        }
        return row.finished()
    }

    private static func footer(_ navigator: Navigator) -> [Span] {
        let state = navigator.state
        var keys: [(String, String)]
        if case .feedback(let url, _)? = state.overlay {
            keys = url == nil ? [("any key", "close")] : [("Enter", "open"), ("c", "copy"), ("any other key", "close")]
        } else if case .link? = state.overlay {
            keys = [("c", "copy"), ("any other key", "close")]
        } else if state.form != nil {
            keys = [("type", "fill in"), ("Enter", "accept"), ("Esc", "cancel")]
        } else if let pane = state.search {
            let unanswered = pane.results.isEmpty && !pane.query.trimmingSpaces.isEmpty
            keys = [("type", "search"), ("↑↓", "move"), ("Enter", unanswered ? "tell us" : "go there"), ("Esc", "close")]
        } else if state.overlay == .help {
            keys = [("↑↓", "scroll"), ("any other key", "close")]
        } else {
            // Most important first: what does not fit at the end of the row is dropped.
            keys = navigator.state.selection < 0
                ? [("↓", "read on"), ("q", "quit"), ("?", "help")]
                : [("↑↓", "move"), ("Enter", enterMeaning(navigator)), ("q", "quit"), ("?", "help")]
            if case .node = state.place { keys.append(("←", "back")) }
            keys.append(("/", "search"))
            if selectedItemIsCopyable(navigator) { keys.append(("c", "copy")) }
            if case .node = state.place { keys.append(("!", "report")) }
        }
        var row = RowBuilder(width: state.size.columns)
        row.append(" ", .barDim)
        for (index, (key, meaning)) in keys.enumerated() {
            let needed = DisplayWidth.of(key) + 1 + DisplayWidth.of(meaning) + (index > 0 ? 2 : 0)
            if needed > row.remaining { break }
            if index > 0 { row.append("  ", .barDim) }
            row.append(key, .bar)
            row.append(" " + meaning, .barDim)
        }
        return row.finished(fill: .barDim)
    }

    private static func selectedItemIsCopyable(_ navigator: Navigator) -> Bool {
        let items = navigator.items
        guard items.indices.contains(navigator.state.selection) else { return false }
        switch items[navigator.state.selection] {
        case .link, .command: return true
        default: return false
        }
    }

    private static func enterMeaning(_ navigator: Navigator) -> String {
        let items = navigator.items
        guard items.indices.contains(navigator.state.selection) else { return "choose" }
        switch items[navigator.state.selection] {
        case .tree: return "open"
        case .choice: return "choose"
        case .link: return navigator.printsLinks ? "print & quit" : "open"
        case .command: return "print & quit"
        case .codeBlock: return "copy"
        case .seeAlso: return "go there"
        }
    }
}
