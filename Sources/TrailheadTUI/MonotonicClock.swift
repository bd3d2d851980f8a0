#if canImport(Glibc)
import Glibc
#endif

/// Milliseconds on a clock that never jumps, for timeouts.
enum MonotonicClock {
    static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}
