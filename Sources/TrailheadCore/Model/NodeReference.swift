/// A pointer from one node to another, written `node-id` or `tree-id/node-id`.
public struct NodeReference: Hashable, Sendable {
    /// The tree named in the reference, or nil when it points into the referring tree.
    public var treeID: String?
    public var nodeID: String
    public var location: SourceLocation

    public init(treeID: String?, nodeID: String, location: SourceLocation) {
        self.treeID = treeID
        self.nodeID = nodeID
        self.location = location
    }

    /// Parses `node` or `tree/node`; nil when the text has more than one `/` or an empty part.
    public init?(parsing text: String, location: SourceLocation) {
        // Most references name a node of their own tree: no `/`, nothing to split.
        if !text.isEmpty, !text.utf8.contains(UInt8(ascii: "/")) {
            self.init(treeID: nil, nodeID: text, location: location)
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where !parts[0].isEmpty:
            self.init(treeID: nil, nodeID: String(parts[0]), location: location)
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
            self.init(treeID: String(parts[0]), nodeID: String(parts[1]), location: location)
        default:
            return nil
        }
    }

    /// The key of the node this points at, given the tree the reference was written in.
    public func key(from ownerTree: String) -> NodeKey {
        NodeKey(tree: treeID ?? ownerTree, node: nodeID)
    }
}

/// The catalog-wide identity of a node: its tree id and node id.
public struct NodeKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var tree: String
    public var node: String

    public init(tree: String, node: String) {
        self.tree = tree
        self.node = node
    }

    /// Parses `tree/node`, or `tree` alone (meaning its start, so `node` is empty).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty else { return nil }
        if parts.count == 2 && parts[1].isEmpty { return nil }
        self.init(tree: String(parts[0]), node: parts.count == 2 ? String(parts[1]) : "")
    }

    public var description: String { node.isEmpty ? tree : "\(tree)/\(node)" }

    public static func < (lhs: NodeKey, rhs: NodeKey) -> Bool {
        (lhs.tree, lhs.node) < (rhs.tree, rhs.node)
    }
}
