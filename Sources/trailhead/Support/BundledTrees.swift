#if canImport(Glibc)
import Glibc
#endif

/// Finds the trees that ship with Trailhead: installed beside the binary, or in the source checkout.
enum BundledTrees {
    static var directory: String? {
        var candidates: [String] = []
        if let executable = InstalledBinary.path {
            let binDirectory = InstalledBinary.parent(of: executable)
            candidates.append(InstalledBinary.parent(of: binDirectory) + "/share/trailhead/trees")
        }
        #if !TRAILHEAD_DIST
        // In a checkout (`swift build`, `make run`), the trees sit beside Sources/. A release
        // built by `make dist` carries no path of the machine it was built on.
        let source = "\(#filePath)"
        candidates.append(InstalledBinary.parent(of: InstalledBinary.parent(of: InstalledBinary.parent(of: InstalledBinary.parent(of: source)))) + "/trees")
        #endif
        return candidates.first { access($0, R_OK) == 0 }
    }
}
