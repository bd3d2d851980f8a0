/// The body of a page as lines of spans, each tagged with the item it belongs to.
///
/// Both the renderer (to draw) and the navigator (to scroll the selection into view and to map
/// a click to an item) use this one layout, so they always agree on what is where.
public struct PageLayout: Sendable {
    public struct Line: Sendable, Equatable {
        public var spans: [Span]
        public var item: Int?
        /// Columns at the start of the line that belong to the margin, not the item.
        public var indent: Int

        init(_ spans: [Span], item: Int? = nil, indent: Int = 0) {
            self.spans = spans
            self.item = item
            self.indent = indent
        }
    }

    public var lines: [Line]

    /// Commands whose condition `probes` say is false are left out, unless `revealHidden`.
    public init(place: NavigatorState.Place, catalog: Catalog, width: Int, probes: ProbeBoard = ProbeBoard(), revealHidden: Bool = false) {
        var builder = Builder(width: max(10, width), probes: probes, revealHidden: revealHidden)
        switch place {
        case .treeList:
            builder.treeList(catalog)
        case .node(let trail):
            builder.node(trail.current, catalog: catalog)
        }
        lines = builder.lines
    }

    /// The first and last line of an item, or nil when the page has no such item.
    public func lineRange(ofItem item: Int) -> ClosedRange<Int>? {
        guard let first = lines.firstIndex(where: { $0.item == item }),
              let last = lines.lastIndex(where: { $0.item == item }) else { return nil }
        return first...last
    }

    private struct Builder {
        let width: Int
        let probes: ProbeBoard
        let revealHidden: Bool
        var lines: [Line] = []
        var itemCount = 0

        mutating func blank() {
            if let last = lines.last, last.spans.isEmpty { return }
            lines.append(Line([]))
        }

        mutating func paragraph(_ text: String, _ style: Style, indent: Int = 0, item: Int? = nil) {
            let prefix = String(repeating: " ", count: indent)
            let reflowed = TextWrapper.reflow(text)
            for line in TextWrapper.wrap(TextSanitizer.block(reflowed), width: width - indent) {
                lines.append(Line(line.isEmpty ? [] : [Span(prefix), Span(line, style)], item: item, indent: indent))
            }
        }

        /// An item whose first line starts with `marker` and whose other lines align after it.
        mutating func item(marker: String, _ text: String, _ style: Style, detail: String? = nil, detailStyle: Style = .dim, note: String? = nil) {
            let item = itemCount
            itemCount += 1
            let markerWidth = DisplayWidth.of(marker)
            let wrapped = TextWrapper.wrap(TextSanitizer.line(text), width: width - 2 - markerWidth)
            for (index, line) in wrapped.enumerated() {
                let lead = index == 0 ? marker : String(repeating: " ", count: markerWidth)
                lines.append(Line([Span("  "), Span(lead, index == 0 ? .dim : .plain), Span(line, style)], item: item, indent: 2))
            }
            if let detail, !detail.isEmpty {
                let pad = String(repeating: " ", count: 2 + markerWidth)
                for line in TextWrapper.wrap(TextSanitizer.line(detail), width: width - 2 - markerWidth) {
                    lines.append(Line([Span(pad), Span(line, detailStyle)], item: item, indent: 2))
                }
            }
            if let note {
                let pad = String(repeating: " ", count: 2 + markerWidth)
                for line in TextWrapper.wrap(TextSanitizer.line(note), width: width - 2 - markerWidth) {
                    lines.append(Line([Span(pad), Span(line, .bold)], item: item, indent: 2))
                }
            }
        }

        /// One line per probe under the heading: what the machine already has.
        mutating func probeLines(_ node: Node) {
            guard !node.probes.isEmpty else { return }
            blank()
            for probe in node.probes {
                let (text, outcome) = probes.line(for: probe)
                let style: Style = switch outcome {
                case .passed?: .plain
                case .unknown?: .warning
                case .failed?, nil: .dim
                }
                for line in TextWrapper.wrap(TextSanitizer.line(text), width: width - 2) {
                    lines.append(Line([Span("  "), Span(line, style)], indent: 2))
                }
            }
        }

