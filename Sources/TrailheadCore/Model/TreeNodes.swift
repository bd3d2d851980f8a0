import Synchronization

/// A tree's nodes, held decoded or decoded from its cache entry the first time they are asked
/// for. Listing trees, showing one node or opening the start page of a large catalog then
/// decodes only the trees it touches.
final class TreeNodes: Sendable {
    private let decoded: Lazy<[String: Node]>
    /// Dropped once used, with the mapped cache entry it holds.
    private let decode: Mutex<(@Sendable () -> [String: Node])?>
    /// Known without decoding: the number of nodes and the start node's id and heading.
    private let pendingCount: Int
    private let pendingStart: (id: String, heading: String)?

    init(_ nodes: [String: Node]) {
        decoded = Lazy(built: nodes)
        decode = Mutex(nil)
        pendingCount = nodes.count
        pendingStart = nil
    }

    init(count: Int, start: (id: String, heading: String)?, decode: @escaping @Sendable () -> [String: Node]) {
        decoded = Lazy()
        self.decode = Mutex(decode)
        pendingCount = count
        pendingStart = start
    }

    var hasDecoded: Bool { decoded.hasValue }

    var nodes: [String: Node] {
        decoded.value {
            let decode = self.decode.withLock { pending in
                defer { pending = nil }
                return pending
            }
            return decode?() ?? [:]
        }
    }

    var count: Int { hasDecoded ? nodes.count : pendingCount }

    func startHeading(startID: String) -> String? {
        if !hasDecoded, let pendingStart, pendingStart.id == startID { return pendingStart.heading }
        return nodes[startID]?.heading
    }

    /// Only for a decoded box its caller holds the only reference to.
    func mutate<Result>(_ body: (inout [String: Node]) throws -> Result) rethrows -> Result {
        try decoded.modify(body)
    }
}
