/// What Trailhead remembers for one user between sessions: where they were in each tree and
/// the resources they opened. Times are seconds since 1970.
public struct Progress: Sendable, Equatable {
    /// The last place in one tree, as the nodes walked from where the walk began.
    public struct Position: Sendable, Equatable {
        public var time: Int
        public var route: [NodeKey]

        public init(time: Int, route: [NodeKey]) {
            self.time = time
            self.route = route
        }

        public var tree: String { route.last?.tree ?? "" }
    }

    /// Something done with a resource: read it, opened a link, copied or printed a command.
    public struct Visit: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case viewed, opened, copied, printed
        }

        public var time: Int
        public var kind: Kind
        public var node: NodeKey
        /// The link or command, empty for `viewed`.
        public var detail: String

        public init(time: Int, kind: Kind, node: NodeKey, detail: String) {
            self.time = time
            self.kind = kind
            self.node = node
            self.detail = detail
        }
    }

    /// Most recent first, one per tree.
    public var positions: [Position]
    /// Oldest first.
    public var visits: [Visit]

    public static let maximumPositions = 50
    public static let maximumVisits = 300

    public init(positions: [Position] = [], visits: [Visit] = []) {
        self.positions = positions
        self.visits = visits
    }

    /// Records the place reached in a tree, replacing that tree's older one.
    public mutating func remember(_ position: Position) {
        positions.removeAll { $0.tree == position.tree }
        positions.insert(position, at: 0)
        if positions.count > Self.maximumPositions { positions.removeLast(positions.count - Self.maximumPositions) }
    }

    public mutating func record(_ visit: Visit) {
        // Reading the same page again right after is not news.
        if visit.kind == .viewed, let last = visits.last, last.kind == .viewed, last.node == visit.node { return }
        visits.append(visit)
        if visits.count > Self.maximumVisits { visits.removeFirst(visits.count - Self.maximumVisits) }
    }

    /// Adds what one session did to what was stored (another session may have written since).
    public func merged(with session: Progress) -> Progress {
        var result = self
        for position in session.positions.reversed() { result.remember(position) }
        for visit in session.visits { result.record(visit) }
        return result
    }

    /// The most recent place worth going back to (in `tree`, when given): still in the catalog
    /// and past its tree's start.
    public func resumableTrail(in catalog: Catalog, tree: String? = nil) -> (trail: Trail, time: Int)? {
        for position in positions where tree == nil || position.tree == tree {
            guard let trail = Self.trail(along: position.route, in: catalog) else { continue }
            guard let tree = catalog.tree(trail.current.tree), trail.current != catalog.startKey(of: tree) else { continue }
            return (trail, position.time)
        }
        return nil
    }

    /// Rebuilds a breadcrumb from the nodes of a route, so Back works after resuming. Labels
    /// come from the catalog as it is now; a step that no longer exists falls back to the
    /// shortest walk to the last node.
    static func trail(along route: [NodeKey], in catalog: Catalog) -> Trail? {
        guard let first = route.first, let last = route.last, catalog.node(last) != nil else { return nil }
        var trail = Trail(at: first)
        for target in route.dropFirst() {
            guard let node = catalog.node(trail.current) else { return Trail(arrivingAt: last, in: catalog) }
            if let index = node.question?.choices.firstIndex(where: { $0.target.key(from: trail.current.tree) == target }),
               let choice = node.question?.choices[index] {
                trail.follow(.choice(number: index + 1, label: choice.label), to: target)
            } else if node.resource?.seeAlso.contains(where: { $0.key(from: trail.current.tree) == target }) == true {
                trail.follow(.seeAlso, to: target)
            } else {
                return Trail(arrivingAt: last, in: catalog)
            }
        }
        return trail
    }
}

extension Trail {
    /// The nodes of the walk in order, ending with the current one.
    public var route: [NodeKey] { steps.map(\.from) + [current] }
}