        /// A declared text field: the node's lead text in `lead` style, or a headed section. Its
        /// code blocks become items when `selectableCode` (a resource's, which come before its links).
        mutating func declaredText(_ declared: DeclaredText, lead: Style, selectableCode: Bool) {
            if let title = declared.heading {
                heading(title)
            } else {
                blank()
            }
            var layout = RichTextLayout(width: width, probes: probes, revealHidden: revealHidden, marksCode: false, cutsCode: true)
            layout.add(declared.text.blocks, indent: 0)
            let firstItem = itemCount
            if selectableCode { itemCount += layout.codeBlockCount }
            for line in layout.lines {
                let style = declared.heading == nil ? lead : .plain
                let spans = line.segments.map { segment in Span(segment.text, Self.style(of: segment.role, text: style)) }
                let item = selectableCode ? line.codeBlock.map { firstItem + $0 } : nil
                lines.append(Line(spans.isEmpty ? [] : [Span(String(repeating: " ", count: line.indent))] + spans, item: item, indent: line.indent))
            }
        }

        static func style(of role: RichTextLayout.Role, text: Style) -> Style {
            switch role {
            case .text: text
            case .code, .codeBlock: .command
            case .note, .condition: .bold
            case .warning: .warning
            case .continuation: .dim
            }
        }

        /// What the machine's answers leave out, and the key that shows it.
        mutating func hiddenSummary(_ node: Node) {
            guard let hidden = probes.hiddenSummary(of: node) else { return }
            blank()
            paragraph(revealHidden ? "\(hidden): shown (v hides them)" : "\(hidden): hidden (v shows them)", .dim, indent: 2)
        }

        /// Answers that lead into a guide that is not loaded are not offered; the page says so.
        mutating func missingSummary(_ question: Question, at key: NodeKey, in catalog: Catalog) {
            let missing = catalog.unreachableChoiceCount(of: question, at: key)
            guard missing > 0 else { return }
            blank()
            paragraph(NodeText.missingChoices(missing), .dim, indent: 2)
        }

        mutating func heading(_ text: String) {
            blank()
            lines.append(Line([Span(text, .bold)]))
        }

        mutating func treeList(_ catalog: Catalog) {
            lines.append(Line([Span("Choose a guide", .title)]))
            blank()
            for (index, tree) in catalog.trees.enumerated() {
                item(marker: index < 9 ? "\(index + 1)  " : "   ", tree.title, .bold, detail: tree.description)
            }
        }

        mutating func node(_ key: NodeKey, catalog: Catalog) {
            guard let node = catalog.node(key) else {
                lines.append(Line([Span("'\(TextSanitizer.line(key.description))' is not loaded.", .warning)]))
                return
            }
            switch node.content {
            case .question(let question):
                paragraph(question.text, .title)
                for declared in DeclaredText.of(question) { declaredText(declared, lead: .dim, selectableCode: false) }
                probeLines(node)
                blank()
                let shown = catalog.offeredChoices(of: question, at: key, probes: probes, revealHidden: revealHidden).map { question.choices[$0] }
                for (index, choice) in shown.enumerated() {
                    let suggested = probes.suggests(choice) == true ? "✓ suggested: " + (choice.suggestIf.flatMap { probes[$0]?.detail } ?? "") : nil
                    let note = [suggested, probes.note(for: choice.when)].compactMap { $0 }.joined(separator: "; ")
                    item(marker: index < 9 ? "\(index + 1)  " : "   ", choice.label, .plain, detail: choice.hint, note: note.isEmpty ? nil : note)
                }
                hiddenSummary(node)
                missingSummary(question, at: key, in: catalog)
            case .resource(let resource):
                paragraph(resource.title, .title)
                probeLines(node)
                for declared in DeclaredText.of(resource) { declaredText(declared, lead: .plain, selectableCode: true) }
                if !resource.links.isEmpty {
                    heading("Links")
                    for link in resource.links where revealHidden || probes.shows(link) {
                        item(marker: "↗ ", link.displayLabel, .link, detail: link.label == nil ? nil : link.url, note: probes.note(for: link.when))
                    }
                }
                if !resource.commands.isEmpty {
                    heading("Commands")
                    for command in resource.commands where revealHidden || probes.shows(command) {
                        item(marker: "$ ", command.run, .command, detail: command.does, note: probes.note(for: command.when))
                    }
                }
                hiddenSummary(node)
                if !resource.seeAlso.isEmpty {
                    heading("See also")
                    for reference in resource.seeAlso {
                        let target = reference.key(from: key.tree)
                        let title = catalog.node(target)?.heading ?? "\(target) (not loaded)"
                        item(marker: "→ ", title, .plain, detail: target.tree == key.tree ? nil : catalog.tree(target.tree)?.title)
                    }
                }
                if let stewardship = catalog.stewardshipLine(of: key) {
                    blank()
                    paragraph(stewardship, .dim)
                }
            }
        }
    }
}
