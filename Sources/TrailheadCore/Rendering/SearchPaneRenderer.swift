/// Draws the search pane: the query line, the results with matches highlighted, and a preview.
enum SearchPaneRenderer {
    static func render(_ pane: SearchPane, navigator: Navigator) -> (rows: [[Span]], cursor: (column: Int, row: Int)) {
        let width = navigator.state.size.columns
        let height = navigator.bodyHeight
        var rows: [[Span]] = []

        var input = RowBuilder(width: width)
        input.append(" / ", .bold)
        let number = pane.results.count == Navigator.searchResultLimit ? "\(Navigator.searchResultLimit)+" : "\(pane.results.count)"
        let count = pane.query.isEmpty ? "" : pane.results.isEmpty ? "no answer" : pane.showsWeak ? "\(number) weak" : "\(number) found"
        let queryRoom = max(1, input.remaining - DisplayWidth.of(count) - 2)
        let query = TextSanitizer.line(pane.query)
        let shownQuery = DisplayWidth.of(query) > queryRoom ? "…" + String(query.suffix(max(1, queryRoom - 1))) : query
        input.append(shownQuery)
        let cursorColumn = input.used
        input.pad(to: width - DisplayWidth.of(count) - 1)
        input.append(count, .dim)
        rows.append(input.finished())

        let layout = navigator.searchLayout
        let listHeight = layout.listHeight
        var list: [[Span]] = []
        if pane.query.trimmingSpaces.isEmpty {
            list = hints(width: width)
        } else if pane.results.isEmpty {
            list = nothingGood(pane, width: width)
        } else {
            for index in pane.scroll..<pane.results.count {
                guard layout.fits(index - pane.scroll) else { break }
                list += resultRows(pane.results[index], selected: index == pane.selection, navigator: navigator)
            }
        }
        while list.count < listHeight { list.append(RowBuilder(width: width).finished()) }
        rows += list.prefix(listHeight)

        let previewHeight = height - 1 - listHeight
        if previewHeight > 0 {
            var rule = RowBuilder(width: width)
            rule.append(" ── Preview ", .frame)
            rule.append(String(repeating: "─", count: max(0, rule.remaining - 1)), .frame)
            rows.append(rule.finished())
            var preview: [[Span]] = []
            if pane.results.indices.contains(pane.selection) {
                let key = pane.results[pane.selection].key
                let layout = PageLayout(place: .node(Trail(at: key)), catalog: navigator.catalog, width: width - 2)
                for line in layout.lines.prefix(previewHeight - 1) {
                    preview.append(Renderer.draw(line, width: width, selected: false, marker: false))
                }
            }
            while preview.count < previewHeight - 1 { preview.append(RowBuilder(width: width).finished()) }
            rows += preview
        }
        return (Array(rows.prefix(height)), (cursorColumn, 1))
    }

    /// No confident answer: say so, and offer the weak matches and the feedback link.
    private static func nothingGood(_ pane: SearchPane, width: Int) -> [[Span]] {
        var said = RowBuilder(width: width)
        said.append("   Nothing good matches '\(TextSanitizer.line(String(pane.query.prefix(60))))'.", .bold)
        var weak = RowBuilder(width: width)
        let count = pane.weak.count
        if count > 0 {
            weak.append("   ↓ shows \(count == Navigator.searchResultLimit ? "\(count)+" : "\(count)") weak match\(count == 1 ? "" : "es")", .dim)
        }
        var report = RowBuilder(width: width)
        report.append("   Enter: tell us what you looked for", .dim)
        return [RowBuilder(width: width).finished(), said.finished(), RowBuilder(width: width).finished()] + (count > 0 ? [weak.finished()] : []) + [report.finished()]
    }

    private static func resultRows(_ result: SearchResult, selected: Bool, navigator: Navigator) -> [[Span]] {
        let width = navigator.state.size.columns
        let catalog = navigator.catalog
        let heading = catalog.node(result.key)?.heading ?? result.key.description
        var first = RowBuilder(width: width)
        first.append(selected ? " ▸ " : "   ", selected ? .selected : .plain)
        let base: Style = selected ? .selected : .bold
        let matchStyle: Style = selected ? .selectedMatch : .match
        if result.field == .title {
            first.append(heading, style: base, highlight: Set(result.positions), highlightStyle: matchStyle)
        } else {
            first.append(heading, base)
            first.append("  ", base)
            first.append(snippet(result), style: selected ? .selectedDim : .dim, highlight: Set(snippetPositions(result)), highlightStyle: matchStyle)
        }
        var second = RowBuilder(width: width)
        second.append("     ", selected ? .selected : .plain)
        let parts = [catalog.tree(result.key.tree)?.title ?? result.key.tree] + (catalog.path(to: result.key) ?? []).map(\.label)
        second.append(Breadcrumb.text(parts, width: second.remaining), selected ? .selectedDim : .dim)
        return [first.finished(fill: selected ? .selected : .plain), second.finished(fill: selected ? .selected : .plain)]
    }

    /// The matched field's text around the first match, so a hit in body text is shown in context.
    private static func snippet(_ result: SearchResult) -> String {
        let characters = Array(result.matchedText.map { $0 == "\n" ? " " : $0 })
        let start = snippetStart(result)
        return String(characters[start..<min(characters.count, start + 60)])
    }

    private static func snippetPositions(_ result: SearchResult) -> [Int] {
        let start = snippetStart(result)
        return result.positions.map { $0 - start }.filter { $0 >= 0 }
    }

    /// Starts at a word shortly before the first match, so the snippet never begins mid-word.
    private static func snippetStart(_ result: SearchResult) -> Int {
        let characters = Array(result.matchedText)
        var start = max(0, (result.positions.first ?? 0) - 12)
        while start > 0 && start < characters.count && !characters[start - 1].isWhitespace {
            start += 1
            if start >= (result.positions.first ?? 0) { break }
        }
        return start
    }

    private static func hints(width: Int) -> [[Span]] {
        [
            "Type to search every tree: questions, answers, titles, text, commands and links.",
            "All words must match, in any order. Enter goes there; Esc closes.",
        ].map { text in
            var row = RowBuilder(width: width)
            row.append("   " + text, .dim)
            return row.finished()
        }
    }
}
