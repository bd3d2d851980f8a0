/// Writes a loaded tree to bytes and reads it back, for the cache. Source locations keep their
/// line and column; the file name is supplied on reading, since the same content may move.
///
/// After the magic, a checksum of everything that follows and the fingerprint of the file it was
/// made from (checked on reading, so an entry is never taken for another file), an entry holds the tree's own fields,
/// its node ids in order and the start node's heading, then the nodes. Reading checks the hash
/// of the whole entry but decodes only up to the nodes; they are decoded when first used.
enum TreeCodec {
    static let magic = "trailhead-tree-cache-11 " + FormatKeys.textLayout
    /// Entry file names start with this; it changes with the format number in `magic`, so entries
    /// of an older format are recognised by name and pruned. (Entries written by a build that
    /// declared other text fields have another `magic`: refused on reading, then replaced.)
    static let entryPrefix = "tree11-"

    /// `expectedSize` reserves the buffer once: an entry is about two thirds of its YAML.
    /// `records`, when given, are the node records already written in pieces, in node order
    /// (`records(of:in:capacity:)`), as a file read in parts writes them.
    static func encode(_ tree: Tree, source: ContentFingerprint, expectedSize: Int = 0, records written: [[UInt8]]? = nil) -> [UInt8] {
        let nodes = tree.nodes
        let ids = nodes.count == tree.nodeOrder.count ? tree.nodeOrder : tree.nodeOrder.filter { nodes[$0] != nil }
        var writer = BinaryWriter(capacity: expectedSize)
        writer.string(magic)
        let hashOffset = writer.bytes.count
        writer.fixed64(0)
        let hashed = writer.bytes.count
        source.digest.words.forEach { writer.fixed64($0) }
        writer.int(source.count)
        writer.int(tree.formatVersion)
        writer.string(tree.id)
        writer.string(tree.title)
        writer.string(tree.description)
        writer.string(tree.startID)
        writer.optional(tree.feedback)
        stewardship(tree.owner, tree.reviewed, &writer)
        writer.int(tree.aliases.count)
        tree.aliases.forEach { writer.strings($0) }
        writer.bool(tree.isOverlay)
        location(tree.location, &writer)
        location(tree.startLocation, &writer)
        writer.strings(ids)
        writer.optional(tree.startHeading)
        // The node records, most of a large entry, are written in parts on every core and joined:
        // the bytes are the same however many parts there are.
        let partCount = Cores.parts(for: ids.count, minimumPerPart: 1024)
        let parts = written ?? OrderedParallelMap.map(count: partCount, chunks: partCount) { part in
            records(of: ids[(ids.count * part / partCount)..<(ids.count * (part + 1) / partCount)], in: nodes, capacity: expectedSize / partCount)
        }
        parts.forEach { writer.append($0) }
        var checksum = FastChecksum()
        writer.bytes.withUnsafeBytes { checksum.combine(UnsafeRawBufferPointer(rebasing: $0[hashed...])) }
        writer.fixed64(checksum.value, at: hashOffset)
        return writer.bytes
    }

    static func records(of ids: ArraySlice<String>, in nodes: [String: Node], capacity: Int) -> [UInt8] {
        var writer = BinaryWriter(capacity: capacity)
        for id in ids {
            guard let node = nodes[id] else { continue }
            writer.strings(node.tags)
            location(node.location, &writer)
            writer.int(node.probes.count)
            for probe in node.probes { Self.probe(probe, &writer) }
            stewardship(node.owner, node.reviewed, &writer)
            writer.strings(node.errors)
            switch node.content {
            case .question(let question):
                writer.int(0)
                writer.string(question.text)
                for text in FormatKeys.questionTexts { writer.optional(question[keyPath: text.path]) }
                writer.int(question.choices.count)
                for choice in question.choices {
                    writer.string(choice.label)
                    writer.optional(choice.hint)
                    reference(choice.target, &writer)
                    location(choice.location, &writer)
                    writer.bool(choice.suggestIf != nil)
                    if let suggestIf = choice.suggestIf { Self.probe(suggestIf, &writer) }
                    writer.optional(choice.when?.description)
                }
            case .resource(let resource):
                writer.int(1)
                writer.string(resource.title)
                for text in FormatKeys.resourceTexts { writer.optional(resource[keyPath: text.path]) }
                writer.int(resource.links.count)
                for link in resource.links {
                    writer.string(link.url)
                    writer.optional(link.label)
                    writer.optional(link.when?.description)
                    location(link.location, &writer)
                }
                writer.int(resource.commands.count)
                for command in resource.commands {
                    writer.string(command.run)
                    writer.string(command.does)
                    writer.bool(command.multiline)
                    writer.optional(command.when?.description)
                    location(command.location, &writer)
                    writer.int(command.placeholders.count)
                    for placeholder in command.placeholders {
                        writer.string(placeholder.name)
                        writer.string(placeholder.prompt)
                        writer.optional(placeholder.defaultValue)
                        writer.optional(placeholder.pattern)
                        writer.optional(placeholder.patternHint)
                        location(placeholder.location, &writer)
                    }
                }
                writer.int(resource.seeAlso.count)
                resource.seeAlso.forEach { reference($0, &writer) }
            }
        }
        return writer.bytes
    }

