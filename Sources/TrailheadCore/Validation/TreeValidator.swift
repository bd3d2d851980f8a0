/// Checks what only the whole catalog can tell: references, reachability and traps.
public struct TreeValidator: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Diagnostics for the trees defined in `files` (all trees when nil). Nodes that `hiddenWays`
    /// may lead to (the ids named inside a broken choice or key) and the nodes after them are not
    /// called unreachable: the error on the way is the problem, reported in the same run.
    public func diagnostics(forFiles files: Set<String>? = nil, hiddenWays: Set<NodeKey> = []) -> [Diagnostic] {
        let referencedFromOutside = referencesBetweenTrees()
        let leadsToResource = nodesThatReachAResource()
        let behindErrors = nodesReached(from: hiddenWays)
        var diagnostics: [Diagnostic] = []
        for tree in catalog.trees {
            // Judged node by node: an overlay's nodes live in another file than their tree's.
            let checked = tree.orderedNodes.filter { files?.contains($0.location.file) ?? true }
            guard !checked.isEmpty else { continue }
            diagnostics += danglingReferences(in: checked, of: tree)
            diagnostics += traps(in: checked, of: tree, leadsToResource: leadsToResource)
            guard tree.nodes[tree.startID] != nil else { continue }
            let reachable = catalog.reachable(fromStartOf: tree.id)
            for node in checked {
                let key = NodeKey(tree: tree.id, node: node.id)
                if !reachable.contains(key) && !referencedFromOutside.contains(key) && !behindErrors.contains(key) {
                    diagnostics.append(.warning("unreachable", "node '\(node.id)' cannot be reached from start '\(tree.startID)'; link to it from a choice or see-also, or remove it", at: node.location))
                }
            }
        }
        return diagnostics
    }

    /// The nodes among `keys` and every node their choices and see-also lead to.
    private func nodesReached(from keys: Set<NodeKey>) -> Set<NodeKey> {
        var reached = keys.filter { catalog.node($0) != nil }
        var queue = Array(reached)
        while let key = queue.popLast() {
            for reference in catalog.node(key)?.references ?? [] {
                let next = reference.key(from: key.tree)
                if catalog.node(next) != nil, reached.insert(next).inserted { queue.append(next) }
            }
        }
        return reached
    }

    private func danglingReferences(in nodes: [Node], of tree: Tree) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for node in nodes {
            for reference in node.references {
                let key = reference.key(from: tree.id)
                guard let target = catalog.tree(key.tree) else {
                    let suggestion = Suggestion.phrase(for: key.tree, in: catalog.trees.map(\.id))
                    diagnostics.append(.error("dangling-reference", "'\(key)' points into tree '\(key.tree)', which is not loaded\(suggestion)", at: reference.location))
                    continue
                }
                if target.nodes[key.node] == nil {
                    let suggestion = Suggestion.phrase(for: key.node, in: target.nodeOrder)
                    let place = key.tree == tree.id ? "this tree" : "tree '\(key.tree)'"
                    diagnostics.append(.error("dangling-reference", "there is no node '\(key.node)' in \(place)\(suggestion)", at: reference.location))
                }
            }
        }
        return diagnostics
    }

    /// A trap is a question from which every path leads only to more questions, round and round.
    /// Each trap is reported once, at the first trapped question a walk from the start meets.
    private func traps(in nodes: [Node], of tree: Tree, leadsToResource: Set<NodeKey>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for node in nodes {
            // A question whose choices all lead nowhere is already reported as a dead end or dangling.
            guard let question = node.question,
                  question.choices.contains(where: { catalog.node($0.target.key(from: tree.id)) != nil })
            else { continue }
            let key = NodeKey(tree: tree.id, node: node.id)
            if leadsToResource.contains(key) { continue }
            if let parent = catalog.path(to: key)?.last?.from, !leadsToResource.contains(parent) { continue }
            let loop = loopDescription(from: key)
            diagnostics.append(.error("trap", "no resource can be reached from question '\(node.id)'; its choices only lead round in a loop (\(loop))", at: node.location))
        }
        return diagnostics
    }

    private func loopDescription(from start: NodeKey) -> String {
        var names: [String] = []
        var seen: Set<NodeKey> = []
        var current = start
        while !seen.contains(current), names.count < 8 {
            seen.insert(current)
            names.append(current.tree == start.tree ? current.node : current.description)
            guard let next = catalog.node(current)?.question?.choices.first?.target.key(from: current.tree),
                  catalog.node(next) != nil else { break }
            current = next
        }
        if seen.contains(current) { names.append(current.tree == start.tree ? current.node : current.description) }
        return names.joined(separator: " → ")
    }

    /// Every node from which some resource can be reached by choices (resources included).
    private func nodesThatReachAResource() -> Set<NodeKey> {
        var incoming: [NodeKey: [NodeKey]] = [:]
        var queue: [NodeKey] = []
        for tree in catalog.trees {
            for node in tree.orderedNodes {
                let key = NodeKey(tree: tree.id, node: node.id)
                if node.isResource {
                    queue.append(key)
                } else {
                    for target in node.references {
                        incoming[target.key(from: tree.id), default: []].append(key)
                    }
                }
            }
        }
        var reached = Set(queue)
        var head = 0
        while head < queue.count {
            let key = queue[head]
            head += 1
            for source in incoming[key] ?? [] where reached.insert(source).inserted {
                queue.append(source)
            }
        }
        return reached
    }

    private func referencesBetweenTrees() -> Set<NodeKey> {
        var keys: Set<NodeKey> = []
        for tree in catalog.trees {
            for node in tree.orderedNodes {
                for reference in node.references {
                    let key = reference.key(from: tree.id)
                    if key.tree != tree.id { keys.insert(key) }
                }
            }
        }
        return keys
    }
}
