/// Keeps decoded trees on disk, keyed by a hash of the file's bytes, so a tree that has not
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
        entryPath(for: ContentHasher.fingerprint(of: bytes))
    }

    func entryPath(for fingerprint: ContentFingerprint) -> String {
        "\(directory)/tree-\(String(fingerprint.hash, radix: 16))-\(fingerprint.count).bin"
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
        return try? TreeCodec.decode(stored, file: file, reparse: reparse)
    }

    func write(_ tree: Tree, for bytes: [UInt8], fileSystem: any FileSystem) {
        fileSystem.writeAtomically(TreeCodec.encode(tree), to: entryPath(for: bytes), creatingDirectory: directory)
    }
}