    /// Reads an entry held in an array, as the tests do.
    static func decode(_ bytes: [UInt8], file: String, source: ContentFingerprint) throws -> Tree {
        try decode(FileBytes(bytes), file: file, source: source, reparse: { [:] })
    }

    /// The tree stored in `stored`, whose nodes are decoded from it when first used. The entry is
    /// checked whole here, so that decoding cannot fail; should it fail all the same, the nodes
    /// come from `reparse` instead.
    static func decode(
        _ stored: FileBytes, file: String, source: ContentFingerprint, reparse: @escaping @Sendable () -> [String: Node]
    ) throws -> Tree {
        try stored.withBytes { raw in
            try raw.withMemoryRebound(to: UInt8.self) { buffer in
                var reader = BinaryReader(buffer)
                guard try reader.string() == magic else { throw BinaryReader.Corrupt() }
                let storedChecksum = try reader.fixed64()
                var checksum = FastChecksum()
                checksum.combine(UnsafeRawBufferPointer(rebasing: raw[reader.position...]))
                guard checksum.value == storedChecksum else { throw BinaryReader.Corrupt() }
                let madeFrom = try (0..<4).map { _ in try reader.fixed64() }
                guard madeFrom == source.digest.words, try reader.int() == source.count else { throw BinaryReader.Corrupt() }
                let formatVersion = try reader.int()
                let id = try reader.string()
                let title = try reader.string()
                let description = try reader.string()
                let startID = try reader.string()
                let feedback = try reader.optional()
                let (owner, reviewed) = try stewardship(&reader)
                let aliases = try (0..<(try reader.count())).map { _ in try reader.strings() }
                let isOverlay = try reader.bool()
                let treeLocation = try location(&reader, file)
                let startLocation = try location(&reader, file)
                let order = try reader.strings()
                let startHeading = try reader.optional()
                // The feedback link is checked as a URL where it is opened, like every link.
                guard CachedEntryCheck.isSound(tree: id, startID: startID, isOverlay: isOverlay, order: order, texts: [title, description, feedback, startHeading]),
                      owner.map(CachedEntryCheck.isSound) ?? true, aliases.joined().allSatisfy(CachedEntryCheck.isPlainText)
                else { throw BinaryReader.Corrupt() }
                let nodesStart = reader.position
                var tree = Tree(
                    formatVersion: formatVersion, id: id, title: title, description: description, startID: startID,
                    feedback: feedback, nodeOrder: order, location: treeLocation, startLocation: startLocation,
                    isOverlay: isOverlay, startHeading: startHeading,
                    decodeNodes: {
                        let decoded = try? stored.withBytes { raw in
                            try decode(nodes: UnsafeRawBufferPointer(rebasing: raw[nodesStart...]), order: order, file: file)
                        }
                        return decoded ?? reparse()
                    })
                tree.owner = owner
                tree.reviewed = reviewed
                tree.aliases = aliases
                return tree
            }
        }
    }

