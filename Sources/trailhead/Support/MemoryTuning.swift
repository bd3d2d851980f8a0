import CMalloc

/// The allocator settings every command runs with.
enum MemoryTuning {
    /// Reading a large tree makes tens of megabytes of small allocations on each core. glibc grows
    /// a thread's heap a page at a time, with a system call each time (3–4% of a cold load's CPU),
    /// and returns freed memory at once, to take it back moments later. Growing in large steps
    /// and keeping what was freed made a 10,000-node cold load 7% faster. Untouched address
    /// space costs no memory: peak RSS for the bundled trees did not grow.
    static func apply() {
        _ = mallopt(M_TOP_PAD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
    }
}
