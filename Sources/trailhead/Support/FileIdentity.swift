#if canImport(Glibc)
import Glibc
#endif

/// The one name of a file however it was written (`./trees/x.yaml`, a symbolic link), to tell
/// whether two paths are the same file.
enum FileIdentity {
    static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
