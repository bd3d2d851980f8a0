import Synchronization

/// Every node of a catalog in one numbering, and how each is first reached from its tree's start.
final class CatalogRoutes: Sendable {
    /// Every node, tree by tree, in file order.
    let keys: [NodeKey]
    /// Where each tree's nodes start in `keys`, and each node id's place within its tree.
    let treeOffset: [Int]
    let localIndex: [[String: Int32]]
    /// For each tree, how each reachable node is first reached from that tree's start.
    let routes: [[Int32: Route]]
    let treeIndex: [String: Int]
    /// Each tree's start, by number; nil when the start node is missing.
    let startNumber: [Int32?]
    /// Each node's heading, by number, for breadcrumbs: read here rather than copied out of the
    /// tree's dictionary, which long lists of search results would do for every step.
    let headings: [String]

    /// One step of a route, by node number: where it came from and which choice (or -1 for
    /// see-also), with that choice's label.
    struct Route: Sendable {
        var from: Int32
        var choice: Int32
        var label: String?
    }

    private typealias Edge = (target: Int32, choice: Int32, label: String?)

    init(trees: [Tree], treeIndex: [String: Int]) {
        self.treeIndex = treeIndex
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
        var edges: [[Edge]] = []
        edges.reserveCapacity(keys.count)
        var headings: [String] = []
        headings.reserveCapacity(keys.count)
        for tree in trees {
            let ownTree = treeIndex[tree.id]
            for id in tree.nodeOrder {
                var out: [Edge] = []
                guard let node = tree.nodes[id] else {
                    edges.append(out)
                    headings.append("")
                    continue
                }
                headings.append(node.heading)
                let choices = node.question?.choices
                for (number, reference) in node.references.enumerated() {
                    // Most references stay in their tree: resolve those without building a key.
                    let targetTree = reference.treeID.map { treeIndex[$0] } ?? ownTree
                    guard let targetTree, let local = localIndex[targetTree][reference.nodeID] else { continue }
                    let target = Int32(treeOffset[targetTree]) + local
                    if let choices {
                        out.append((target, Int32(number), choices[number].label))
                    } else {
                        out.append((target, -1, nil))
                    }
                }
                edges.append(out)
            }
        }
        self.headings = headings
        startNumber = trees.enumerated().map { position, tree in
            localIndex[position][tree.startID].map { Int32(treeOffset[position]) + $0 }
        }
        var seen = [Bool](repeating: false, count: keys.count)
        routes = startNumber.map { start in
            start.map { Self.routes(from: $0, edges: edges, seen: &seen) } ?? [:]
        }
    }

    /// Calls `step` with each route from node `key` back to its tree's start, nearest first;
    /// false when the node cannot be reached from there.
    func walkBack(from key: NodeKey, _ step: (Route) -> Void) -> Bool {
        guard let position = treeIndex[key.tree], let local = localIndex[position][key.node],
              let startNumber = startNumber[position] else { return false }
        let routes = self.routes[position]
        var current = Int32(treeOffset[position]) + local
        var steps = 0
        while current != startNumber {
            guard let route = routes[current], steps <= routes.count else { return false }
            step(route)
            steps += 1
            current = route.from
        }
        return true
    }

    /// How many steps from its tree's start node `key` is; nil when unreachable.
    func depth(of key: NodeKey) -> Int? {
        var depth = 0
        return walkBack(from: key) { _ in depth += 1 } ? depth : nil
    }

    /// Breadth-first, choices before see-also, so each route is a shortest walk a user would take.
    /// `seen` is all false on entry and is left all false, so one buffer serves every tree.
    private static func routes(from start: Int32, edges: [[Edge]], seen: inout [Bool]) -> [Int32: Route] {
        var routes: [Int32: Route] = [:]
        seen[Int(start)] = true
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for edge in edges[Int(current)] where !seen[Int(edge.target)] {
                seen[Int(edge.target)] = true
                routes[edge.target] = Route(from: current, choice: edge.choice, label: edge.label)
                queue.append(edge.target)
            }
        }
        for visited in queue { seen[Int(visited)] = false }
        return routes
    }
}

/// Builds a catalog's routes the first time they are asked for, once, for every copy of the
/// catalog and from any thread: listing trees or opening the start page needs none of them.
/// Once built they are read without taking the lock (the search index asks once per node, from
/// both cores).
final class LazyCatalogRoutes: @unchecked Sendable {
    private let isBuilt = Atomic<Bool>(false)
    private let building = Mutex<Void>(())
    /// Written once, under `building`, before `isBuilt` is set; only read after seeing it set.
    private var built: CatalogRoutes?

    func value(_ build: () -> CatalogRoutes) -> CatalogRoutes {
        if isBuilt.load(ordering: .acquiring), let built { return built }
        return building.withLock { _ in
            if let built { return built }
            let routes = build()
            built = routes
            isBuilt.store(true, ordering: .releasing)
            return routes
        }
    }
}
