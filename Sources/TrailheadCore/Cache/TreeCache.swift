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

    /// `$XDG_CACHE_HOME/trailhead`, else `~/.cache/trailhead`; nil when neither can be found
    /// or `TRAILHEAD_NO_CACHE` is set. A relative `XDG_CACHE_HOME` is ignored, as the XDG
    /// specification asks: it would name a different cache in every working directory.
    public static func standard(environment: [String: String]) -> TreeCache? {
        if !(environment["TRAILHEAD_NO_CACHE"] ?? "").isEmpty { return nil }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return TreeCache(directory: cache + "/trailhead") }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return TreeCache(directory: home + "/.cache/trailhead")
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
