/// A whole tree as one JSON document, for other tools; each node has the shape `show --json` prints.
public enum TreeJSONExport {
    public static func document(for tree: Tree) -> JSONValue {
        // A catalog of this tree alone gives NodeJSON what it needs: paths within the tree, and
        // see-also titles for the tree's own nodes (null for other trees, as when they are not loaded).
        let catalog = Catalog(trees: [tree])
        return .object([
            ("format", .int(tree.formatVersion)),
            ("id", .string(tree.id)),
            ("title", .string(tree.title)),
            ("description", .string(tree.description)),
            ("start", .string(tree.startID)),
            ("feedback", .optional(tree.feedback)),
            ("source", NodeJSON.location(tree.location)),
            ("nodes", .array(tree.nodeOrder.map { NodeJSON.node(NodeKey(tree: tree.id, node: $0), in: catalog) })),
        ])
    }

    public static func render(_ tree: Tree) -> String {
        document(for: tree).serialized() + "\n"
    }
}
