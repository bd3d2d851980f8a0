import Testing
@testable import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TreeCacheTests {
    @Test func codecRoundTripsEveryBundledTree() throws {
        for file in TestTrees.bundledLibrary.files {
            let tree = try #require(file.tree)
            let encoded = TreeCodec.encode(tree)
            let decoded = try TreeCodec.decode(encoded, file: tree.file)
            #expect(TreeCodec.encode(decoded) == encoded)
            #expect(decoded.nodeOrder == tree.nodeOrder)
            #expect(decoded.nodes["start"]?.heading == tree.nodes["start"]?.heading)
            #expect(decoded.location == tree.location)
        }
    }

    @Test func damagedEntriesAreRejected() throws {
        let tree = try #require(TestTrees.bundledLibrary.files.first?.tree)
        var encoded = TreeCodec.encode(tree)
        #expect(throws: BinaryReader.Corrupt.self) { try TreeCodec.decode(Array(encoded.prefix(encoded.count / 2)), file: "x") }
        encoded[0] = 0xFF
        #expect(throws: BinaryReader.Corrupt.self) { try TreeCodec.decode(encoded, file: "x") }
        #expect(throws: BinaryReader.Corrupt.self) { try TreeCodec.decode([], file: "x") }
    }

    /// A file is hashed in 256 KiB pieces before its cache entry is looked up; the pieces must give
    /// the hash of the whole file (the key its entry was written under), at every size around a
    /// piece's edge. Mapped reads must see the same bytes, an empty file included.
    @Test(arguments: [0, 1, 7, 8, 31, 32, 33, 262_111, 262_112, 262_143, 262_144, 262_151, 262_176, 600_001])
    func aFileHashedInPiecesHasTheHashOfItsWholeBytes(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        let path = "/tmp/trailhead-fingerprint-\(getpid())-\(size)"
        let fileSystem = LocalFileSystem()
        fileSystem.writeAtomically(bytes, to: path, creatingDirectory: "/tmp")
        defer { unlink(path) }
        #expect(fileSystem.fingerprint(of: path, limit: 1 << 20) == ContentDigester.fingerprint(of: bytes))
        #expect(fileSystem.mappedContents(of: path, limit: 1 << 20)?.withBytes { Array($0) } == bytes)
        #expect(fileSystem.fingerprint(of: path, limit: size - 1) == nil)
        #expect(fileSystem.fingerprint(of: path + "-missing", limit: 1 << 20) == nil)
    }

    /// Entries and search snapshots of another format or past the age limit, and temporary
    /// files left for an hour, go; fresh ones and anything not named like them stay.
    @Test func pruningRemovesOldAndForeignEntriesOnly() {
        let directory = "/tmp/trailhead-prune-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let fileSystem = LocalFileSystem()
        let ages = [
            "\(TreeCodec.entryPrefix)aa-1.bin": 0, "\(TreeCodec.entryPrefix)bb-2.bin": TreeCache.maxEntryAge + 60,
            "tree-cc-3.bin": 0, "\(TreeCodec.entryPrefix)dd-4.bin.1.2.tmp": 7200, "\(TreeCodec.entryPrefix)ee-5.bin.1.3.tmp": 60,
            "notes.txt": 400 * 24 * 3600,
            "\(SearchSnapshot.filePrefix)ff.bin": 0, "search0-gg.bin": 0, "\(SearchSnapshot.filePrefix)hh.bin": TreeCache.maxEntryAge + 60,
        ]
        for (name, age) in ages {
            fileSystem.writeAtomically([1], to: "\(directory)/\(name)", creatingDirectory: directory)
            var times = [timeval(tv_sec: time(nil) - age, tv_usec: 0), timeval(tv_sec: time(nil) - age, tv_usec: 0)]
            utimes("\(directory)/\(name)", &times)
        }
        TreeCache(directory: directory).prune(fileSystem: fileSystem)
        let left = Set(fileSystem.entries(of: directory) ?? [])
        #expect(left == [
            "\(TreeCodec.entryPrefix)aa-1.bin", "\(TreeCodec.entryPrefix)ee-5.bin.1.3.tmp", "notes.txt", "\(SearchSnapshot.filePrefix)ff.bin",
        ])
        for name in left { unlink("\(directory)/\(name)") }
        rmdir(directory)
    }

    @Test func aRelativeCacheHomeIsIgnored() {
        #expect(TreeCache.directory(environment: ["XDG_CACHE_HOME": "/var/c", "HOME": "/home/u"]) == "/var/c/trailhead")
        #expect(TreeCache.directory(environment: ["XDG_CACHE_HOME": "c", "HOME": "/home/u"]) == "/home/u/.cache/trailhead")
        #expect(TreeCache.directory(environment: ["XDG_CACHE_HOME": "", "HOME": "/home/u"]) == "/home/u/.cache/trailhead")
        #expect(TreeCache.directory(environment: ["HOME": "u"]) == nil)
        #expect(TreeCache.directory(environment: ["HOME": "/home/u", "TRAILHEAD_NO_CACHE": "1"]) == nil)
    }

    /// A relative directory is created where the working directory is, not under `/`.
    @Test func writingUnderARelativeDirectoryCreatesItHere() {
        let directory = ".build/trailhead-relative-\(getpid())/a/b"
        LocalFileSystem().writeAtomically([1, 2, 3], to: directory + "/entry", creatingDirectory: directory)
        guard case .bytes(let bytes) = LocalFileSystem().contents(of: directory + "/entry", limit: 10) else {
            Issue.record("nothing written under \(directory)")
            return
        }
        #expect(bytes == [1, 2, 3])
        unlink(directory + "/entry")
        for level in [directory, ".build/trailhead-relative-\(getpid())/a", ".build/trailhead-relative-\(getpid())"] { rmdir(level) }
    }

    /// One bit changed anywhere, or two words swapped between the hasher's lanes, gives another hash.
    @Test func everySmallChangeGivesAnotherHash() {
        let original = (0..<203).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        var seen: Set<UInt64> = [FastChecksum.value(of: original)]
        for position in original.indices {
            var changed = original
            changed[position] ^= 0x04
            seen.insert(FastChecksum.value(of: changed))
        }
        #expect(seen.count == original.count + 1)
        var swapped = original
        swapped.replaceSubrange(0..<8, with: original[8..<16])
        swapped.replaceSubrange(8..<16, with: original[0..<8])
        #expect(FastChecksum.value(of: swapped) != FastChecksum.value(of: original))
        #expect(FastChecksum.value(of: [0]) != FastChecksum.value(of: [0, 0]))
    }

    @Test func aCleanFileIsCachedAndAChangeOrDamageIsNoticed() throws {
        let directory = "/tmp/trailhead-cache-test-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let cache = TreeCache(directory: directory)
        let extra = (1...500).map { "  n\($0):\n    title: Node \($0) with some words to make the file larger\n    body: A body of text, long enough to matter for the size of this file.\n" }.joined()
        let yaml = TestTrees.minimal(extraNodes: extra)
        let bytes = Array(yaml.utf8)
        let path = directory + "-tree.yaml"
        LocalFileSystem().writeAtomically(bytes, to: path, creatingDirectory: "/tmp")
        let loader = TreeLoader(cache: cache)
        let first = loader.loadFile(path)
        #expect(first.tree?.nodes.count == 503)
        let entry = cache.entryPath(for: bytes)
        #expect(LocalFileSystem().exists(entry))
        let second = loader.loadFile(path)
        #expect(second.tree.map { TreeCodec.encode($0) } == first.tree.map { TreeCodec.encode($0) })
        LocalFileSystem().writeAtomically(Array("garbage".utf8), to: entry, creatingDirectory: directory)
        let afterDamage = loader.loadFile(path)
        #expect(afterDamage.tree?.nodes.count == 503)
        let changed = Array(yaml.replacing("Demo tree", with: "Changed tree").utf8)
        #expect(cache.entryPath(for: changed) != entry)
        unlink(path)
        unlink(entry)
    }

    /// A tree file of 503 nodes written under /tmp, with a loader whose cache lives beside it.
    private struct CachedFile {
        let directory = "/tmp/trailhead-lazy-test-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let bytes = Array(TestTrees.minimal(extraNodes: (1...500).map { "  n\($0):\n    title: Node \($0)\n    body: Text of node \($0).\n" }.joined()).utf8)
        var path: String { directory + "-tree.yaml" }
        var cache: TreeCache { TreeCache(directory: directory) }
        var loader: TreeLoader { TreeLoader(cache: cache) }

        init() {
            LocalFileSystem().writeAtomically(bytes, to: path, creatingDirectory: "/tmp")
        }

        func remove() {
            unlink(path)
            unlink(cache.entryPath(for: bytes))
            rmdir(directory)
        }
    }

    /// Entries are named by the SHA-256 digest of the file (FIPS 180-2's "abc" vector), so no
    /// other content can be crafted to share a bundled tree's entry.
    @Test func entriesAreKeyedBySHA256OfTheFile() {
        let fingerprint = ContentDigester.fingerprint(of: Array("abc".utf8))
        #expect(fingerprint.digest.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(fingerprint.count == 3)
        #expect(TreeCache(directory: "/c").entryPath(for: Array("abc".utf8))
            == "/c/\(TreeCodec.entryPrefix)ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad-3.bin")
    }

    /// An entry names the file it was made from: put under another file's name (as a collision
    /// would put it), it is refused and that file is parsed.
    @Test func anEntryIsUsedOnlyForTheFileItWasMadeFrom() throws {
        let file = CachedFile()
        defer { file.remove() }
        _ = file.loader.loadFile(file.path)
        guard case .bytes(let entry) = LocalFileSystem().contents(of: file.cache.entryPath(for: file.bytes), limit: 1 << 24) else {
            Issue.record("no cache entry")
            return
        }
        let other = Array(TestTrees.minimal(id: "other").utf8)
        let otherPath = file.directory + "-other.yaml"
        LocalFileSystem().writeAtomically(other, to: otherPath, creatingDirectory: "/tmp")
        LocalFileSystem().writeAtomically(entry, to: file.cache.entryPath(for: other), creatingDirectory: file.cache.directory)
        defer {
            unlink(otherPath)
            unlink(file.cache.entryPath(for: other))
        }
        #expect(file.loader.loadFile(otherPath).tree?.id == "other")
    }

    @Test func aCachedTreeDecodesItsNodesOnlyWhenFirstUsed() throws {
        let file = CachedFile()
        defer { file.remove() }
        let parsed = try #require(file.loader.loadFile(file.path).tree)
        let cached = try #require(file.loader.loadFile(file.path).tree)
        #expect(parsed.nodesAreDecoded)
        #expect(!cached.nodesAreDecoded)
        #expect(cached.nodeCount == 503)
        #expect(cached.startHeading == parsed.startHeading)
        #expect(cached.nodeOrder == parsed.nodeOrder)
        #expect(!cached.nodesAreDecoded)
        var moved = cached
        moved.startID = "data"
        #expect(moved.startHeading == "Get data")
        #expect(cached.nodes["n250"]?.heading == "Node 250")
        #expect(cached.nodesAreDecoded)
        let sameEntry = TreeCodec.encode(cached) == TreeCodec.encode(parsed)
        #expect(sameEntry)
    }

    /// Every thread asking at once gets the same nodes.
    @Test func nodesAskedForFromManyThreadsAtOnceAreTheSame() throws {
        let file = CachedFile()
        defer { file.remove() }
        _ = file.loader.loadFile(file.path)
        let cached = try #require(file.loader.loadFile(file.path).tree)
        let headings = OrderedParallelMap.map(count: 8, chunks: 8) { thread in
            cached.nodes["n\(thread + 1)"]?.heading
        }
        #expect(headings == (1...8).map { "Node \($0)" })
    }

    @Test func changingACopyOfACachedTreeLeavesTheOriginalAlone() throws {
        let file = CachedFile()
        defer { file.remove() }
        _ = file.loader.loadFile(file.path)
        let cached = try #require(file.loader.loadFile(file.path).tree)
        var copy = cached
        let removed = copy.updateNodes { $0.removeValue(forKey: "n1") }
        #expect(removed?.heading == "Node 1")
        #expect(copy.nodeCount == 502)
        #expect(cached.nodes["n1"]?.heading == "Node 1")
        #expect(cached.nodeCount == 503)
    }

    /// A byte changed anywhere, in the tree's own fields or in its nodes, rejects the entry when
    /// it is read, before anything relies on it.
    @Test func aChangedByteAnywhereInAnEntryRejectsIt() throws {
        let tree = try #require(TestTrees.bundledLibrary.files.first?.tree)
        let encoded = TreeCodec.encode(tree)
        for position in stride(from: 30, to: encoded.count, by: max(1, encoded.count / 40)) {
            var damaged = encoded
            damaged[position] ^= 0x20
            #expect(throws: BinaryReader.Corrupt.self, "byte \(position)") { try TreeCodec.decode(damaged, file: "x") }
        }
    }

    /// Should an entry that passes its check still fail to decode, the nodes are read from the
    /// tree file itself instead.
    @Test func nodesThatFailToDecodeAreParsedFromTheFile() throws {
        let file = CachedFile()
        defer { file.remove() }
        let parsed = try #require(file.loader.loadFile(file.path).tree)
        let entryPath = file.cache.entryPath(for: file.bytes)
        guard case .bytes(let entry) = LocalFileSystem().contents(of: entryPath, limit: 1 << 24) else {
            Issue.record("no cache entry at \(entryPath)")
            return
        }
        // Magic (a length byte and the text), then eight bytes of hash, then the body they cover.
        let body = Array(entry[(1 + Int(entry[0]) + 8)...].dropLast(3))
        var resealed = BinaryWriter()
        resealed.string(TreeCodec.magic)
        resealed.fixed64(FastChecksum.value(of: body))
        LocalFileSystem().writeAtomically(resealed.bytes + body, to: entryPath, creatingDirectory: file.cache.directory)

        let cached = try #require(file.loader.loadFile(file.path).tree)
        let cachedBeforeBreakage = try #require(file.loader.loadFile(file.path).tree)
        #expect(!cached.nodesAreDecoded)
        #expect(cached.nodeCount == 503)
        #expect(cached.nodes.count == 503)
        // Should the file break before the nodes are needed, none of its nodes are taken.
        LocalFileSystem().writeAtomically(Array("format: 1\nid: [".utf8), to: file.path, creatingDirectory: "/tmp")
        #expect(cachedBeforeBreakage.nodes.isEmpty)
        let sameEntry = TreeCodec.encode(cached) == TreeCodec.encode(parsed)
        #expect(sameEntry)
    }

    /// A breadcrumb into one tree decodes the trees a walk from its start can enter, and no other.
    @Test func aPathDecodesOnlyTheTreesItsWalkCanEnter() throws {
        let directory = "/tmp/trailhead-paths-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let files = [
            ("a.yaml", TestTrees.minimal(id: "alpha").replacing("see-also: [data]", with: "see-also: [data, beta/data]")),
            ("b.yaml", TestTrees.minimal(id: "beta")),
            ("c.yaml", TestTrees.minimal(id: "gamma")),
        ]
        for (name, yaml) in files {
            LocalFileSystem().writeAtomically(Array(yaml.utf8), to: "\(directory)/trees/\(name)", creatingDirectory: "\(directory)/trees")
        }
        defer {
            for (name, yaml) in files {
                unlink("\(directory)/trees/\(name)")
                unlink(TreeCache(directory: directory + "/cache").entryPath(for: Array(yaml.utf8)))
            }
            rmdir(directory + "/trees")
            rmdir(directory + "/cache")
            rmdir(directory)
        }
        let sources = TreeSources(sources: [.init(path: directory + "/trees", layer: "--trees")])
        let loader = TreeLoader(cache: TreeCache(directory: directory + "/cache"))
        _ = Library.load(sources, loader: loader)
        let catalog = Library.load(sources, loader: loader).catalog
        #expect(catalog.trees.map(\.nodesAreDecoded) == [false, false, false])
        #expect(catalog.path(to: NodeKey(tree: "gamma", node: "docs"))?.map(\.label) == ["Documentation"])
        #expect(catalog.trees.map(\.nodesAreDecoded) == [false, false, true])
        #expect(catalog.path(to: NodeKey(tree: "alpha", node: "data"))?.map(\.label) == ["Data"])
        #expect(catalog.trees.map(\.nodesAreDecoded) == [true, true, true])
    }

    /// Breadcrumbs asked for from many threads at once, over trees not decoded yet, are the
    /// ones the parsed trees give.
    @Test func pathsIntoUndecodedTreesFromManyThreadsAreThePathsOfTheParsedTrees() throws {
        let file = CachedFile()
        defer { file.remove() }
        let parsed = Catalog(trees: [try #require(file.loader.loadFile(file.path).tree)])
        let cached = Catalog(trees: [try #require(file.loader.loadFile(file.path).tree)])
        #expect(!cached.trees[0].nodesAreDecoded)
        let keys = parsed.trees[0].nodeOrder.map { NodeKey(tree: "demo", node: $0) }
        let expected = keys.map { parsed.path(to: $0) }
        let answers = OrderedParallelMap.map(count: 8, chunks: 8) { _ in keys.map { cached.path(to: $0) } }
        #expect(expected.contains { $0 != nil })
        for answer in answers {
            #expect(answer == expected)
        }
    }

    /// An overlay applied to a tree read from the cache changes that tree as it changes a parsed
    /// one: its nodes, their order and count, and the start heading when it replaces the start.
    @Test func anOverlayOnACachedTreeIsAppliedAsOnAParsedOne() throws {
        let file = CachedFile()
        defer { file.remove() }
        let overlay = TestTrees.load(LayerTests.overlay("""
              start:
                question: What does the site offer?
                choices:
                  - label: Site help
                    goto: site-help
              site-help:
                title: Site help
                body: Ask the local desk.

            """), path: "/site/o.yaml")
        let parsed = try #require(file.loader.loadFile(file.path).tree)
        let cached = try #require(file.loader.loadFile(file.path).tree)
        #expect(!cached.nodesAreDecoded)
        let fromParsed = Library.assemble(files: [overlay, LoadedFile(path: file.path, tree: parsed, diagnostics: [])]).catalog.trees[0]
        let fromCached = Library.assemble(files: [overlay, LoadedFile(path: file.path, tree: cached, diagnostics: [])]).catalog.trees[0]
        for tree in [fromParsed, fromCached] {
            #expect(tree.nodeCount == 504)
            #expect(tree.nodeOrder.last == "site-help")
            #expect(tree.startHeading == "What does the site offer?")
            #expect(tree.nodes["n7"]?.heading == "Node 7")
        }
        #expect(cached.startHeading == "What do you need?")
        #expect(cached.nodeCount == 503)
    }
}

/// What the cache gives back is what parsing gives, field by field: a field an encoder or
/// decoder leaves out cannot hide behind comparing the codec's bytes with themselves.
@Suite struct CacheRoundTripTests {
    /// The bundled trees, and a small tree with what they lack (probes and conditions on choices, patterns and their hints, missing-probes, defaults, an overlay).
    static let trees: [String] = ["escape-vre", "login-node", "probes", "overlay"]

    static func yaml(_ name: String) -> String {
        switch name {
        case "probes": HostileCacheTests.yaml + "\n" + """
              asked:
                question: Which one?
                explain: Probes decide the suggestion.
                probes:
                  - command: rucio
                    version-matches: '^rucio 3'
                  - file: ~/.globus/usercert.pem
                choices:
                  - label: The one you have
                    hint: suggested when HOME is set
                    suggest-if: {env: HOME}
                    goto: probe
                  - label: Another tree
                    when: rucio < 37
                    goto: other/start
                  - label: A field with a hint
                    goto: hinted
              hinted:
                title: Hinted
                body: A field whose pattern is explained in words.
                probes:
                  - {command: kinit, missing: true}
                commands:
                  - run: ssh {user}@login.example.org
                    does: Logs in.
                    placeholders:
                      user:
                        prompt: Your user name
                        pattern: '[a-z]+'
                        pattern-hint: lower-case letters
            """
        case "overlay": "format: 1\noverrides: demo\nnodes:\n  data:\n    title: Site data\n    body: Ours.\n"
        default: (try? String(fileContents: TestTrees.bundledTrees + "/\(name).yaml")) ?? ""
        }
    }

    @Test(arguments: trees)
    func everyNodeReadsBackFromTheCacheAsParsed(name: String) throws {
        let directory = "/tmp/trailhead-roundtrip-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let path = directory + "/\(name).yaml"
        LocalFileSystem().writeAtomically(Array(Self.yaml(name).utf8), to: path, creatingDirectory: directory)
        let loader = TreeLoader(cache: TreeCache(directory: directory + "/cache"))
        let first = loader.loadFile(path)
        #expect(first.diagnostics.isEmpty, "\(first.diagnostics)")
        let parsed = try #require(first.tree)
        let cached = try #require(loader.loadFile(path).tree)
        #expect(!cached.nodesAreDecoded, "the second load is read from the cache")
        #expect(cached.orderedNodes == parsed.orderedNodes)
        #expect(cached.nodeOrder == parsed.nodeOrder)
        #expect([cached.id, cached.title, cached.description, cached.startID] == [parsed.id, parsed.title, parsed.description, parsed.startID])
        #expect(cached.feedback == parsed.feedback && cached.isOverlay == parsed.isOverlay && cached.formatVersion == parsed.formatVersion)
        #expect(cached.location == parsed.location && cached.startLocation == parsed.startLocation && cached.startHeading == parsed.startHeading)
        // What a user and a script see of every node, not only the model's equality: a lossy
        // codec on both sides of an encode/decode comparison would pass that unnoticed.
        let fromFile = Catalog(trees: [parsed]), fromCache = Catalog(trees: [cached])
        for node in parsed.orderedNodes {
            let key = NodeKey(tree: parsed.id, node: node.id)
            #expect(NodeJSON.node(key, in: fromCache).serialized(pretty: false) == NodeJSON.node(key, in: fromFile).serialized(pretty: false), "\(key) JSON")
            #expect(NodeText(width: 80).lines(for: key, in: fromCache) == NodeText(width: 80).lines(for: key, in: fromFile), "\(key) text")
        }
    }

    /// An entry's bytes are pinned: a change to the codec must come with a new `TreeCodec.magic`.
    /// (Declaring a text field changes `magic` by itself, and this pin with it.)
    @Test func theEntryFormatIsPinned() throws {
        let tree = try #require(TestTrees.load(TestTrees.minimal()).tree)
        #expect(TreeCodec.magic == "trailhead-tree-cache-11 question.explain:body,resource.body:body")
        #expect(String(FastChecksum.value(of: TreeCodec.encode(tree)), radix: 16) == "8e5e6802c8e8b95c", "the entry's bytes changed: bump TreeCodec.magic and entryPrefix, then update this pin")
    }
}