    static func decode(nodes raw: UnsafeRawBufferPointer, order: [String], file: String) throws -> [String: Node] {
        try raw.withMemoryRebound(to: UInt8.self) { buffer in
            var reader = BinaryReader(buffer)
            var nodes: [String: Node] = [:]
            nodes.reserveCapacity(order.count)
            for nodeID in order {
                let tags = try reader.strings()
                let nodeLocation = try location(&reader, file)
                var probes: [Probe] = []
                for _ in 0..<(try reader.count()) { probes.append(try probe(&reader, file)) }
                let (owner, reviewed) = try stewardship(&reader)
                let errors = try reader.strings()
                let content: Node.Content
                switch try reader.int() {
                case 0:
                    let text = try reader.string()
                    var question = Question(text: text, explanation: nil, choices: [])
                    for text in FormatKeys.questionTexts { question[keyPath: text.path] = try reader.optional() }
                    var choices: [Choice] = []
                    for _ in 0..<(try reader.count()) {
                        let label = try reader.string()
                        let hint = try reader.optional()
                        let target = try reference(&reader, file)
                        let choiceLocation = try location(&reader, file)
                        let suggestIf = try reader.bool() ? try probe(&reader, file) : nil
                        let when = try condition(&reader)
                        choices.append(Choice(label: label, hint: hint, target: target, location: choiceLocation, suggestIf: suggestIf, when: when))
                    }
                    question.choices = choices
                    content = .question(question)
                case 1:
                    let resourceTitle = try reader.string()
                    var resource = Resource(title: resourceTitle, body: nil, links: [], commands: [], seeAlso: [])
                    for text in FormatKeys.resourceTexts { resource[keyPath: text.path] = try reader.optional() }
                    var links: [Link] = []
                    for _ in 0..<(try reader.count()) {
                        let url = try reader.string(), label = try reader.optional(), when = try condition(&reader)
                        links.append(Link(url: url, label: label, location: try location(&reader, file), when: when))
                    }
                    var commands: [Command] = []
                    for _ in 0..<(try reader.count()) {
                        let run = try reader.string()
                        let does = try reader.string()
                        let multiline = try reader.bool()
                        let when = try condition(&reader)
                        let commandLocation = try location(&reader, file)
                        var placeholders: [Placeholder] = []
                        for _ in 0..<(try reader.count()) {
                            placeholders.append(Placeholder(
                                name: try reader.string(), prompt: try reader.string(), defaultValue: try reader.optional(),
                                pattern: try reader.optional(), patternHint: try reader.optional(), location: try location(&reader, file)))
                        }
                        commands.append(Command(run: run, does: does, placeholders: placeholders, multiline: multiline, location: commandLocation, when: when))
                    }
                    var seeAlso: [NodeReference] = []
                    for _ in 0..<(try reader.count()) { seeAlso.append(try reference(&reader, file)) }
                    resource.links = links
                    resource.commands = commands
                    resource.seeAlso = seeAlso
                    content = .resource(resource)
                default:
                    throw BinaryReader.Corrupt()
                }
                let node = Node(id: nodeID, content: content, tags: tags, location: nodeLocation, probes: probes, owner: owner, reviewed: reviewed, errors: errors)
                guard CachedEntryCheck.isSound(node) else { throw BinaryReader.Corrupt() }
                nodes[nodeID] = node
            }
            guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
            return nodes
        }
    }

    private static func probe(_ probe: Probe, _ writer: inout BinaryWriter) {
        switch probe.check {
        case .command(let name, let pattern):
            writer.int(0)
            writer.string(name)
            writer.optional(pattern)
        case .file(let path):
            writer.int(1)
            writer.string(path)
        case .environment(let name):
            writer.int(2)
            writer.string(name)
        case .version(let name):
            writer.int(3)
            writer.string(name)
        }
        location(probe.location, &writer)
        writer.bool(probe.missing)
    }

    private static func probe(_ reader: inout BinaryReader, _ file: String) throws -> Probe {
        let check: Probe.Check
        switch try reader.int() {
        case 0: check = .command(try reader.string(), versionPattern: try reader.optional())
        case 1: check = .file(try reader.string())
        case 2: check = .environment(try reader.string())
        case 3: check = .version(try reader.string())
        default: throw BinaryReader.Corrupt()
        }
        let probeLocation = try location(&reader, file)
        return Probe(check: check, location: probeLocation, missing: try reader.bool())
    }

    private static func location(_ location: SourceLocation, _ writer: inout BinaryWriter) {
        writer.int(location.line)
        writer.int(location.column)
    }

    private static func location(_ reader: inout BinaryReader, _ file: String) throws -> SourceLocation {
        SourceLocation(file: file, line: try reader.int(), column: try reader.int())
    }

    private static func reference(_ reference: NodeReference, _ writer: inout BinaryWriter) {
        writer.optional(reference.treeID)
        writer.string(reference.nodeID)
        location(reference.location, &writer)
    }

    private static func reference(_ reader: inout BinaryReader, _ file: String) throws -> NodeReference {
        NodeReference(treeID: try reader.optional(), nodeID: try reader.string(), location: try location(&reader, file))
    }

    /// A link's or command's condition, as written.
    private static func condition(_ reader: inout BinaryReader) throws -> Condition? {
        guard let text = try reader.optional() else { return nil }
        guard case .success(let condition) = Condition.parse(text) else { throw BinaryReader.Corrupt() }
        return condition
    }

    /// An owner and a review date, either of which may be absent.
    private static func stewardship(_ owner: Owner?, _ reviewed: ReviewDate?, _ writer: inout BinaryWriter) {
        writer.bool(owner != nil)
        if let owner {
            writer.string(owner.name)
            writer.string(owner.contact)
        }
        writer.optional(reviewed?.description)
    }

    private static func stewardship(_ reader: inout BinaryReader) throws -> (Owner?, ReviewDate?) {
        let owner = try reader.bool() ? Owner(name: try reader.string(), contact: try reader.string()) : nil
        guard let date = try reader.optional() else { return (owner, nil) }
        guard let reviewed = ReviewDate(parsing: date) else { throw BinaryReader.Corrupt() }
        return (owner, reviewed)
    }
}
