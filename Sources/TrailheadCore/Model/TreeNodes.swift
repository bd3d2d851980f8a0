import Synchronization

/// A tree's nodes, held decoded or decoded from its cache entry the first time they are asked
/// for, once, from any thread. Listing trees, showing one node or opening the start page of a
/// large catalog then decodes only the trees it touches. Once decoded they are read without
/// taking the lock.
final class TreeNodes: @unchecked Sendable {
    private let isDecoded: Atomic<Bool>
    private let decoding = Mutex<Void>(())
    /// Written under `decoding` before `isDecoded` is set, and only read after seeing it set
    /// (or by `mutate`, which requires the only reference).
    private var decoded: [String: Node]
    private var pending: (@Sendable () -> [String: Node])?
    /// Known without decoding: the number of nodes and the start node's heading.
    private let pendingCount: Int
    private let pendingStartHeading: String?

    init(_ nodes: [String: Node]) {
        isDecoded = Atomic(true)
        decoded = nodes
        pendingCount = nodes.count
        pendingStartHeading = nil
    }

    init(count: Int, startHeading: String?, decode: @escaping @Sendable () -> [String: Node]) {
        isDecoded = Atomic(false)
        decoded = [:]
        pending = decode
        pendingCount = count
        pendingStartHeading = startHeading
    }

    var hasDecoded: Bool { isDecoded.load(ordering: .acquiring) }

    var nodes: [String: Node] {
        if isDecoded.load(ordering: .acquiring) { return decoded }
        return decoding.withLock { _ in
            if let decode = pending {
                decoded = decode()
                pending = nil
                isDecoded.store(true, ordering: .releasing)
            }
            return decoded
        }
    }

    var count: Int { hasDecoded ? decoded.count : pendingCount }

    func startHeading(startID: String) -> String? {
        if !hasDecoded, let pendingStartHeading { return pendingStartHeading }
        return nodes[startID]?.heading
    }

    /// Only for a decoded box its caller holds the only reference to.
    func mutate<Result>(_ body: (inout [String: Node]) throws -> Result) rethrows -> Result {
        try body(&decoded)
    }
}
