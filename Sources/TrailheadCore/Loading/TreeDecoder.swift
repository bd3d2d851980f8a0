/// The known keys of one mapping, each under the spelling from its allowed list. Mappings in
/// tree files have a handful of keys, where a linear scan beats hashing.
struct Fields {
    private var entries: [(name: String, entry: YAMLDocument.Entry)] = []

    init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    mutating func append(_ entry: YAMLDocument.Entry, as name: String) {
        entries.append((name, entry))
    }

    subscript(key: String) -> YAMLDocument.Entry? {
        entries.first { $0.name == key }?.entry
    }
}

/// Turns a parsed YAML document into a `Tree`, reporting every problem with its position.
///
/// Decoding goes on after a problem so that one run of `validate` shows all of them.
struct TreeDecoder {
    private typealias Value = YAMLDocument.Value
    private typealias Entry = YAMLDocument.Entry

    static let treeKeys = keyNames(in: .tree)
    /// An overlay file (`overrides: TREE`) only brings nodes; the tree it changes has the rest.
    static let overlayKeys = KeyNames(FormatKeys.keys(in: .tree).filter { $0.inOverlay != nil }.map(\.name))
    /// Without `id`, which only an inline node may have.
    static let questionKeys = keyNames(in: .question)
    static let resourceKeys = keyNames(in: .resource)
    static let choiceKeys = keyNames(in: .choice)
    static let probeKeys = keyNames(in: .probe)
    static let linkKeys = keyNames(in: .link)
    static let commandKeys = keyNames(in: .command)
    static let placeholderKeys = keyNames(in: .placeholder)
    static let ownerKeys = keyNames(in: .owner)

    private static func keyNames(in place: FormatKey.Place) -> KeyNames {
        KeyNames(FormatKeys.keys(in: place).filter { $0.requirement != .inlineOnly }.map(\.name))
    }

    static let supportedFormat = 1

    let file: String
    let limits: LoaderLimits
    /// The file's bytes, when the whole file is decoded at once: messages about a place inside
    /// a value (a placeholder in a block `run: |`) find it there, through `sourceLines`, made
    /// on the first such message (most files have none).
    private let source: [UInt8]?
    private var sourceLines: SourceLines?
    private(set) var diagnostics: [Diagnostic] = []
    private var document = YAMLDocument()
    private var nodes: [String: Node] = [:]
    private var nodeOrder: [String] = []
    private var nodeCountExceeded = false
    /// Compiled patterns by their text: a catalog repeats the same few patterns many times.
    private var patterns: [String: Result<Regex<AnyRegexOutput>, PlaceholderPattern.PatternError>] = [:]
    /// Keys that an unknown key looked like a misspelling of, per mapping (by the mapping's location),
    /// so the "missing" error is not reported on top of the "did you mean" one.
    private var misspelled: [SourceLocation: Set<String>] = [:]
    /// Every text inside a part of the file that could not be decoded (a choice without a target,
    /// an unknown key, a node of the wrong shape): node ids it may have led to, so that the
    /// validator does not call those nodes unreachable while the error that hides the way is open.
    private(set) var unresolvedNames: Set<String> = []

    init(file: String, limits: LoaderLimits, source: [UInt8]? = nil) {
        self.file = file
        self.limits = limits
        self.source = source
    }

    /// The tree a whole file holds.
    mutating func decode(_ document: YAMLDocument) -> Tree? {
        decode(document, startMayFollow: false)
    }

    /// The tree the head of a split file holds: its start node may be among the nodes that follow in the tail.
    mutating func decodeHead(_ document: YAMLDocument) -> Tree? {
        decode(document, startMayFollow: true)
    }

    /// The nodes of the tail of a split file: a mapping of more entries of the head's `nodes`.
    mutating func decodeTail(_ document: YAMLDocument) -> (nodes: [String: Node], order: [String]) {
        self.document = document
        decodeNodes(document.root)
        return (nodes, nodeOrder)
    }

    private mutating func decode(_ document: YAMLDocument, startMayFollow: Bool) -> Tree? {
        self.document = document
        let root = document.root
        guard let fields = mapping(root, what: "a tree file", allowed: Self.treeKeys) else { return nil }
        let rootLocation = location(of: root)
        let formatVersion = decodeFormat(fields["format"], at: rootLocation)
        if let overrides = fields["overrides"] {
            return decodeOverlay(fields, overrides: overrides, format: formatVersion, at: rootLocation)
        }
        let id = requiredText(fields, "id", in: "the tree", at: rootLocation)
        if let id, !Self.isValidTreeID(id.text) {
            report(.error("bad-id", "tree id '\(id.text)' must be lowercase letters, digits and '-' (at most 64), starting with a letter or digit", at: id.location))
        }
        let title = requiredText(fields, "title", in: "the tree", at: rootLocation)
        let description = requiredText(fields, "description", in: "the tree", at: rootLocation)
        let start = requiredText(fields, "start", in: "the tree", at: rootLocation)
        let feedback = optionalText(fields["feedback"], key: "feedback")
        if let feedback {
            checkFeedbackTemplate(feedback.text, at: feedback.location)
        }
        let owner = decodeOwner(fields["owner"])
        let reviewed = decodeReviewed(fields["reviewed"])
        let aliases = decodeAliases(fields["aliases"])
        if let nodesEntry = fields["nodes"] {
            decodeNodes(nodesEntry.value)
        } else {
            report(.error("missing-key", "the tree has no 'nodes'; add a mapping of node ids to nodes", at: rootLocation))
        }
        if let start, !startMayFollow, !nodes.isEmpty, nodes[start.text] == nil {
            report(.error(
                "undefined-start",
                "start node '\(start.text)' is not defined under 'nodes'\(Suggestion.phrase(for: start.text, in: nodeOrder))",
                at: start.location))
        }
        guard let id else { return nil }
        var tree = Tree(
            formatVersion: formatVersion ?? Self.supportedFormat, id: id.text,
            title: title?.text ?? id.text, description: description?.text ?? "",
            startID: start?.text ?? "", feedback: feedback?.text, nodeOrder: nodeOrder, nodes: nodes,
            location: rootLocation, startLocation: start?.location ?? rootLocation)
        tree.owner = owner
        tree.reviewed = reviewed
        tree.aliases = aliases
        return tree
    }

