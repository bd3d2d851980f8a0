import Synchronization

/// A value built the first time it is asked for, once, from any thread; once built it is read
/// without taking the lock (the search index asks for routes once per node, from both cores).
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let isBuilt: Atomic<Bool>
    private let building = Mutex<Void>(())
    /// Written once, under `building`, before `isBuilt` is set; only read after seeing it set,
    /// or by `modify`, which requires the only reference.
    private var built: Value?

    init() {
        isBuilt = Atomic(false)
    }

    init(built value: Value) {
        isBuilt = Atomic(true)
        built = value
    }

    var hasValue: Bool { isBuilt.load(ordering: .acquiring) }

    func value(_ build: () -> Value) -> Value {
        if isBuilt.load(ordering: .acquiring), let built { return built }
        return building.withLock { _ in
            if let built { return built }
            let value = build()
            built = value
            isBuilt.store(true, ordering: .releasing)
            return value
        }
    }

    /// Changes a built value in place; only for a caller holding the only reference.
    func modify<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try body(&built!)
    }
}
