/// All loaded trees, indexed for lookups by tree id and node key, with the ways to reach each node.
public struct Catalog: Sendable {
    public let trees: [Tree]
    private let treeIndex: [String: Int]
    /// For each tree, how each reachable node is first reached from that tree's start.
    private let routes: [String: [NodeKey: PathStep]]

    public init(trees: [Tree]) {
        self.trees = trees
        var index: [String: Int] = [:]
        for (position, tree) in trees.enumerated() where index[tree.id] == nil {
            index[tree.id] = position
        }
        treeIndex = index
        var routes: [String: [NodeKey: PathStep]] = [:]
        for tree in trees {
            routes[tree.id] = Self.routes(from: NodeKey(tree: tree.id, node: tree.startID), trees: trees, index: index)
        }
        self.routes = routes
    }

    public func tree(_ id: String) -> Tree? {
        treeIndex[id].map { trees[$0] }
    }

    public func node(_ key: NodeKey) -> Node? {
        tree(key.tree)?.nodes[key.node]
    }

    public func startKey(of tree: Tree) -> NodeKey {
        NodeKey(tree: tree.id, node: tree.startID)
    }

    /// Resolves `tree` (meaning its start) or `tree/node` to an existing node's key.
    public func resolve(_ key: NodeKey) -> NodeKey? {
        guard let tree = tree(key.tree) else { return nil }
        let resolved = key.node.isEmpty ? startKey(of: tree) : key
        return node(resolved) == nil ? nil : resolved
    }

    /// Every node of every tree, in file order.
    public var allNodeKeys: [NodeKey] {
        trees.flatMap { tree in tree.nodeOrder.map { NodeKey(tree: tree.id, node: $0) } }
    }

    public var nodeCount: Int { trees.reduce(0) { $0 + $1.nodes.count } }

    /// The steps from the start of the node's tree to the node: the breadcrumb a user would have
    /// after walking there. Empty for the start itself; nil when the node cannot be reached.
    public func path(to key: NodeKey) -> [PathStep]? {
        guard let tree = tree(key.tree), let routes = routes[tree.id] else { return nil }
        let start = startKey(of: tree)
        var steps: [PathStep] = []
        var current = key
        while current != start {
            guard let step = routes[current], steps.count <= routes.count else { return nil }
            steps.append(step)
            current = step.from
        }
        return steps.reversed()
    }

    /// The nodes reachable from a tree's start through choices and see-also entries.
    public func reachable(fromStartOf treeID: String) -> Set<NodeKey> {
        guard let tree = tree(treeID), let routes = routes[treeID] else { return [] }
        var keys = Set(routes.keys)
        keys.insert(startKey(of: tree))
        return keys
    }

    /// Breadth-first, choices before see-also, so each route is a shortest walk a user would take.
    private static func routes(from start: NodeKey, trees: [Tree], index: [String: Int]) -> [NodeKey: PathStep] {
        var routes: [NodeKey: PathStep] = [:]
        guard let startTree = index[start.tree].map({ trees[$0] }), startTree.nodes[start.node] != nil else { return routes }
        var queue = [start]
        var head = 0
        var seen: Set<NodeKey> = [start]
        while head < queue.count {
            let current = queue[head]
            head += 1
            guard let node = index[current.tree].flatMap({ trees[$0].nodes[current.node] }) else { continue }
            var edges: [(NodeKey, PathStep.Via)] = []
            switch node.content {
            case .question(let question):
                for (number, choice) in question.choices.enumerated() {
                    edges.append((choice.target.key(from: current.tree), .choice(number: number + 1, label: choice.label)))
                }
            case .resource(let resource):
                for reference in resource.seeAlso {
                    edges.append((reference.key(from: current.tree), .seeAlso))
                }
            }
            for (target, via) in edges where !seen.contains(target) {
                guard index[target.tree].flatMap({ trees[$0].nodes[target.node] }) != nil else { continue }
                seen.insert(target)
                routes[target] = PathStep(from: current, via: via)
                queue.append(target)
            }
        }
        return routes
    }
}

/// One step of a breadcrumb: the node the user was at and how they left it.
public struct PathStep: Sendable, Equatable {
    public enum Via: Sendable, Equatable {
        case choice(number: Int, label: String)
        case seeAlso
    }

    public var from: NodeKey
    public var via: Via

    public init(from: NodeKey, via: Via) {
        self.from = from
        self.via = via
    }

    /// The words a breadcrumb shows for this step.
    public var label: String {
        switch via {
        case .choice(_, let label): label
        case .seeAlso: "see also"
        }
    }
}
