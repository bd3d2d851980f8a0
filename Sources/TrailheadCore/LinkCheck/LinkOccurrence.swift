/// One place a tree offers a URL: a resource's link, a URL written in a node's text or in a
/// command, or the tree's feedback target.
public struct LinkOccurrence: Sendable, Equatable {
    public enum Field: String, Sendable {
        case link
        case text
        case command
        case feedback
    }

    public var url: String
    public var field: Field
    public var tree: String
    /// The node holding the link; nil for a tree's feedback target.
    public var node: String?
    public var location: SourceLocation

    public init(url: String, field: Field, tree: String, node: String?, location: SourceLocation) {
        self.url = url
        self.field = field
        self.tree = tree
        self.node = node
        self.location = location
    }

    /// `tree/node`, or `tree (feedback)` for a feedback target.
    public var place: String {
        node.map { "\(tree)/\($0)" } ?? "\(tree) (feedback)"
    }
}
