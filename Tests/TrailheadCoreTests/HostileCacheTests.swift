import Synchronization
import Foundation
import Testing
@testable import TrailheadCore

/// The cache and the tree layers as a hostile co-user or a crafted entry would meet them.
@Suite struct HostileCacheTests {
    static let yaml = TestTrees.minimal(extraNodes: """
          probe:
            title: Probed
            body: Has a probe.
            probes:
              - command: rucio
            commands:
              - run: echo {word}
                does: Echoes
                placeholders:
                  word:
                    prompt: A word
                    pattern: '[a-z]+'
        """)

    /// A scratch tree file with its own cache directory.
    struct Scratch {
        let directory = "/tmp/trailhead-hostile-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        var path: String { directory + "/tree.yaml" }
        var cache: TreeCache { TreeCache(directory: directory + "/cache") }
        var loader: TreeLoader { TreeLoader(cache: cache) }

        init(_ yaml: String = HostileCacheTests.yaml) {
            LocalFileSystem().writeAtomically(Array(yaml.utf8), to: path, creatingDirectory: directory)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: directory)
        }

        /// The cache entry of the file with `original` replaced by `forged` (same length), sealed
        /// again with a valid checksum, as someone who can write the cache would make it.
        func forgeEntry(replacing original: String, with forged: String) throws {
            let bytes = Array(try String(contentsOfFile: path, encoding: .utf8).utf8)
            let entryPath = cache.entryPath(for: bytes)
            guard case .bytes(var entry) = LocalFileSystem().contents(of: entryPath, limit: 1 << 24) else {
                Issue.record("no entry at \(entryPath)")
                return
            }
            let needle = Array(original.utf8), replacement = Array(forged.utf8)
            #expect(needle.count == replacement.count)
            let start = 1 + Int(entry[0]) + 8
            var replaced = false
            for index in start..<(entry.count - needle.count) where Array(entry[index..<(index + needle.count)]) == needle {
                entry.replaceSubrange(index..<(index + needle.count), with: replacement)
                replaced = true
            }
            #expect(replaced, "'\(original)' is in the entry")
            let body = Array(entry[start...])
            var sealed = BinaryWriter()
            sealed.string(TreeCodec.magic)
            sealed.fixed64(FastChecksum.value(of: body))
            LocalFileSystem().writeAtomically(sealed.bytes + body, to: entryPath, creatingDirectory: cache.directory)
        }
    }

    /// An entry whose probe would run a program by a path, or whose tree id holds an escape, is
    /// not taken: the file is parsed instead.
    @Test(arguments: [("command: rucio", "command: ../..", "../.."), ("id: demo", "id: \u{1B}emo", "\u{1B}emo")])
    func aForgedEntryIsCheckedLikeAFile(field: String, forged: String, value: String) throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        _ = scratch.loader.loadFile(scratch.path)
        let original = String(field.split(separator: " ").last!)
        try scratch.forgeEntry(replacing: original, with: value)
        let tree = try #require(scratch.loader.loadFile(scratch.path).tree)
        #expect(tree.id == "demo")
        #expect(tree.nodes["probe"]?.probes.first?.check == .command("rucio", versionPattern: nil))
    }

    /// A pattern that does not compile (only a forged entry can carry one) accepts no value.
    @Test func aPatternThatDoesNotCompileAcceptsNothing() {
        let placeholder = Placeholder(name: "word", prompt: "A word", defaultValue: nil, pattern: "([a-z]", location: SourceLocation(file: "t", line: 1, column: 1))
        #expect(PlaceholderFilling.problem(with: "anything", for: placeholder) == .unusablePattern(name: "word"))
        #expect(PlaceholderFilling.describe(.unusablePattern(name: "word")) == "{word} cannot be filled: its pattern is not a valid or safe regular expression")
    }

    /// The cache is used only when its directory is the user's own and no one else can write to it.
    @Test func aCacheDirectoryOthersCanChangeIsNotUsed() throws {
        let home = "/tmp/trailhead-cachehome-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let uid = getuid()
        let made = TreeCache.standard(environment: ["XDG_CACHE_HOME": home], userID: uid)
        #expect(made.cache?.directory == home + "/trailhead")
        var info = stat()
        #expect(stat(home + "/trailhead", &info) == 0 && info.st_mode & 0o777 == 0o700, "made for the user alone")

        let shared = home + "/shared"
        mkdir(shared, 0o777)
        mkdir(shared + "/trailhead", 0o777)
        chmod(shared + "/trailhead", 0o777)
        guard case .refused(_, let reason) = TreeCache.standard(environment: ["XDG_CACHE_HOME": shared], userID: uid) else {
            Issue.record("a world-writable cache directory was used")
            return
        }
        #expect(reason == "other users can write to it (chmod go-w to trust it)")
        #expect(TreeCache.standard(environment: ["XDG_CACHE_HOME": home], userID: uid + 1).cache == nil, "another user's cache")
    }

    /// A directory is read through the descriptor it was checked on: one renamed into its place
    /// afterwards (the race on a shared project directory) is never read.
    @Test func aPinnedDirectorySwappedAfterItsCheckIsNotRead() throws {
        let root = "/tmp/trailhead-pin-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fileSystem = LocalFileSystem()
        fileSystem.writeAtomically(Array(TestTrees.minimal(id: "trusted").utf8), to: root + "/.trailhead/t.yaml", creatingDirectory: root + "/.trailhead")
        fileSystem.writeAtomically(Array(TestTrees.minimal(id: "planted").utf8), to: root + "/planted/t.yaml", creatingDirectory: root + "/planted")
        #expect(fileSystem.pin(root + "/.trailhead", rule: .trusted(userID: getuid())) == nil)
        #expect(rename(root + "/.trailhead", root + "/moved") == 0)
        #expect(rename(root + "/planted", root + "/.trailhead") == 0)
        let loaded = TreeLoader(fileSystem: fileSystem).load(path: root + "/.trailhead")
        #expect(loaded.map { $0.tree?.id } == ["trusted"])
    }

    /// A cache entry others can write to (and so truncate under a reader's mapping, or rewrite)
    /// is not read: the tree is parsed from its file.
    @Test func anEntryOthersCanWriteIsNotRead() throws {
        let home = "/tmp/trailhead-entrymode-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let cache = try #require(TreeCache.standard(environment: ["XDG_CACHE_HOME": home], userID: getuid()).cache)
        let path = home + "/tree.yaml"
        let bytes = Array(Self.yaml.utf8)
        LocalFileSystem().writeAtomically(bytes, to: path, creatingDirectory: home)
        let loader = TreeLoader(cache: cache)
        #expect(loader.loadFile(path).tree?.nodesAreDecoded == true, "parsed, and its entry written")
        #expect(loader.loadFile(path).tree?.nodesAreDecoded == false, "read back from the entry")
        #expect(chmod(cache.entryPath(for: bytes), 0o666) == 0)
        #expect(loader.loadFile(path).tree?.nodesAreDecoded == true, "parsed again: the entry is not trusted")
    }

    /// Threads listing one pinned directory at once each see all of it: each listing reads
    /// through a descriptor of its own, with its own position.
    @Test func aPinnedDirectoryListsWholeFromManyThreadsAtOnce() {
        let root = "/tmp/trailhead-pinlist-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fileSystem = LocalFileSystem()
        for index in 0..<200 { fileSystem.writeAtomically([1], to: "\(root)/f\(index)", creatingDirectory: root) }
        #expect(fileSystem.pin(root, rule: .any) == nil)
        let counts = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 1_000) { _ in
            let count = fileSystem.entries(of: root)?.count ?? -1
            counts.withLock { $0.append(count) }
        }
        #expect(counts.withLock { $0 }.allSatisfy { $0 == 200 }, "\(counts.withLock { $0 })")
    }
}
