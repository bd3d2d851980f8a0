#if canImport(Glibc)
import Glibc
#endif

/// Keeps what a command loaded alive until the process exits: the kernel takes back the pages at
/// once, while releasing a 100,000-node catalog object by object took a tenth of a second after
/// the output was written. Under LeakSanitizer (`make test-asan`) everything is released as usual,
/// since it cannot follow the tagged pointers inside enum payloads and would call the kept values
/// leaks; there leak checking matters more than speed.
enum Teardown {
    nonisolated(unsafe) private static var kept: [Any] = []

    private static let leakCheckerIsLinked = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__lsan_do_leak_check") != nil

    static func skip(_ value: Any) {
        if !leakCheckerIsLinked { kept.append(value) }
    }
}