    // MARK: - Tree level

    /// A site or project file that replaces or adds nodes of another tree, found by id.
    private mutating func decodeOverlay(
        _ fields: Fields, overrides: Entry, format: Int?, at rootLocation: SourceLocation
    ) -> Tree? {
        for key in Self.treeKeys.names where !Self.overlayKeys.contains(key) {
            guard let entry = fields[key] else { continue }
            report(.error("not-in-overlay", "'\(key)' does not belong in a file with 'overrides'; an overlay only brings nodes, the tree it overrides keeps its own \(key)", at: keyLocation(entry)))
        }
        guard let target = optionalText(overrides, key: "overrides") else {
            // A list or map was reported as the wrong type; an empty value would otherwise leave
            // the file silently doing nothing.
            if document.isScalar(overrides.value) {
                report(.error("empty-text", "'overrides' is empty; name the tree whose nodes this file replaces or adds, as in 'overrides: escape-vre'", at: keyLocation(overrides)))
            }
            return nil
        }
        if !Self.isValidTreeID(target.text) {
            report(.error("bad-id", "'overrides' must name a tree id (lowercase letters, digits and '-'), not '\(target.text)'", at: target.location))
            return nil
        }
        if let nodesEntry = fields["nodes"] {
            decodeNodes(nodesEntry.value)
        } else {
            report(.error("missing-key", "the overlay has no 'nodes'; add the nodes it replaces or adds, by id", at: rootLocation))
        }
        let description = optionalText(fields["description"], key: "description")
        return Tree(
            formatVersion: format ?? Self.supportedFormat, id: target.text, title: target.text,
            description: description?.text ?? "", startID: "", feedback: nil, nodeOrder: nodeOrder, nodes: nodes,
            location: rootLocation, startLocation: target.location, isOverlay: true)
    }

    private mutating func decodeFormat(_ entry: Entry?, at rootLocation: SourceLocation) -> Int? {
        guard let entry else {
            report(.error("missing-key", "missing 'format: \(Self.supportedFormat)' at the top; it says which version of the tree format this file uses", at: rootLocation))
            return nil
        }
        guard document.kind(of: entry.value) == .plainScalar, case .int(let version) = YAMLCoreSchema.reading(of: document.string(entry.value)) else {
            report(.error("wrong-type", "'format' must be a whole number such as \(Self.supportedFormat)", at: location(of: entry.value)))
            return nil
        }
        if version != Self.supportedFormat {
            let advice = version > Self.supportedFormat ? "update Trailhead to read it" : "use format \(Self.supportedFormat)"
            report(.error("unsupported-format", "format \(version) is not supported (this Trailhead reads format \(Self.supportedFormat)); \(advice)", at: location(of: entry.value)))
        }
        return version
    }

    /// `errors:`: fragments of messages, each with enough literal text to mean something.
    private mutating func decodeErrors(_ entry: Entry?) -> [String] {
        var seen: Set<String> = []
        return list(entry, key: "errors").compactMap { item in
            guard let fragment = listText(item, key: "errors") else { return nil }
            let literal = ErrorText.pieces(of: fragment).joined()
            if literal.filter({ $0.isLetter }).count < 4 {
                report(.error("bad-error", "the error fragment '\(TextSanitizer.line(String(fragment.prefix(60))))' has too little literal text to match one message; quote more of it", at: location(of: item)))
                return nil
            }
            if !seen.insert(ErrorText.normalized(fragment)).inserted {
                report(.warning("duplicate-error", "the error fragment '\(TextSanitizer.line(String(fragment.prefix(60))))' is listed twice", at: location(of: item)))
                return nil
            }
            return fragment
        }
    }

