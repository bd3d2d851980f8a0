/// Human-readable text for a node, shared by `show`, `walk` and plain mode. All tree text is sanitized.
public struct NodeText: Sendable {
    public var width: Int

    public init(width: Int) {
        self.width = max(20, width)
    }

    /// "Tree title › answer › answer" for the trail leading to `key` (see `Catalog.breadcrumbParts`).
    public func breadcrumb(_ steps: [PathStep], to key: NodeKey, in catalog: Catalog) -> String {
        TextSanitizer.line(catalog.breadcrumbParts(steps, to: key).joined(separator: Breadcrumb.separator))
    }

    /// What a page says about answers left out because they lead into a guide not loaded here.
    public static func missingChoices(_ count: Int) -> String {
        count == 1 ? "1 answer is not offered: it leads to a guide that is not loaded here."
            : "\(count) answers are not offered: they lead to guides that are not loaded here."
    }

    /// The node's text. Choices and see-also entries are numbered from 1, as the user types them.
    /// Commands whose condition `probes` say is false are left out (and counted), unless `revealHidden`.
    public func lines(for key: NodeKey, in catalog: Catalog, probes: ProbeBoard = ProbeBoard(), revealHidden: Bool = false) -> [String] {
        guard let node = catalog.node(key) else { return [] }
        var lines: [String] = []
        var probeLines: [String] = []
        for probe in node.probes where probes[probe] != nil {
            probeLines += TextWrapper.wrap(TextSanitizer.line(probes.line(for: probe).text), width: width)
        }
        switch node.content {
        case .question(let question):
            lines += wrapped(question.text)
            for declared in DeclaredText.of(question) { lines += declaredText(declared, probes: probes, revealHidden: revealHidden) }
            if !probeLines.isEmpty { lines += [""] + probeLines }
            lines.append("")
            // Numbered as shown, which is how plain mode reads the answer typed.
            let offered = catalog.offeredChoices(of: question, at: key, probes: probes, revealHidden: revealHidden)
            for (index, choice) in offered.map({ question.choices[$0] }).enumerated() {
                let number = "  \(index + 1). "
                var line = number + TextSanitizer.line(choice.label)
                if let hint = choice.hint { line += " — " + TextSanitizer.line(hint) }
                if probes.suggests(choice) == true { line += " (suggested)" }
                if let note = probes.note(for: choice.when) { line += " (" + TextSanitizer.line(note) + ")" }
                lines += TextWrapper.wrap(line, width: width).enumerated().map { offset, text in
                    offset == 0 ? text : String(repeating: " ", count: number.count) + text.trimmingSpaces
                }
            }
            let missing = catalog.unreachableChoiceCount(of: question, at: key)
            if missing > 0 { lines += ["", "  " + Self.missingChoices(missing)] }
            lines += hiddenSummary(node, probes: probes, revealHidden: revealHidden)
        case .resource(let resource):
            lines.append(TextSanitizer.line(resource.title))
            lines.append(String(repeating: "=", count: min(width, DisplayWidth.of(TextSanitizer.line(resource.title)))))
            if !probeLines.isEmpty { lines += [""] + probeLines }
            for declared in DeclaredText.of(resource) { lines += declaredText(declared, probes: probes, revealHidden: revealHidden) }
            if !resource.links.isEmpty {
                lines.append("")
                lines.append("Links:")
                for link in resource.links where revealHidden || probes.shows(link) {
                    let url = TextSanitizer.line(link.url)
                    lines.append(link.label == nil ? "  \(url)" : "  \(TextSanitizer.line(link.displayLabel)): \(url)")
                    if let note = probes.note(for: link.when) { lines.append("    (" + TextSanitizer.line(note) + ")") }
                }
            }
            if !resource.commands.isEmpty {
                lines.append("")
                lines.append("Commands:")
                for command in resource.commands where revealHidden || probes.shows(command) {
                    lines.append("  # " + TextSanitizer.line(command.does))
                    if let note = probes.note(for: command.when) { lines.append("  # (" + TextSanitizer.line(note) + ")") }
                    // One prompt per command: the later lines of a multi-line command (a heredoc)
                    // are its text, not commands of their own.
                    for (index, runLine) in command.run.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        lines.append((index == 0 ? "  $ " : "    ") + TextSanitizer.line(String(runLine)))
                    }
                    for placeholder in command.placeholders {
                        var line = "    {\(placeholder.name)}: \(TextSanitizer.line(placeholder.prompt))"
                        if let value = placeholder.defaultValue { line += " (default: \(TextSanitizer.line(value)))" }
                        lines.append(line)
                    }
                }
            }
            lines += hiddenSummary(node, probes: probes, revealHidden: revealHidden)
            if !resource.seeAlso.isEmpty {
                lines.append("")
                lines.append("See also:")
                for (index, reference) in resource.seeAlso.enumerated() {
                    let target = reference.key(from: key.tree)
                    let heading = catalog.node(target).map { TextSanitizer.line($0.heading) } ?? "(missing: \(target))"
                    lines.append("  \(index + 1). \(heading) [\(TextSanitizer.line(target.description))]")
                }
            }
            if let stewardship = catalog.stewardshipLine(of: key) {
                lines += ["", TextSanitizer.line(stewardship)]
            }
        }
        return lines
    }

    /// A declared text field after a blank line: the lead text, or a section under "Heading:".
    /// Inline code keeps its backticks; code lines are printed whole, indented, for the terminal to fold.
    private func declaredText(_ declared: DeclaredText, probes: ProbeBoard, revealHidden: Bool) -> [String] {
        let body = RichTextLayout.lines(for: declared.text, width: width, probes: probes, revealHidden: revealHidden, marksCode: true, cutsCode: false)
        return [""] + (declared.heading.map { ["\($0):"] } ?? []) + body.map { line in
            line.segments.isEmpty ? "" : String(repeating: " ", count: line.indent) + line.segments.map(\.text).joined()
        }
    }

    private func hiddenSummary(_ node: Node, probes: ProbeBoard, revealHidden: Bool) -> [String] {
        guard let hidden = probes.hiddenSummary(of: node) else { return [] }
        return ["", "  (\(hidden): \(revealHidden ? "shown" : "hidden, v shows them"))"]
    }

    private func wrapped(_ text: String) -> [String] {
        TextWrapper.wrap(TextSanitizer.block(TextWrapper.reflow(text)), width: width)
    }
}
