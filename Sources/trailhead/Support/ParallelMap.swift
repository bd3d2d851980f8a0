import Dispatch

/// Maps items on up to `width` threads at once, keeping the order of the results.
enum ParallelMap {
    /// Each worker is a serial queue: those get a thread of their own even when every worker is
    /// blocked waiting for a child process, which the CPU-sized concurrent pool would not give.
    static func map<Item: Sendable, Mapped: Sendable>(
        _ items: [Item], width: Int, _ transform: @escaping @Sendable (Item) -> Mapped
    ) -> [Mapped] {
        let slots = Slots<Mapped>(count: items.count)
        let group = DispatchGroup()
        for worker in 0..<min(max(width, 1), items.count) {
            DispatchQueue(label: "trailhead.worker.\(worker)").async(group: group) {
                while let index = slots.claim() {
                    slots.store(transform(items[index]), at: index)
                }
            }
        }
        group.wait()
        return slots.values
    }
}

/// The work counter and result slots the workers share, guarded by one serial queue.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let guardQueue = DispatchQueue(label: "trailhead.slots")
    private var next = 0
    private var stored: [Value?]

    init(count: Int) {
        stored = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        guardQueue.sync {
            guard next < stored.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ value: Value, at index: Int) {
        guardQueue.sync { stored[index] = value }
    }

    var values: [Value] {
        guardQueue.sync { stored.map { $0! } }
    }
}