    /// `aliases:`: groups of at least two words search treats as one; a word is in one group only.
    private mutating func decodeAliases(_ entry: Entry?) -> [[String]] {
        var owner: [String: Int] = [:]
        var groups: [[String]] = []
        for (number, item) in list(entry, key: "aliases").enumerated() {
            guard document.kind(of: item) == .sequence else {
                report(.error("wrong-type", "each item of 'aliases' must be a list of words, such as [chat, mattermost, slack]", at: location(of: item)))
                continue
            }
            var group: [String] = []
            for word in document.items(of: item) {
                guard let text = listText(word, key: "aliases") else { continue }
                let folded = text.lowercased()
                if let other = owner[folded] {
                    let place = other == number ? "this group" : "alias group \(other + 1)"
                    report(.error("duplicate-alias", "'\(TextSanitizer.line(String(text.prefix(40))))' is already in \(place); a word belongs to one group", at: location(of: word)))
                    continue
                }
                owner[folded] = number
                group.append(text)
            }
            if group.count < 2 {
                report(.error("empty-alias", "alias group \(number + 1) needs at least two words that mean the same", at: location(of: item)))
                continue
            }
            groups.append(group)
        }
        return groups
    }

    /// `owner: {name, contact}`; the contact is a URL template like `feedback`.
    private mutating func decodeOwner(_ entry: Entry?) -> Owner? {
        guard let entry else { return nil }
        let ownerLocation = location(of: entry.value)
        guard let fields = mapping(entry.value, what: "'owner'", allowed: Self.ownerKeys) else { return nil }
        let name = requiredText(fields, "name", in: "the owner", at: ownerLocation)
        let contact = requiredText(fields, "contact", in: "the owner", at: ownerLocation)
        if let contact, let problem = URLRules.problem(with: FeedbackLink.sample(contact.text)) {
            report(.error("bad-url", "owner contact: \(problem)", at: contact.location))
            return nil
        }
        guard let name, let contact else { return nil }
        return Owner(name: name.text, contact: contact.text)
    }

    /// `reviewed: YYYY-MM-DD`. Whether it lies in the future depends on the day it is checked,
    /// so `ValidationRun` says that.
    private mutating func decodeReviewed(_ entry: Entry?) -> ReviewDate? {
        guard let entry else { return nil }
        let text = document.string(entry.value)
        guard document.isScalar(entry.value), let date = ReviewDate(parsing: text) else {
            report(.error("bad-date", "'reviewed' must be a date written YYYY-MM-DD, such as 2026-12-06, not '\(text.prefix(40))'", at: location(of: entry.value)))
            return nil
        }
        return date
    }

    private mutating func checkFeedbackTemplate(_ template: String, at location: SourceLocation) {
        if let problem = URLRules.problem(with: FeedbackLink.sample(template)) {
            report(.error("bad-url", "feedback: \(problem)", at: location))
        }
    }

    private mutating func decodeNodes(_ yaml: Value) {
        guard document.kind(of: yaml) == .mapping else {
            report(.error("wrong-type", "'nodes' must be a mapping of node ids to nodes, not \(document.kindName(of: yaml))", at: location(of: yaml)))
            return
        }
        let entries = document.entries(of: yaml)
        nodes.reserveCapacity(nodes.count + entries.count)
        if entries.isEmpty {
            report(.error("dead-end", "'nodes' is empty; a tree needs at least a start node", at: location(of: yaml)))
        }
        for entry in entries {
            let keyLocation = keyLocation(entry)
            let id = document.string(entry.key)
            if !Self.isValidNodeID(id) {
                report(.error("bad-id", "node id '\(id)' must be lowercase letters, digits, '.', '_' and '-' (at most 64), starting with a letter or digit", at: keyLocation))
            } else if document.kind(of: entry.key) == .plainScalar, let meaning = Self.nonTextMeaning(of: id) {
                report(.warning("typed-id", "node id \(id) is \(meaning) to YAML, so other tools read another id; node ids are text: quote it (\"\(id)\":)", at: keyLocation))
            }
            decodeNode(entry.value, id: id, at: keyLocation, inline: false)
        }
    }

    // MARK: - Nodes

