/// Every node of a catalog in one numbering, and how each is first reached from its tree's start.
///
/// The numbering needs only node ids. A tree's edges and headings are read from its nodes, and
/// its routes found, the first time they are asked for: a path into one tree of a large catalog
/// read from the cache decodes only the trees a walk from that tree's start can enter.
final class CatalogRoutes: Sendable {
    /// Every node, tree by tree, in file order.
    let keys: [NodeKey]
    /// Where each tree's nodes start in `keys`, and each node id's place within its tree.
    let treeOffset: [Int]
    let localIndex: [[String: Int32]]
    let treeIndex: [String: Int]
    /// Each tree's start, by number; nil when the start node is missing.
    let startNumber: [Int32?]
    /// The position of the tree each node number belongs to.
    private let treeOfNumber: [Int32]
    private let trees: [Tree]
    private let links: [Lazy<TreeLinks>]
    private let routeTables: [Lazy<[Int32: Route]>]

    /// One step of a route, by node number: where it came from and which choice (or -1 for
    /// see-also), with that choice's label, and how many steps the node is from the start.
    struct Route: Sendable {
        var from: Int32
        var choice: Int32
        var label: String?
        var depth: Int32
    }

    private struct Edge: Sendable {
        var target: Int32
        var choice: Int32
        var label: String?
    }

    /// One tree's edges (choices in order, then see-also entries as choice -1) and headings, by
    /// node number less the tree's offset. Headings are kept here rather than copied out of the
    /// tree's dictionary, which long lists of search results would do for every step.
    private struct TreeLinks: Sendable {
        var edges: [[Edge]]
        var headings: [String]
    }

    init(trees: [Tree], treeIndex: [String: Int]) {
        self.trees = trees
        self.treeIndex = treeIndex
        var keys: [NodeKey] = []
        var treeOffset: [Int] = []
        var localIndex: [[String: Int32]] = []
        var treeOfNumber: [Int32] = []
        for (position, tree) in trees.enumerated() {
            treeOffset.append(keys.count)
            var local: [String: Int32] = [:]
            local.reserveCapacity(tree.nodeOrder.count)
            for (place, id) in tree.nodeOrder.enumerated() {
                local[id] = Int32(place)
                keys.append(NodeKey(tree: tree.id, node: id))
            }
            treeOfNumber += repeatElement(Int32(position), count: tree.nodeOrder.count)
            localIndex.append(local)
        }
        self.keys = keys
        self.treeOffset = treeOffset
        self.localIndex = localIndex
        self.treeOfNumber = treeOfNumber
        startNumber = trees.enumerated().map { position, tree in
            localIndex[position][tree.startID].map { Int32(treeOffset[position]) + $0 }
        }
        links = trees.map { _ in Lazy() }
        routeTables = trees.map { _ in Lazy() }
    }

    /// The heading of node `number`, as breadcrumbs show it.
    func heading(of number: Int32) -> String {
        let position = Int(treeOfNumber[Int(number)])
        return links(of: position).headings[Int(number) - treeOffset[position]]
    }

    /// How each node reachable from the start of the tree at `position` is first reached.
    func routes(ofTree position: Int) -> [Int32: Route] {
        routeTables[position].value {
            startNumber[position].map(routes(from:)) ?? [:]
        }
    }

    /// Calls `step` with each route from node `key` back to its tree's start, nearest first;
    /// false when the node cannot be reached from there.
    func walkBack(from key: NodeKey, _ step: (Route) -> Void) -> Bool {
        guard let number = number(of: key) else { return false }
        let position = Int(treeOfNumber[Int(number)])
        guard let startNumber = startNumber[position] else { return false }
        let routes = routes(ofTree: position)
        var current = number
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
        guard let number = number(of: key) else { return nil }
        return depth(of: number)
    }

    /// `depth(of:)` by node number.
    func depth(of number: Int32) -> Int? {
        let position = Int(treeOfNumber[Int(number)])
        guard let start = startNumber[position] else { return nil }
        if number == start { return 0 }
        return routes(ofTree: position)[number].map { Int($0.depth) }
    }

    func number(of key: NodeKey) -> Int32? {
        guard let position = treeIndex[key.tree], let local = localIndex[position][key.node] else { return nil }
        return Int32(treeOffset[position]) + local
    }

    /// The choice labels that lead to each node, in catalog order, read from every tree's links
    /// on all cores: `labels[starts[n] ..< starts[n + 1]]` lead to node `n`.
    func incomingLabels() -> (labels: [String], starts: [Int32]) {
        let perTree = OrderedParallelMap.map(count: trees.count, chunks: trees.count) { position in
            links(of: position).edges.flatMap { edges in
                edges.compactMap { edge in edge.label.map { (edge.target, $0) } }
            }
        }
        var starts = [Int32](repeating: 0, count: keys.count + 1)
        for pairs in perTree {
            for (target, _) in pairs { starts[Int(target) + 1] += 1 }
        }
        for number in keys.indices { starts[number + 1] += starts[number] }
        var labels = [String](repeating: "", count: Int(starts[keys.count]))
        var next = starts
        for pairs in perTree {
            for (target, label) in pairs {
                labels[Int(next[Int(target)])] = label
                next[Int(target)] += 1
            }
        }
        return (labels, starts)
    }

    private func links(of position: Int) -> TreeLinks {
        links[position].value {
            let tree = trees[position]
            let nodes = tree.nodes
            var links = TreeLinks(edges: [], headings: [])
            links.edges.reserveCapacity(tree.nodeOrder.count)
            links.headings.reserveCapacity(tree.nodeOrder.count)
            for id in tree.nodeOrder {
                guard let node = nodes[id] else {
                    links.edges.append([])
                    links.headings.append("")
                    continue
                }
                links.headings.append(node.heading)
                let choices = node.question?.choices
                var out: [Edge] = []
                for (number, reference) in node.references.enumerated() {
                    // Most references stay in their tree: resolve those without building a key.
                    let targetTree = reference.treeID.map { treeIndex[$0] } ?? position
                    guard let targetTree, let local = localIndex[targetTree][reference.nodeID] else { continue }
                    let target = Int32(treeOffset[targetTree]) + local
                    out.append(Edge(target: target, choice: choices == nil ? -1 : Int32(number), label: choices?[number].label))
                }
                links.edges.append(out)
            }
            return links
        }
    }

    /// Breadth-first, choices before see-also, so each route is a shortest walk a user would take.
    /// A node is seen once it has a route (or is the start): a table the size of the catalog for
    /// each tree would cost trees × nodes.
    private func routes(from start: Int32) -> [Int32: Route] {
        var routes: [Int32: Route] = [:]
        var queue = [start]
        var head = 0
        var current = (position: Int(treeOfNumber[Int(start)]), links: links(of: Int(treeOfNumber[Int(start)])))
        while head < queue.count {
            let node = queue[head]
            head += 1
            let position = Int(treeOfNumber[Int(node)])
            if position != current.position { current = (position, links(of: position)) }
            let depth = node == start ? 1 : (routes[node]?.depth ?? 0) + 1
            for edge in current.links.edges[Int(node) - treeOffset[position]] where edge.target != start && routes[edge.target] == nil {
                routes[edge.target] = Route(from: node, choice: edge.choice, label: edge.label, depth: depth)
                queue.append(edge.target)
            }
        }
        return routes
    }
}
