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
    /// or `TRAILHEAD_NO_CACHE` is set.
    public static func standard(environment: [String: String]) -> TreeCache? {
        if !(environment["TRAILHEAD_NO_CACHE"] ?? "").isEmpty { return nil }
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty { return TreeCache(directory: cache + "/trailhead") }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return TreeCache(directory: home + "/.cache/trailhead")
    }

    func entryPath(for bytes: [UInt8]) -> String {
        "\(directory)/tree-\(String(Self.hash(bytes), radix: 16))-\(bytes.count).bin"
    }

    func read(_ bytes: [UInt8], file: String, fileSystem: any FileSystem) -> Tree? {
        guard case .bytes(let stored) = fileSystem.contents(of: entryPath(for: bytes), limit: 1 << 30)
        else { return nil }
        return try? TreeCodec.decode(stored, file: file)
    }

    func write(_ tree: Tree, for bytes: [UInt8], fileSystem: any FileSystem) {
        fileSystem.writeAtomically(TreeCodec.encode(tree), to: entryPath(for: bytes), creatingDirectory: directory)
    }

    /// A 64-bit multiply-xorshift hash over eight bytes at a time (the tail FNV-1a style):
    /// not cryptographic, but well spread, and a collision would need the same length too.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
            }
            for index in (words * 8)..<raw.count {
                hash = (hash ^ UInt64(raw[index])) &* 0x100_0000_01b3
            }
        }
        return hash
    }
}