    private mutating func decodeNode(_ yaml: Value, id: String, at idLocation: SourceLocation, inline: Bool) {
        if nodeCountExceeded { return }
        if nodes.count >= limits.maxNodesPerFile {
            nodeCountExceeded = true
            report(.error("too-many-nodes", "more than \(limits.maxNodesPerFile) nodes in one file; split the tree", at: idLocation))
            return
        }
        guard document.kind(of: yaml) == .mapping else {
            report(.error("wrong-type", "node '\(id)' must be a mapping with 'question' or 'title', not \(document.kindName(of: yaml))", at: location(of: yaml)))
            noteUnresolved(yaml)
            return
        }
        let entries = document.entries(of: yaml)
        let isQuestion = entries.contains { document.scalar($0.key, is: "question") }
        let hasTitle = entries.contains { document.scalar($0.key, is: "title") }
        if isQuestion && hasTitle {
            report(.error("ambiguous-node", "node '\(id)' has both 'question' and 'title'; a node is either a question or a resource", at: idLocation))
        }
        if !isQuestion && !hasTitle {
            report(.error("missing-key", "node '\(id)' needs 'question' (to ask something) or 'title' (to be a resource)", at: idLocation))
        }
        var allowed = isQuestion ? Self.questionKeys : Self.resourceKeys
        if inline { allowed = allowed.adding("id") }
        let other = isQuestion ? Self.resourceKeys : Self.questionKeys
        let kindName = isQuestion ? "question" : "resource"
        var fields = Fields(capacity: entries.count)
        for entry in entries {
            if let name = spelling(of: entry.key, in: allowed) {
                fields.append(entry, as: name)
            } else if let name = spelling(of: entry.key, in: other) {
                if isQuestion && name == "title" { continue }
                report(.error("unknown-key", "'\(name)' does not belong in a \(kindName) node; a \(kindName) node takes \(allowed.names.joined(separator: ", "))", at: keyLocation(entry)))
            } else {
                report(unknownKey(entry, allowed: allowed, in: "a \(kindName) node", owner: idLocation))
            }
        }
        if !isQuestion && !hasTitle {
            misspelled[idLocation, default: []].insert("title")
        }
        if let existing = nodes[id] {
            report(.error("duplicate-id", "node id '\(id)' is already used by the node on line \(existing.location.line); choose another", at: idLocation))
            noteUnresolved(yaml)
            return
        }
        let tags = stringList(fields["tags"], key: "tags")
        let content: Node.Content
        if isQuestion {
            content = .question(decodeQuestion(fields, id: id, at: idLocation))
        } else {
            content = .resource(decodeResource(fields, id: id, at: idLocation))
        }
        var probes: [Probe] = []
        if let entry = fields["probes"] {
            if document.kind(of: entry.value) == .sequence {
                probes = document.items(of: entry.value).compactMap { decodeProbe($0, what: "a probe of '\(id)'") }
            } else {
                report(.error("wrong-type", "'probes' must be a list of probes such as '- command: rucio', not \(document.kindName(of: entry.value))", at: location(of: entry.value)))
            }
        }
        let owner = decodeOwner(fields["owner"])
        let reviewed = decodeReviewed(fields["reviewed"])
        let errors = decodeErrors(fields["errors"])
        nodes[id] = Node(id: id, content: content, tags: tags, location: idLocation, probes: probes, owner: owner, reviewed: reviewed, errors: errors)
        nodeOrder.append(id)
        appendInlineNodes()
    }

    /// Inline nodes are decoded after their parent so that `nodeOrder` reads parent first.
    private var pendingInline: [(Value, String, SourceLocation)] = []

    private mutating func appendInlineNodes() {
        while !pendingInline.isEmpty {
            let (yaml, id, location) = pendingInline.removeFirst()
            decodeNode(yaml, id: id, at: location, inline: true)
        }
    }

    private mutating func decodeQuestion(_ fields: Fields, id: String, at idLocation: SourceLocation) -> Question {
        let text = requiredText(fields, "question", in: "node '\(id)'", at: idLocation)?.text ?? ""
        var question = Question(text: text, explanation: nil, choices: [])
        decodeTexts(fields, FormatKeys.questionTexts, into: &question)
        var choices: [Choice] = []
        if let entry = fields["choices"] {
            if document.kind(of: entry.value) == .sequence {
                let items = document.items(of: entry.value)
                if items.isEmpty {
                    report(.error("dead-end", "question '\(id)' has no choices; add at least one", at: keyLocation(entry)))
                }
                for (index, item) in items.enumerated() {
                    if let choice = decodeChoice(item, number: index + 1, parent: id) {
                        choices.append(choice)
                    }
                }
            } else {
                report(.error("wrong-type", "'choices' must be a list, not \(document.kindName(of: entry.value))", at: location(of: entry.value)))
            }
        } else {
            report(.error("dead-end", "question '\(id)' has no 'choices'; add at least one", at: idLocation))
        }
        question.choices = choices
        return question
    }

    /// The declared free text fields of a question or resource.
    private mutating func decodeTexts<Owner>(
        _ fields: Fields, _ texts: [(key: FormatKey, field: TextField, path: WritableKeyPath<Owner, String?> & Sendable)],
        into owner: inout Owner
    ) {
        for text in texts {
            let entry = fields[text.key.name]
            let value = optionalText(entry, key: text.key.name, multiline: text.field.multiline)
            owner[keyPath: text.path] = value?.text
            if let entry, let value, text.field.multiline, RichText.hasStructure(value.text) {
                checkRichText(value.text, key: text.key.name, keyAt: keyLocation(entry), valueAt: value.location)
            }
        }
    }

    /// Reports the sections and code blocks of a text that do not close or name what they mean.
    /// A `|` block's first line is the one after its key, so line k of the text is k lines below it.
    private mutating func checkRichText(_ text: String, key: String, keyAt keyLocation: SourceLocation, valueAt valueLocation: SourceLocation) {
        for problem in RichText.parse(text).problems {
            let at = SourceLocation(file: file, line: valueLocation.line + problem.line, column: keyLocation.column + 2)
            report(.error("bad-text", "line \(problem.line) of '\(key)': \(problem.message)", at: at))
        }
    }

