/// Human-readable text for a node, shared by `show`, `walk` and plain mode. All tree text is sanitized.
public struct NodeText: Sendable {
    public var width: Int

    public init(width: Int) {
        self.width = max(20, width)
    }

    /// "Tree title › answer › answer" for the trail leading to a node.
    public func breadcrumb(_ steps: [PathStep], tree: Tree?) -> String {
        let parts = [tree?.title ?? ""] + steps.map(\.label)
        return TextSanitizer.line(parts.joined(separator: " › "))
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
            for text in FormatKeys.questionTexts {
                if let value = question[keyPath: text.path] { lines += declaredText(value, heading: text.field.heading) }
            }
            if !probeLines.isEmpty { lines += [""] + probeLines }
            lines.append("")
            for (index, choice) in question.choices.enumerated() {
                let number = "  \(index + 1). "
                var line = number + TextSanitizer.line(choice.label)
                if let hint = choice.hint { line += " — " + TextSanitizer.line(hint) }
                if probes.suggests(choice) == true { line += " (suggested)" }
                lines += TextWrapper.wrap(line, width: width).enumerated().map { offset, text in
                    offset == 0 ? text : String(repeating: " ", count: number.count) + text.trimmingSpaces
                }
            }
        case .resource(let resource):
            lines.append(TextSanitizer.line(resource.title))
            lines.append(String(repeating: "=", count: min(width, DisplayWidth.of(TextSanitizer.line(resource.title)))))
            if !probeLines.isEmpty { lines += [""] + probeLines }
            for text in FormatKeys.resourceTexts {
                if let value = resource[keyPath: text.path] { lines += declaredText(value, heading: text.field.heading) }
            }
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
                    for runLine in command.run.split(separator: "\n", omittingEmptySubsequences: false) {
                        lines.append("  $ " + TextSanitizer.line(String(runLine)))
                    }
                    for placeholder in command.placeholders {
                        var line = "    {\(placeholder.name)}: \(TextSanitizer.line(placeholder.prompt))"
                        if let value = placeholder.defaultValue { line += " (default: \(TextSanitizer.line(value)))" }
                        lines.append(line)
                    }
                }
            }
            if let hidden = probes.hiddenSummary(in: resource) {
                lines += ["", "  (\(hidden): \(revealHidden ? "shown" : "hidden, v shows them"))"]
            }
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

    /// A declared text field after a blank line: the lead paragraph, or a section under "Heading:".
    private func declaredText(_ text: String, heading: String?) -> [String] {
        [""] + (heading.map { ["\($0):"] } ?? []) + wrapped(text)
    }

    private func wrapped(_ text: String) -> [String] {
        TextWrapper.wrap(TextSanitizer.block(TextWrapper.reflow(text)), width: width)
    }
}
