#if canImport(Glibc)
import Glibc
#endif

/// The running `trailhead` file: where it is (its trees are found beside it, wherever the
/// release was unpacked or moved) and who owns it (see `DirectoryRule.trusted`).
enum InstalledBinary {
    /// The resolved path, from `/proc/self/exe` (without /proc the Swift runtime itself would
    /// not start).
    static var path: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The owner of the running file (the inode running, even if its path was replaced since).
    static var owner: UInt32? {
        var status = stat()
        return stat("/proc/self/exe", &status) == 0 ? status.st_uid : nil
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