    private mutating func decodeChoice(_ yaml: Value, number: Int, parent: String) -> Choice? {
        // Spelled out only for a message.
        func choiceName() -> String { "choice \(number) of '\(parent)'" }
        guard let fields = mapping(yaml, what: choiceName(), allowed: Self.choiceKeys) else {
            noteUnresolved(yaml)
            return nil
        }
        let choiceLocation = location(of: yaml)
        let label = requiredText(fields, "label", in: choiceName(), at: choiceLocation)
        let hint = optionalText(fields["hint"], key: "hint")?.text
        let target: NodeReference?
        switch (fields["goto"], fields["node"]) {
        case (let gotoEntry?, nil):
            target = reference(gotoEntry.value, key: "goto")
        case (nil, let nodeEntry?):
            target = inlineTarget(nodeEntry, number: number, parent: parent)
        case (.some, .some):
            report(.error("ambiguous-choice", "\(choiceName()) has both 'goto' and 'node'; keep one", at: choiceLocation))
            target = nil
        case (nil, nil):
            report(.error("missing-key", "\(choiceName()) leads nowhere; add 'goto: node-id' or an inline 'node:'", at: choiceLocation))
            target = nil
        }
        let suggestIf = fields["suggest-if"].flatMap { decodeProbe($0.value, what: "'suggest-if' of \(choiceName())") }
        let when = decodeCondition(fields["when"])
        guard let target else {
            noteUnresolved(yaml)
            return nil
        }
        return Choice(label: label?.text ?? "", hint: hint, target: target, location: choiceLocation, suggestIf: suggestIf, when: when)
    }

