/// A node that an overlay file replaced or added in another layer's tree.
public struct NodeOverride: Sendable, Equatable {
    public var tree: String
    public var node: String
    /// Where the overlay defines the node, and the layer that file belongs to.
    public var location: SourceLocation
    public var layer: String
    /// Where the replaced node was defined; nil when the overlay adds a new node.
    public var replaced: SourceLocation?

    public init(tree: String, node: String, location: SourceLocation, layer: String, replaced: SourceLocation?) {
        self.tree = tree
        self.node = node
        self.location = location
        self.layer = layer
        self.replaced = replaced
    }
}
