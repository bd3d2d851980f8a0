import CProcess

/// How many cores this process may run on: its CPU affinity (`taskset`, a batch system's
/// cgroup cpuset), not how many the machine has. A login node shares 64 cores among many users,
/// a job step may be pinned to one.
public enum Cores {
    public static let available = max(1, Int(th_available_cpus()))

    /// How many parts to cut `count` items into so each core gets a share of at least
    /// `minimumPerPart` items: one for a small job, which is not worth a thread.
    public static func parts(for count: Int, minimumPerPart: Int) -> Int {
        max(1, min(available, count / max(minimumPerPart, 1)))
    }
}
