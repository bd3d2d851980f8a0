/// One decision tree, as loaded from one file.
public struct Tree: Sendable {
    public var formatVersion: Int
    public var id: String
    public var title: String
    public var description: String
    public var startID: String
    /// URL template for "this didn't help me"; may contain `{tree}`, `{node}`, `{path}`, `{version}`.
    public var feedback: String?
    /// Who keeps the tree true; a node's own owner wins.
    public var owner: Owner?
    /// When the tree was last checked against its sources; a node's own date wins.
    public var reviewed: ReviewDate?
    /// Groups of words search treats as one (`[chat, mattermost, slack]`).
    public var aliases: [[String]] = []
    /// Node ids in the order they appear in the file, inline nodes after their parent.
    public var nodeOrder: [String]
    private var storage: TreeNodes
    public var location: SourceLocation
    public var startLocation: SourceLocation
    /// An overlay (`overrides: TREE`) carries nodes that replace or extend tree `id` from a
    /// higher layer; it is merged into that tree and never listed on its own.
    public var isOverlay: Bool

    public init(
        formatVersion: Int, id: String, title: String, description: String, startID: String,
        feedback: String?, nodeOrder: [String], nodes: [String: Node],
        location: SourceLocation, startLocation: SourceLocation, isOverlay: Bool = false
    ) {
        self.formatVersion = formatVersion
        self.id = id
        self.title = title
        self.description = description
        self.startID = startID
        self.feedback = feedback
        self.nodeOrder = nodeOrder
        storage = TreeNodes(nodes)
        self.location = location
        self.startLocation = startLocation
        self.isOverlay = isOverlay
    }

    /// A tree read from the cache, whose nodes are decoded when first asked for.
    init(
        formatVersion: Int, id: String, title: String, description: String, startID: String,
        feedback: String?, nodeOrder: [String], location: SourceLocation, startLocation: SourceLocation,
        isOverlay: Bool, startHeading: String?, decodeNodes: @escaping @Sendable () -> [String: Node]
    ) {
        self.init(
            formatVersion: formatVersion, id: id, title: title, description: description, startID: startID,
            feedback: feedback, nodeOrder: nodeOrder, nodes: [:], location: location, startLocation: startLocation,
            isOverlay: isOverlay)
        storage = TreeNodes(count: nodeOrder.count, start: startHeading.map { (startID, $0) }, decode: decodeNodes)
    }

    /// The nodes by id. For a tree read from the cache, the first use decodes them.
    public var nodes: [String: Node] { storage.nodes }

    /// Whether `nodes` can be read without decoding anything.
    var nodesAreDecoded: Bool { storage.hasDecoded }

    /// How many nodes the tree has, known without decoding them.
    public var nodeCount: Int { storage.count }

    /// The start node's question (or title), known without decoding the other nodes.
    public var startHeading: String? { storage.startHeading(startID: startID) }

    /// Changes nodes in place; the nodes are copied first only when another copy of the tree shares them.
    public mutating func updateNodes<Result>(_ body: (inout [String: Node]) throws -> Result) rethrows -> Result {
        if !isKnownUniquelyReferenced(&storage) || !storage.hasDecoded {
            storage = TreeNodes(storage.nodes)
        }
        return try storage.mutate(body)
    }

    public var file: String { location.file }
    public var orderedNodes: [Node] {
        let nodes = self.nodes
        return nodeOrder.compactMap { nodes[$0] }
    }
}
