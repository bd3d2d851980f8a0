/// The lowest of the best `capacity` scores seen so far (a min-heap of scores), or `Int.min`
/// until that many have been seen: what a new node must reach to matter.
struct ScoreFloor {
    private var heap: [Int32] = []
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    var floor: Int { capacity > 0 && heap.count == capacity ? Int(heap[0]) : Int.min }

    mutating func insert(_ score: Int32) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(score)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[parent] > heap[child] else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        } else if score > heap[0] {
            heap[0] = score
            var parent = 0
            while true {
                let left = parent * 2 + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count && heap[left] < heap[smallest] { smallest = left }
                if right < heap.count && heap[right] < heap[smallest] { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }
}
