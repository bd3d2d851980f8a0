#if canImport(Glibc)
import Glibc
#endif

/// Ends the benchmark with a status.
func exitWith(_ status: Int32) -> Never {
    exit(status)
}
