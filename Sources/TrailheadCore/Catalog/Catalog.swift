/// All loaded trees, indexed for lookups by tree id and node key, with the ways to reach each node.
public struct Catalog: Sendable {
    public let trees: [Tree]
    private let treeIndex: [String: Int]
    /// Every node in one numbering: tree by tree, in file order.
    private let keys: [NodeKey]
    /// Where each tree's nodes start in `keys`, and each node id's place within its tree.
    private let treeOffset: [Int]
    private let localIndex: [[String: Int32]]
    /// For each tree, how each reachable node is first reached from that tree's start.
    private let routes: [[Int32: Route]]

    /// One step of a route, by node number: where it came from and which choice (or -1 for see-also).
    private struct Route: Sendable {
        var from: Int32
        var choice: Int32
    }

    public init(trees: [Tree]) {
        self.trees = trees
        var index: [String: Int] = [:]
        for (position, tree) in trees.enumerated() where index[tree.id] == nil {
            index[tree.id] = position
        }
        treeIndex = index
        var keys: [NodeKey] = []
        var treeOffset: [Int] = []
        var localIndex: [[String: Int32]] = []
        for tree in trees {
            treeOffset.append(keys.count)
            var local: [String: Int32] = [:]
            local.reserveCapacity(tree.nodeOrder.count)
            for (position, id) in tree.nodeOrder.enumerated() {
                local[id] = Int32(position)
                keys.append(NodeKey(tree: tree.id, node: id))
            }
            localIndex.append(local)
        }
        self.keys = keys
        self.treeOffset = treeOffset
        self.localIndex = localIndex
        // Edges by number, resolved once: choices in order, then see-also entries (choice -1).
        var edges: [[(target: Int32, choice: Int32)]] = []
        edges.reserveCapacity(keys.count)
        for tree in trees {
            let ownTree = index[tree.id]
            for id in tree.nodeOrder {
                var out: [(Int32, Int32)] = []
                guard let node = tree.nodes[id] else {
                    edges.append(out)
                    continue
                }
                let isChoice = node.question != nil
                for (number, reference) in node.references.enumerated() {
                    // Most references stay in their tree: resolve those without building a key.
                    let targetTree = reference.treeID.map { index[$0] } ?? ownTree
                    guard let targetTree, let local = localIndex[targetTree][reference.nodeID] else { continue }
                    out.append((Int32(treeOffset[targetTree]) + local, isChoice ? Int32(number) : -1))
                }
                edges.append(out)
            }
        }
        var seen = [Bool](repeating: false, count: keys.count)
        routes = trees.enumerated().map { position, tree in
            guard let start = localIndex[position][tree.startID] else { return [:] }
            return Self.routes(from: Int32(treeOffset[position]) + start, edges: edges, seen: &seen)
        }
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

    public var nodeCount: Int { trees.reduce(0) { $0 + $1.nodes.count } }

    /// The steps from the start of the node's tree to the node: the breadcrumb a user would have
    /// after walking there. Empty for the start itself; nil when the node cannot be reached.
    public func path(to key: NodeKey) -> [PathStep]? {
        pathWithHeadings(to: key)?.map(\.step)
    }

    /// `path(to:)` with the heading of the node each step leaves, for callers that show it too.
    /// Nodes are found by number, without copying a tree or a node or hashing a tree id: long
    /// result lists ask for many paths.
    public func pathWithHeadings(to key: NodeKey) -> [(step: PathStep, heading: String)]? {
        guard let position = treeIndex[key.tree], let local = localIndex[position][key.node],
              let start = localIndex[position][trees[position].startID] else { return nil }
        let routes = self.routes[position]
        let startNumber = Int32(treeOffset[position]) + start
        var steps: [(step: PathStep, heading: String)] = []
        var current = Int32(treeOffset[position]) + local
        while current != startNumber {
            guard let route = routes[current], steps.count <= routes.count else { return nil }
            let (heading, label) = headingAndLabel(number: route.from, choice: Int(route.choice))
            if let label {
                steps.append((PathStep(from: keys[Int(route.from)], via: .choice(number: Int(route.choice) + 1, label: label)), heading))
            } else {
                steps.append((PathStep(from: keys[Int(route.from)], via: .seeAlso), heading))
            }
            current = route.from
        }
        return steps.reversed()
    }

    /// The heading of node `number` and the label of its choice `choice` (nil for see-also, -1),
    /// read in place.
    private func headingAndLabel(number: Int32, choice: Int) -> (heading: String, label: String?) {
        // The last tree whose first number is not past this one.
        var low = 0, high = treeOffset.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if treeOffset[middle] <= Int(number) { low = middle } else { high = middle }
        }
        let local = Int(number) - treeOffset[low]
        guard trees.indices.contains(low), trees[low].nodeOrder.indices.contains(local),
              let index = trees[low].nodes.index(forKey: trees[low].nodeOrder[local]) else { return ("", nil) }
        let heading = trees[low].nodes.values[index].heading
        guard choice >= 0, case .question(let question) = trees[low].nodes.values[index].content,
              question.choices.indices.contains(choice) else { return (heading, nil) }
        return (heading, question.choices[choice].label)
    }

    /// How many steps `path(to:)` would return, without building them; nil when unreachable.
    public func depth(of key: NodeKey) -> Int? {
        guard let position = treeIndex[key.tree], let local = localIndex[position][key.node],
              let start = localIndex[position][trees[position].startID] else { return nil }
        let routes = self.routes[position]
        let startNumber = Int32(treeOffset[position]) + start
        var current = Int32(treeOffset[position]) + local
        var depth = 0
        while current != startNumber {
            guard let route = routes[current], depth <= routes.count else { return nil }
            depth += 1
            current = route.from
        }
        return depth
    }

    /// The nodes reachable from a tree's start through choices and see-also entries.
    public func reachable(fromStartOf treeID: String) -> Set<NodeKey> {
        guard let position = treeIndex[treeID], let tree = tree(treeID) else { return [] }
        var reachable = Set(routes[position].keys.map { keys[Int($0)] })
        if tree.nodes[tree.startID] != nil { reachable.insert(startKey(of: tree)) }
        return reachable
    }

    /// Breadth-first, choices before see-also, so each route is a shortest walk a user would take.
    /// `seen` is all false on entry and is left all false, so one buffer serves every tree.
    private static func routes(from start: Int32, edges: [[(target: Int32, choice: Int32)]], seen: inout [Bool]) -> [Int32: Route] {
        var routes: [Int32: Route] = [:]
        seen[Int(start)] = true
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for edge in edges[Int(current)] where !seen[Int(edge.target)] {
                seen[Int(edge.target)] = true
                routes[edge.target] = Route(from: current, choice: edge.choice)
                queue.append(edge.target)
            }
        }
        for visited in queue { seen[Int(visited)] = false }
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
