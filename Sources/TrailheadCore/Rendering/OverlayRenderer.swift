/// Draws the help and feedback windows over the page.
enum OverlayRenderer {
    /// Draws the overlay into `rows` and returns where its link (if any) landed.
    @discardableResult
    static func draw(_ overlay: NavigatorState.Overlay, navigator: Navigator, over rows: inout [[Span]]) -> [Hyperlink] {
        let size = navigator.state.size
        let boxWidth = min(size.columns - 4, 72)
        let inner = boxWidth - 4
        var content: [(String, Style)] = []
        var linkURL: String?
        let title: String
        switch overlay {
        case .link(let url, let reason):
            title = reason
            content.append(("Open this link on your own computer:", .plain))
            content.append(("", .plain))
            for line in TextWrapper.wrap(TextSanitizer.line(url), width: inner) {
                content.append((line, .link))
            }
            linkURL = url
            content.append(("", .plain))
            content.append(("It is printed when Trailhead quits. c copies it.", .dim))
        case .help:
            title = "Keys"
            for group in KeyBindings.help {
                if !content.isEmpty { content.append(("", .plain)) }
                content.append((group.heading, .bold))
                let keyWidth = group.entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
                let descriptionWidth = inner - keyWidth - 4
                for entry in group.entries {
                    // Descriptions wrap beside their keys; in a very narrow box, below them.
                    guard descriptionWidth >= 12 else {
                        content.append(("  " + entry.keys, .plain))
                        for line in TextWrapper.wrap(entry.does, width: inner - 4) { content.append(("    " + line, .plain)) }
                        continue
                    }
                    let pad = String(repeating: " ", count: keyWidth - DisplayWidth.of(entry.keys))
                    for (index, line) in TextWrapper.wrap(entry.does, width: descriptionWidth).enumerated() {
                        let lead = index == 0 ? "  " + entry.keys + pad + "  " : String(repeating: " ", count: keyWidth + 4)
                        content.append((lead + line, .plain))
                    }
                }
            }
        case .feedback(let url, let tree):
            title = "This didn't help me"
            let treeTitle = navigator.catalog.tree(tree)?.title ?? tree
            if let url {
                for line in TextWrapper.wrap(TextSanitizer.line(url), width: inner) {
                    content.append((line, .link))
                }
                linkURL = url
                content.append(("", .plain))
                for line in TextWrapper.wrap("If you don't understand what to do here, the guide needs work, not you: tell the authors of “\(TextSanitizer.line(treeTitle))” at this link. Enter opens it, c copies it.", width: inner) {
                    content.append((line, .dim))
                }
            } else {
                for line in TextWrapper.wrap("“\(TextSanitizer.line(treeTitle))” names no place to report problems. Ask whoever gave you Trailhead, and mention this page: \(navigator.state.trail?.current.description ?? tree).", width: inner) {
                    content.append((line, .plain))
                }
            }
        }
        let maxContent = max(1, navigator.bodyHeight - 2)
        var shown = content[...]
        if content.count > maxContent {
            // Too long for the screen: a window of lines, and the last row says there is more.
            let first = min(navigator.state.overlayScroll, content.count - (maxContent - 1))
            shown = content[first..<(first + maxContent - 1)]
            let more = first + maxContent - 1 < content.count ? "↓ more below (↑↓ scroll)" : "↑ more above (↑↓ scroll)"
            shown.append((more, .dim))
        }
        let boxHeight = shown.count + 2
        let top = 1 + max(0, (navigator.bodyHeight - boxHeight) / 2)
        let left = max(0, (size.columns - boxWidth) / 2)
        var lines: [[Span]] = []
        let titleText = TextWrapper.truncate(title, width: boxWidth - 6)
        let rule = String(repeating: "─", count: max(0, boxWidth - 5 - DisplayWidth.of(titleText)))
        lines.append([Span("┌─ ", .frame), Span(titleText, .bold), Span(" " + rule + "┐", .frame)])
        for (text, style) in shown {
            var row = RowBuilder(width: boxWidth)
            row.append("│ ", .frame)
            row.append(TextWrapper.truncate(text, width: inner), style)
            row.pad(to: boxWidth - 2)
            row.append(" │", .frame)
            lines.append(row.spans)
        }
        lines.append([Span("└" + String(repeating: "─", count: max(0, boxWidth - 2)) + "┘", .frame)])
        var hyperlinks: [Hyperlink] = []
        for (offset, boxRow) in lines.enumerated() where top + offset < rows.count - 2 {
            rows[top + offset] = splice(boxRow, into: rows[top + offset], at: left, width: size.columns)
            if let linkURL, offset > 0, offset <= shown.count, shown[shown.startIndex + offset - 1].1 == .link {
                let text = TextWrapper.truncate(shown[shown.startIndex + offset - 1].0, width: inner)
                hyperlinks.append(Hyperlink(row: top + offset, column: left + 2, text: text, url: linkURL))
            }
        }
        return hyperlinks
    }

    /// Replaces columns `left ..< left + box width` of a row with the box's spans.
    private static func splice(_ box: [Span], into row: [Span], at left: Int, width: Int) -> [Span] {
        var result = RowBuilder(width: width)
        result.pad(to: left)
        for span in box { result.append(span.text, span.style) }
        return result.finished()
    }
}
