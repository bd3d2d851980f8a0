/// Notices when tree files change: the files named, and the tree and flow-test files of the
/// directories named (one added or removed counts), for `validate --watch` and `preview`.
///
/// It compares file status on each call rather than asking the kernel to notify: that works the
/// same on NFS and other shared file systems, where a change made from another node raises no
/// inotify event, and costs a few `stat` calls.
public struct FileWatch: Sendable {
    public let paths: [String]
    private let fileSystem: any FileSystem
    private var stamps: [String: ChangeStamp?]

    public init(paths: [String], fileSystem: any FileSystem = LocalFileSystem()) {
        self.paths = paths
        self.fileSystem = fileSystem
        stamps = Self.snapshot(of: paths, in: fileSystem)
    }

    /// The files looked at, in a stable order: each named file, and each directory's YAML files.
    public var files: [String] {
        stamps.keys.sorted()
    }

    /// The watched files that changed, appeared or went away since the last call (or since the
    /// watch began), which are then taken as seen.
    public mutating func changes() -> [String] {
        let now = Self.snapshot(of: paths, in: fileSystem)
        let changed = Set(now.keys).union(stamps.keys).filter { (now[$0] ?? nil) != (stamps[$0] ?? nil) }.sorted()
        stamps = now
        return changed
    }

    private static func snapshot(of paths: [String], in fileSystem: any FileSystem) -> [String: ChangeStamp?] {
        var stamps: [String: ChangeStamp?] = [:]
        for path in paths {
            if fileSystem.isDirectory(path) {
                let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
                let names = (fileSystem.entries(of: path) ?? []).filter { TreeLoader.isTreeFileName($0) || TreeLoader.isFlowTestFileName($0) }
                for name in names {
                    stamps["\(directory)/\(name)"] = fileSystem.changeStamp(of: "\(directory)/\(name)")
                }
            } else {
                stamps[path] = fileSystem.changeStamp(of: path)
            }
        }
        return stamps
    }
}
