/// All loaded trees, indexed for lookups by tree id and node key, with the ways to reach each node.
public struct Catalog: Sendable {
    public let trees: [Tree]
    private let treeIndex: [String: Int]
    private let lazyRoutes = Lazy<CatalogRoutes>()

    public init(trees: [Tree]) {
        self.trees = trees
        var index: [String: Int] = [:]
        for (position, tree) in trees.enumerated() where index[tree.id] == nil {
            index[tree.id] = position
        }
        treeIndex = index
    }

    /// Node numbers and routes, numbered on first use for every copy of the catalog; a caller
    /// asking for many depths or paths takes them once.
    var routes: CatalogRoutes {
        lazyRoutes.value { CatalogRoutes(trees: trees, treeIndex: treeIndex) }
    }

    /// Decodes the nodes of trees read from the cache on every core, for callers about to read
    /// them all; otherwise the first of them would decode one tree after another.
    public func decodeAllNodes() {
        _ = OrderedParallelMap.map(count: trees.count, chunks: trees.count) { trees[$0].nodes.count }
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

    public var nodeCount: Int { trees.reduce(0) { $0 + $1.nodeCount } }

    /// The steps from the start of the node's tree to the node: the breadcrumb a user would have
    /// after walking there. Empty for the start itself; nil when the node cannot be reached.
    public func path(to key: NodeKey) -> [PathStep]? {
        pathWithHeadings(to: key)?.map(\.step)
    }

    /// `path(to:)` with the heading of the node each step leaves, for callers that show it too.
    /// Headings and labels come from the routes' own tables, without copying a tree or a node or
    /// hashing a tree id: long result lists ask for many paths.
    public func pathWithHeadings(to key: NodeKey) -> [(step: PathStep, heading: String)]? {
        let routes = self.routes
        var steps: [(step: PathStep, heading: String)] = []
        let reached = routes.walkBack(from: key) { steps.append(Self.step(along: $0, in: routes)) }
        return reached ? steps.reversed() : nil
    }

    /// The breadcrumb step a route takes, with the heading of the node it leaves.
    static func step(along route: CatalogRoutes.Route, in routes: CatalogRoutes) -> (step: PathStep, heading: String) {
        let from = routes.keys[Int(route.from)]
        let via: PathStep.Via = route.label.map { .choice(number: Int(route.choice) + 1, label: $0) } ?? .seeAlso
        return (PathStep(from: from, via: via), routes.heading(of: route.from))
    }

    /// How many steps `path(to:)` would return, without building them; nil when unreachable.
    public func depth(of key: NodeKey) -> Int? {
        routes.depth(of: key)
    }

    /// The nodes reachable from a tree's start through choices and see-also entries.
    public func reachable(fromStartOf treeID: String) -> Set<NodeKey> {
        guard let position = treeIndex[treeID], let tree = tree(treeID) else { return [] }
        let routes = self.routes
        var reachable = Set(routes.routes(ofTree: position).keys.map { routes.keys[Int($0)] })
        if tree.nodes[tree.startID] != nil { reachable.insert(startKey(of: tree)) }
        return reachable
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
