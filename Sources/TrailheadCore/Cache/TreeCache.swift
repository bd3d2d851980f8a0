import Synchronization

/// Keeps decoded trees on disk, keyed by the SHA-256 digest of the file's bytes, so a tree that has not
/// changed is read back instead of parsed again (even the small bundled trees: reading an entry
/// skips libyaml, the decoder and compiling placeholder patterns, which halves start-up). A missing, stale or damaged entry is
/// simply ignored: the file is parsed and the entry rewritten.
public struct TreeCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Whether there is a cache to use, and why not.
    public enum Availability: Sendable {
        case on(TreeCache)
        /// Turned off, or no absolute place for it is known.
        case off
        /// The directory is not the user's own: another user could plant entries in it.
        case refused(directory: String, reason: String)

        public var cache: TreeCache? {
            if case .on(let cache) = self { return cache }
            return nil
        }
    }

    /// `$XDG_CACHE_HOME/trailhead`, else `~/.cache/trailhead`, made when missing and pinned
    /// (`FileSystem.pin`): it must belong to `userID` and be writable by no one else, and so
    /// must every entry read from it. Off when `TRAILHEAD_NO_CACHE` is set or no absolute
    /// place is known: a relative `XDG_CACHE_HOME` is ignored, as the XDG specification asks.
    public static func standard(
        environment: [String: String], userID: UInt32, fileSystem: any FileSystem = LocalFileSystem()
    ) -> Availability {
        guard let directory = directory(environment: environment) else { return .off }
        LocalFileSystem.makeDirectories(directory)
        if let reason = fileSystem.pin(directory, rule: .owned(userID: userID)) { return .refused(directory: directory, reason: reason) }
        return .on(TreeCache(directory: directory))
    }

    /// Where the standard cache is, before anything is made or checked.
    static func directory(environment: [String: String]) -> String? {
        if !(environment["TRAILHEAD_NO_CACHE"] ?? "").isEmpty { return nil }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/trailhead" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/trailhead"
    }

    func entryPath(for bytes: [UInt8]) -> String {
        entryPath(for: ContentDigester.fingerprint(of: bytes))
    }

    func entryPath(for fingerprint: ContentFingerprint) -> String {
        "\(directory)/\(TreeCodec.entryPrefix)\(fingerprint.digest.hex)-\(fingerprint.count).bin"
    }

    /// The tree stored for a file with this content, its entry mapped in place and kept mapped
    /// until the tree's nodes are decoded (entries are replaced by rename, never rewritten, so
    /// the mapping cannot shrink under us). `reparse` is where the nodes come from should their
    /// decoding fail after all.
    func read(
        _ fingerprint: ContentFingerprint, file: String, fileSystem: any FileSystem,
        reparse: @escaping @Sendable () -> [String: Node]
    ) -> Tree? {
        guard let stored = fileSystem.mappedContents(of: entryPath(for: fingerprint), limit: 1 << 30) else { return nil }
        return try? TreeCodec.decode(stored, file: file, source: fingerprint, reparse: reparse)
    }

    func write(
        _ tree: Tree, records: [[UInt8]]? = nil, for fingerprint: ContentFingerprint, expectedSize: Int, fileSystem: any FileSystem
    ) {
        let entry = TreeCodec.encode(tree, source: fingerprint, expectedSize: expectedSize, records: records)
        fileSystem.writeAtomically(entry, to: entryPath(for: fingerprint), creatingDirectory: directory)
        pruneOncePerRun(fileSystem: fileSystem)
    }

    func pruneOncePerRun(fileSystem: any FileSystem) {
        if Self.prunedThisRun.exchange(true, ordering: .relaxed) == false {
            prune(fileSystem: fileSystem)
        }
    }

    /// Entries are made when a file changes and never rewritten, so without pruning the cache
    /// would keep every version of every tree ever read (38 MB per version of a 100k-node
    /// catalog, in a home directory with a quota). An entry or search snapshot older than
    /// `maxEntryAge` is removed even if it is still used: it costs one parse or one index build
    /// to make again. Files of other formats go at once, temporary files left by a killed
    /// writer after an hour. Runs once per process, after a file is written, so a warm start
    /// never lists the directory.
    static let maxEntryAge = 30 * 24 * 3600
    private static let prunedThisRun = Atomic<Bool>(false)

    func prune(fileSystem: any FileSystem) {
        for name in fileSystem.entries(of: directory) ?? [] where name.hasPrefix("tree") || name.hasPrefix("search") {
            let path = "\(directory)/\(name)"
            guard let age = fileSystem.secondsSinceModified(path) else { continue }
            let current = name.hasPrefix(TreeCodec.entryPrefix) || name.hasPrefix(SearchSnapshot.filePrefix)
            let stale = name.hasSuffix(".tmp")
                ? age > 3600
                : name.hasSuffix(".bin") && (!current || age > Self.maxEntryAge)
            if stale { fileSystem.removeFile(path) }
        }
    }
}