    /// `{command: NAME, version-matches: REGEX}`, `{file: PATH}` or `{env: NAME}`: read-only checks, never code.
    private mutating func decodeProbe(_ yaml: Value, what: @autoclosure () -> String) -> Probe? {
        guard let fields = mapping(yaml, what: what(), allowed: Self.probeKeys) else { return nil }
        let probeLocation = location(of: yaml)
        let kinds = ["command", "file", "env"].filter { fields[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let subject = optionalText(fields[kind], key: kind) else {
            if kinds.count != 1 {
                report(.error("bad-probe", "\(what()) needs exactly one of 'command', 'file' or 'env'", at: probeLocation))
            }
            return nil
        }
        let pattern = optionalText(fields["version-matches"], key: "version-matches")
        if let pattern, kind != "command" {
            report(.error("bad-probe", "'version-matches' only goes with 'command'", at: pattern.location))
        }
        let missing = optionalBool(fields["missing"], key: "missing") ?? false
        switch kind {
        case "command":
            guard Self.isCommandName(subject.text) else {
                report(.error("bad-probe", "'\(subject.text)' is not a command name; give the bare name looked up on PATH (letters, digits, '.', '_', '+', '-')", at: subject.location))
                return nil
            }
            if let pattern, case .failure(let error) = PlaceholderPattern.compile(pattern.text) {
                report(.error("bad-pattern", "\(error.lead(for: "version-matches")): \(error.description)", at: pattern.location))
                return nil
            }
            return Probe(check: .command(subject.text, versionPattern: pattern?.text), location: probeLocation, missing: missing)
        case "file":
            guard subject.text.hasPrefix("/") || subject.text.hasPrefix("~/") else {
                report(.error("bad-probe", "file probe '\(subject.text)' must be an absolute path or start with '~/'", at: subject.location))
                return nil
            }
            return Probe(check: .file(subject.text), location: probeLocation, missing: missing)
        default:
            guard Self.isVariableName(subject.text) else {
                report(.error("bad-probe", "'\(subject.text)' is not an environment variable name (letters, digits and '_', not starting with a digit)", at: subject.location))
                return nil
            }
            return Probe(check: .environment(subject.text), location: probeLocation, missing: missing)
        }
    }

    static func isCommandName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && !text.hasPrefix("-") && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E || byte == 0x5F || byte == 0x2B || byte == 0x2D
        }
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(first >= 0x30 && first <= 0x39), text.count <= 128 else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
        }
    }

    private mutating func inlineTarget(_ entry: Entry, number: Int, parent: String) -> NodeReference? {
        var id = "\(parent).\(number)"
        var idLocation = location(of: entry.value)
        if let idEntry = document.entries(of: entry.value).first(where: { document.scalar($0.key, is: "id") }) {
            if let explicit = optionalText(idEntry, key: "id") {
                if Self.isValidNodeID(explicit.text) {
                    id = explicit.text
                    idLocation = explicit.location
                } else {
                    report(.error("bad-id", "node id '\(explicit.text)' must be lowercase letters, digits, '.', '_' and '-', starting with a letter or digit", at: explicit.location))
                }
            }
        }
        pendingInline.append((entry.value, id, idLocation))
        return NodeReference(treeID: nil, nodeID: id, location: idLocation)
    }

    private mutating func decodeResource(_ fields: Fields, id: String, at idLocation: SourceLocation) -> Resource {
        let title = requiredText(fields, "title", in: "node '\(id)'", at: idLocation)?.text ?? ""
        var resource = Resource(title: title, body: nil, links: [], commands: [], seeAlso: [])
        decodeTexts(fields, FormatKeys.resourceTexts, into: &resource)
        var links: [Link] = []
        for item in list(fields["links"], key: "links") {
            if let link = decodeLink(item) { links.append(link) }
        }
        var commands: [Command] = []
        for item in list(fields["commands"], key: "commands") {
            if let command = decodeCommand(item) { commands.append(command) }
        }
        var seeAlso: [NodeReference] = []
        for item in list(fields["see-also"], key: "see-also") {
            if let target = reference(item, key: "see-also") { seeAlso.append(target) }
        }
        if (resource.body ?? "").isBlank && links.isEmpty && commands.isEmpty && seeAlso.isEmpty {
            report(.error("dead-end", "resource '\(id)' offers nothing; add a 'body', 'links', 'commands' or 'see-also'", at: idLocation))
        }
        resource.links = links
        resource.commands = commands
        resource.seeAlso = seeAlso
        return resource
    }

    private mutating func decodeLink(_ yaml: Value) -> Link? {
        guard let fields = mapping(yaml, what: "a link", allowed: Self.linkKeys) else { return nil }
        let linkLocation = location(of: yaml)
        guard let url = requiredText(fields, "url", in: "the link", at: linkLocation) else { return nil }
        if let problem = URLRules.problem(with: url.text) {
            report(.error("bad-url", problem, at: url.location))
        } else if let warning = URLRules.lookalikeHostWarning(for: url.text) {
            report(.warning("lookalike-host", warning, at: url.location))
        }
        let label = optionalText(fields["label"], key: "label")?.text
        return Link(url: url.text, label: label, location: linkLocation, when: decodeCondition(fields["when"]))
    }

    /// A choice's, link's or command's `when:`.
    private mutating func decodeCondition(_ entry: Entry?) -> Condition? {
        guard let when = optionalText(entry, key: "when") else { return nil }
        switch Condition.parse(when.text) {
        case .success(let condition): return condition
        case .failure(let error):
            report(.error("bad-condition", "when: \(error)", at: when.location))
            return nil
        }
    }

    private mutating func decodeCommand(_ yaml: Value) -> Command? {
        guard let fields = mapping(yaml, what: "a command", allowed: Self.commandKeys) else { return nil }
        let commandLocation = location(of: yaml)
        let multiline = optionalBool(fields["multiline"], key: "multiline") ?? false
        guard let run = requiredText(fields, "run", in: "the command", at: commandLocation, multiline: true) else { return nil }
        // Printable ASCII, as most commands are, holds no line break or tab.
        let isPlain = fields["run"].map { document.isPrintableASCII($0.value) } ?? false
        let trimmedRun = !isPlain && run.text.hasSuffix("\n") ? String(run.text.dropLast()) : run.text
        if !isPlain && !multiline && trimmedRun.containsASCII("\n") {
            report(.error("multiline-command", "the command spans several lines; add 'multiline: true' if that is intended", at: run.location))
        }
        // `run` is read as multi-line text so a line break gets the message above; a tab is
        // allowed only in a declared multi-line command (a heredoc), as in body and explain.
        if !isPlain && !multiline && trimmedRun.containsASCII("\t") {
            report(.error("unsafe-text", "'run' contains a control character (<U+0009>); remove it, or add 'multiline: true' for a here-document", at: run.location))
        }
        let does = requiredText(fields, "does", in: "the command", at: commandLocation)
        var placeholders: [Placeholder] = []
        if let entry = fields["placeholders"] {
            if document.kind(of: entry.value) == .mapping {
                placeholders.reserveCapacity(document.count(of: entry.value))
                for placeholderEntry in document.entries(of: entry.value) {
                    if let placeholder = decodePlaceholder(placeholderEntry) { placeholders.append(placeholder) }
                }
            } else {
                report(.error("wrong-type", "'placeholders' must be a mapping of names to {prompt, default, pattern}, not \(document.kindName(of: entry.value))", at: location(of: entry.value)))
            }
        }
        let segments = PlaceholderScanner.segments(of: trimmedRun) { name in placeholders.contains { $0.name == name } }
        // A message about a placeholder points at it in the file, not at the start of `run`: the
        // first place it is written from there, within the lines the value can span (a folded
        // value turns each of its line breaks into a space).
        let spannedLines = trimmedRun.utf8.count { $0 == 0x0A || $0 == 0x20 } + 2
        func place(of name: String) -> SourceLocation {
            if sourceLines == nil { sourceLines = source.map(SourceLines.init) }
            guard let found = sourceLines?.position(of: "{\(name)}", from: run.location.line, column: run.location.column, lines: spannedLines)
            else { return run.location }
            return SourceLocation(file: run.location.file, line: found.line, column: found.column)
        }
        for name in PlaceholderScanner.undeclaredNames(in: segments) {
            let message = PlaceholderScanner.isValidName(name)
                ? "'{\(name)}' in 'run' looks like a placeholder but is not declared under 'placeholders'; it is shown as written"
                : "'{\(name)}' in 'run' looks like a placeholder, but names are lower-case: write '{\(name.lowercased())}' and declare it under 'placeholders', or it is shown as written"
            report(.warning("undeclared-placeholder", message, at: place(of: name)))
        }
        if !placeholders.isEmpty {
            let names = segments.compactMap { segment -> String? in
                if case .placeholder(let name) = segment { return name }
                return nil
            }
            for (name, context) in zip(names, ShellContext.contexts(of: segments)) {
                if case .unquotable(let reason) = context {
                    report(.error("unquotable-placeholder", "'{\(name)}' cannot be filled safely, because \(reason)", at: place(of: name)))
                }
            }
        }
        for placeholder in placeholders where !segments.contains(.placeholder(placeholder.name)) {
            report(.error("unused-placeholder", "placeholder '\(placeholder.name)' is declared but '{\(placeholder.name)}' does not appear in 'run'", at: placeholder.location))
        }
        return Command(
            run: trimmedRun, does: does?.text ?? "", placeholders: placeholders, multiline: multiline, location: commandLocation,
            when: decodeCondition(fields["when"]))
    }

    private mutating func decodePlaceholder(_ entry: Entry) -> Placeholder? {
        let nameLocation = keyLocation(entry)
        let name = document.string(entry.key)
        if !PlaceholderScanner.isValidName(name) {
            report(.error("bad-id", "placeholder name '\(name)' must be lowercase letters, digits, '_' and '-', starting with a letter", at: nameLocation))
        }
        guard let fields = mapping(entry.value, what: "placeholder '\(name)'", allowed: Self.placeholderKeys, owner: nameLocation) else { return nil }
        let prompt = requiredText(fields, "prompt", in: "placeholder '\(name)'", at: nameLocation)
        let defaultValue = optionalText(fields["default"], key: "default", allowEmpty: true)
        let pattern = optionalText(fields["pattern"], key: "pattern")
        let patternHint = optionalText(fields["pattern-hint"], key: "pattern-hint")
        if let patternHint, pattern == nil {
            report(.error("bad-placeholder", "'pattern-hint' says in words what 'pattern' requires; add the 'pattern'", at: patternHint.location))
        }
        if let pattern {
            let compiled: Result<Regex<AnyRegexOutput>, PlaceholderPattern.PatternError>
            if let known = patterns[pattern.text] {
                compiled = known
            } else {
                compiled = PlaceholderPattern.compile(pattern.text)
                patterns[pattern.text] = compiled
            }
            switch compiled {
            case .failure(let error):
                report(.error("bad-pattern", "\(error.lead(for: "pattern")): \(error)", at: pattern.location))
            case .success(let regex):
                let length = defaultValue?.text.unicodeScalars.count ?? 0
                if let defaultValue, length > PatternSafety.maxValueLength {
                    report(.error("bad-default", "default is \(length) characters long; a value checked against a 'pattern' may have at most \(PatternSafety.maxValueLength)", at: defaultValue.location))
                } else if let defaultValue, !PlaceholderPattern.matches(regex, defaultValue.text) {
                    report(.error("bad-default", "default '\(defaultValue.text)' does not match the pattern '\(pattern.text)'", at: defaultValue.location))
                }
            }
        }
        return Placeholder(
            name: name, prompt: prompt?.text ?? name, defaultValue: defaultValue?.text,
            pattern: pattern?.text, patternHint: patternHint?.text, location: nameLocation)
    }

    // MARK: - Values

    /// `what` names the mapping in messages; it is only spelled out when there is one.
    private mutating func mapping(
        _ yaml: Value, what: @autoclosure () -> String, allowed: KeyNames, owner: SourceLocation? = nil
    ) -> Fields? {
        guard document.kind(of: yaml) == .mapping else {
            report(.error("wrong-type", "\(what()) must be a mapping (key: value lines), not \(document.kindName(of: yaml))", at: location(of: yaml)))
            return nil
        }
        let entries = document.entries(of: yaml)
        var fields = Fields(capacity: entries.count)
        for entry in entries {
            if let name = spelling(of: entry.key, in: allowed) {
                fields.append(entry, as: name)
            } else {
                report(unknownKey(entry, allowed: allowed, in: what(), owner: owner ?? location(of: yaml)))
            }
        }
        return fields
    }

    /// The name in `names` that a key spells, if any.
    private func spelling(of key: Value, in names: KeyNames) -> String? {
        names.name(of: key, in: document)
    }

    private mutating func unknownKey(_ entry: Entry, allowed: KeyNames, in what: String, owner: SourceLocation) -> Diagnostic {
        noteUnresolved(entry.value)
        let key = String(document.string(entry.key).prefix(60))
        let suggestion = Suggestion.closest(to: key, in: allowed.names)
        if let suggestion { misspelled[owner, default: []].insert(suggestion) }
        let advice = suggestion.map { "did you mean '\($0)'?" } ?? "allowed keys are \(allowed.names.joined(separator: ", "))"
        return .error("unknown-key", "unknown key '\(key)' in \(what); \(advice)", at: keyLocation(entry))
    }

    private mutating func requiredText(
        _ fields: Fields, _ key: String, in what: @autoclosure () -> String, at owner: SourceLocation, multiline: Bool = false
    ) -> (text: String, location: SourceLocation)? {
        guard let entry = fields[key] else {
            if misspelled[owner]?.contains(key) != true {
                report(.error("missing-key", "\(what()) is missing '\(key)'; add '\(key): …'", at: owner))
            }
            return nil
        }
        guard document.isScalar(entry.value) else {
            return optionalText(entry, key: key, multiline: multiline)
        }
        guard let value = optionalText(entry, key: key, multiline: multiline) else {
            report(.error(key == "label" ? "empty-label" : "empty-text", "'\(key)' is empty in \(what())", at: keyLocation(entry)))
            return nil
        }
        return value
    }

    /// `true` or `false`; anything else is an error at the value.
    private mutating func optionalBool(_ entry: Entry?, key: String) -> Bool? {
        guard let entry else { return nil }
        if document.kind(of: entry.value) == .plainScalar, case .bool(let value) = YAMLCoreSchema.reading(of: document.string(entry.value)) {
            return value
        }
        report(.error("wrong-type", "'\(key)' must be true or false", at: location(of: entry.value)))
        return nil
    }

    /// A text value; nil when absent, null or blank (blank is allowed only with `allowEmpty`).
    private mutating func optionalText(
        _ entry: Entry?, key: String, multiline: Bool = false, allowEmpty: Bool = false
    ) -> (text: String, location: SourceLocation)? {
        guard let entry else { return nil }
        let valueLocation = location(of: entry.value)
        guard document.isScalar(entry.value) else {
            report(.error("wrong-type", "'\(key)' must be text, not \(document.kindName(of: entry.value))", at: valueLocation))
            return nil
        }
        let isNull = document.isNull(entry.value)
        let text = document.string(entry.value)
        if isNull || (!allowEmpty && text.isBlank) {
            return allowEmpty && !isNull ? (text, valueLocation) : nil
        }
        if !document.isPrintableASCII(entry.value) {
            checkText(text, key: key, multiline: multiline, at: valueLocation)
        }
        return (text, valueLocation)
    }

    private mutating func checkText(_ text: String, key: String, multiline: Bool, at location: SourceLocation) {
        guard let found = TextSanitizer.firstHazard(in: text, multiline: multiline) else { return }
        if found.scalar == "\n" {
            report(.error(
                "multiline-text",
                "'\(key)' must be one line but contains a line break; write it on one line, or use '>-' to fold a long one",
                at: location))
            return
        }
        report(.error(
            "unsafe-text",
            "'\(key)' contains a \(found.hazard.rawValue) (\(TextSanitizer.codePoint(found.scalar))); remove it",
            at: location))
    }

    private mutating func list(_ entry: Entry?, key: String) -> [Value] {
        guard let entry else { return [] }
        if document.isNull(entry.value) { return [] }
        guard document.kind(of: entry.value) == .sequence else {
            report(.error("wrong-type", "'\(key)' must be a list, not \(document.kindName(of: entry.value))", at: location(of: entry.value)))
            return []
        }
        return document.items(of: entry.value)
    }

    private mutating func stringList(_ entry: Entry?, key: String) -> [String] {
        let items = list(entry, key: key)
        var texts: [String] = []
        texts.reserveCapacity(items.count)
        for item in items {
            if let text = listText(item, key: key) { texts.append(text) }
        }
        return texts
    }

    private mutating func listText(_ item: Value, key: String) -> String? {
        let text = document.string(item)
        guard document.isScalar(item), !text.isEmpty else {
            report(.error("wrong-type", "each item of '\(key)' must be text, not \(document.kindName(of: item))", at: location(of: item)))
            return nil
        }
        if !document.isPrintableASCII(item) {
            checkText(text, key: key, multiline: false, at: location(of: item))
        }
        return text
    }

    /// What YAML's core schema reads a plain node id as, when that is not text.
    static func nonTextMeaning(of id: String) -> String? {
        switch YAMLCoreSchema.reading(of: id) {
        case .text: nil
        case .null: "null (nothing)"
        case .bool(let value): "the boolean \(value)"
        case .int(let value): "the number \(value)"
        case .float: "a floating-point number"
        }
    }

    private mutating func reference(_ yaml: Value, key: String) -> NodeReference? {
        if document.isNull(yaml) {
            report(.error("bad-reference", "'\(key)' is empty: YAML reads '\(document.string(yaml))' as nothing; write the node id it leads to", at: location(of: yaml)))
            return nil
        }
        guard document.isScalar(yaml) else {
            report(.error("wrong-type", "'\(key)' must be a node id or tree-id/node-id, not \(document.kindName(of: yaml))", at: location(of: yaml)))
            noteUnresolved(yaml)
            return nil
        }
        let text = document.string(yaml)
        guard let reference = NodeReference(parsing: text, location: location(of: yaml)) else {
            report(.error("bad-reference", "'\(text.prefix(80))' is not a node reference; write node-id or tree-id/node-id", at: location(of: yaml)))
            noteUnresolved(yaml)
            return nil
        }
        return reference
    }

    // MARK: - Helpers

    private mutating func noteUnresolved(_ yaml: Value) {
        var pending = [yaml]
        while let value = pending.popLast() {
            switch document.kind(of: value) {
            case .mapping: pending += document.entries(of: value).map(\.value)
            case .sequence: pending += document.items(of: value)
            default:
                let text = document.string(value)
                if text.utf8.count <= 200 { unresolvedNames.insert(text) }
            }
        }
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    private func location(of yaml: Value) -> SourceLocation {
        SourceLocation(file: file, line: document.line(of: yaml), column: document.column(of: yaml))
    }

    private func keyLocation(_ entry: Entry) -> SourceLocation {
        location(of: entry.key)
    }

    static func isValidTreeID(_ id: String) -> Bool {
        isIdentifier(id, allowsDotAndUnderscore: false)
    }

    static func isValidNodeID(_ id: String) -> Bool {
        isIdentifier(id, allowsDotAndUnderscore: true)
    }

    private static func isIdentifier(_ id: String, allowsDotAndUnderscore: Bool) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 64 else { return false }
        let isLowerOrDigit = { (byte: UInt8) in (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        guard isLowerOrDigit(first) else { return false }
        return id.utf8.allSatisfy { byte in
            isLowerOrDigit(byte) || byte == UInt8(ascii: "-")
                || (allowsDotAndUnderscore && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")))
        }
    }
}
