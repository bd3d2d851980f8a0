import ArgumentParser
import TrailheadCore

/// Resolves a `tree` or `tree/node` argument, failing with exit 1 and suggestions when it is unknown.
enum Locate {
    static func node(_ text: String, in catalog: Catalog) throws -> NodeKey {
        guard let requested = NodeKey(parsing: text) else {
            Output.error("'\(TextSanitizer.line(text))' is not a node; write TREE or TREE/NODE")
            throw ExitCode(2)
        }
        guard let tree = catalog.tree(requested.tree) else {
            let suggestion = Suggestion.phrase(for: requested.tree, in: catalog.trees.map(\.id))
            Output.error("no tree '\(TextSanitizer.line(requested.tree))'\(suggestion) (trees: \(catalog.trees.map(\.id).joined(separator: ", ")))")
            throw ExitCode(1)
        }
        guard let key = catalog.resolve(requested) else {
            let suggestion = Suggestion.phrase(for: requested.node, in: tree.nodeOrder)
            Output.error("no node '\(TextSanitizer.line(requested.node))' in tree '\(tree.id)'\(suggestion)")
            throw ExitCode(1)
        }
        return key
    }
}
