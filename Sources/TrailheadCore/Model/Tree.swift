/// One decision tree, as loaded from one file.
public struct Tree: Sendable {
    public var formatVersion: Int
    public var id: String
    public var title: String
    public var description: String
    public var startID: String
    /// URL template for "this didn't help me"; may contain `{tree}`, `{node}`, `{path}`, `{version}`.
    public var feedback: String?
    /// Node ids in the order they appear in the file, inline nodes after their parent.
    public var nodeOrder: [String]
    public var nodes: [String: Node]
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
        self.nodes = nodes
        self.location = location
        self.startLocation = startLocation
        self.isOverlay = isOverlay
    }

    public var file: String { location.file }
    public var orderedNodes: [Node] { nodeOrder.compactMap { nodes[$0] } }
}
