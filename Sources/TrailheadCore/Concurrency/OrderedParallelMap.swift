import Dispatch

/// CPU-bound work over `0..<count` on every core, results in index order. (`check-links` has its
/// own pool: its workers wait on child processes, which the CPU-sized pool must not do.)
public enum OrderedParallelMap {
    /// Splits the indices into `chunks` contiguous runs, one per concurrent task:
    /// `Cores.parts(for:minimumPerPart:)` for many small items, `count` for a few large ones of
    /// uneven size (the pool runs as many at once as there are cores).
    public static func map<Mapped>(count: Int, chunks: Int, _ transform: @Sendable (Int) -> Mapped) -> [Mapped] {
        let chunks = min(max(chunks, 1), count)
        guard chunks > 1 else { return (0..<count).map(transform) }
        return [Mapped](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each chunk initializes only its own elements.
            let output = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                    (output.value.baseAddress! + index).initialize(to: transform(index))
                }
            }
            initialized = count
        }
    }
}
