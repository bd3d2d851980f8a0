#if canImport(Glibc)
import Glibc
#endif

/// Finds the trees that ship with Trailhead: installed beside the binary, or in the source checkout.
enum BundledTrees {
    static var directory: String? {
        var candidates: [String] = []
        if let executable = executablePath() {
            let binDirectory = parent(of: executable)
            candidates.append(parent(of: binDirectory) + "/share/trailhead/trees")
        }
        // In a checkout (`swift build`, `make run`), the trees sit beside Sources/.
        let source = "\(#filePath)"
        candidates.append(parent(of: parent(of: parent(of: parent(of: source)))) + "/trees")
        return candidates.first { access($0, R_OK) == 0 }
    }

    private static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
