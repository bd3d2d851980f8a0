/// Checks what a cache entry decodes to as the loader checks a file: ids, probes, URLs, commands
/// and text. An entry is made only from a file that passed those checks, so this refuses only
/// an entry that was not made by Trailhead; its file is then parsed instead.
enum CachedEntryCheck {
    /// An overlay has no start node of its own.
    static func isSound(tree id: String, startID: String, isOverlay: Bool, order: [String], texts: [String?]) -> Bool {
        TreeDecoder.isValidTreeID(id) && (TreeDecoder.isValidNodeID(startID) || (isOverlay && startID.isEmpty))
            && order.allSatisfy(TreeDecoder.isValidNodeID) && texts.allSatisfy(isPlainText)
    }

    static func isSound(_ node: Node) -> Bool {
        guard TreeDecoder.isValidNodeID(node.id), node.tags.allSatisfy(isPlainText), node.errors.allSatisfy(isPlainText),
              node.probes.allSatisfy(isSound),
              node.owner.map(isSound) ?? true
        else { return false }
        switch node.content {
        case .question(let question):
            return isPlainText(question.text) && FormatKeys.questionTexts.allSatisfy { isPlainText(question[keyPath: $0.path]) }
                && question.choices.allSatisfy { choice in
                    isPlainText(choice.label) && isPlainText(choice.hint) && isSound(choice.target)
                        && (choice.suggestIf.map(isSound) ?? true)
                }
        case .resource(let resource):
            return isPlainText(resource.title) && FormatKeys.resourceTexts.allSatisfy { isPlainText(resource[keyPath: $0.path]) }
                && resource.seeAlso.allSatisfy(isSound)
                && resource.links.allSatisfy { URLRules.problem(with: $0.url) == nil && isPlainText($0.label) }
                && resource.commands.allSatisfy(isSound)
        }
    }

    private static func isSound(_ command: Command) -> Bool {
        guard PlaceholderFilling.problem(with: command) == nil, isPlainText(command.does),
              command.placeholders.allSatisfy({ PlaceholderScanner.isValidName($0.name) && isPlainText($0.prompt) && isPlainText($0.defaultValue) && isPlainText($0.pattern) })
        else { return false }
        return command.placeholders.isEmpty || !PlaceholderFilling.contextualSegments(of: command).contains { _, context in
            if case .unquotable = context { return true }
            return false
        }
    }

    /// An owner's contact is a URL template, checked as the decoder checks it.
    static func isSound(_ owner: Owner) -> Bool {
        isPlainText(owner.name) && URLRules.problem(with: FeedbackLink.sample(owner.contact)) == nil
    }

    private static func isSound(_ reference: NodeReference) -> Bool {
        TreeDecoder.isValidNodeID(reference.nodeID) && (reference.treeID.map(TreeDecoder.isValidTreeID) ?? true)
    }

    private static func isSound(_ probe: Probe) -> Bool {
        switch probe.check {
        case .command(let name, let pattern): TreeDecoder.isCommandName(name) && isPlainText(pattern)
        case .file(let path): (path.hasPrefix("/") || path.hasPrefix("~/")) && isPlainText(path)
        case .environment(let name): TreeDecoder.isVariableName(name)
        case .version(let name): TreeDecoder.isCommandName(name)
        }
    }

    /// Text with nothing a terminal or shell would act on; line breaks are allowed, since
    /// every sink that shows a one-line field folds them anyway.
    static func isPlainText(_ text: String?) -> Bool {
        guard let text else { return true }
        return TextSanitizer.firstHazard(in: text, multiline: true) == nil
    }
}
