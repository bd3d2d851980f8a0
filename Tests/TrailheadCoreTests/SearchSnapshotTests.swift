import Testing
@testable import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

@Suite struct SearchSnapshotTests {
    /// Text that folds, escapes and breadcrumbs in every way the snapshot handles apart:
    /// accents and other scripts (kept raw), quotes and backslashes (escaped), capitals
    /// (restored from bits), a see-also step and a node nothing leads to.
    static let hostileTree = """
        format: 1
        id: hostile
        title: Hostile text
        description: Text that folds, escapes and wraps in every way.
        start: start
        nodes:
          start:
            question: "Quelle donnée \\"cherchez\\"-vous? \\\\ back"
            choices:
              - label: "Données DÉSY 日本語"
                hint: "A hint, with commas"
                goto: accents
              - label: "Quotes \\"here\\""
                goto: quotes
          accents:
            title: "Über Straße café — naïve"
            body: "Ünïcödé body with CamelCaseWords and dataPortal"
            tags: [Zürich, "x\\"y"]
          quotes:
            title: "Say \\"hello\\" \\\\ to C:\\\\path"
            body: "two\\nlines and Data"
            commands:
              - run: "rucio download --rse CERN"
                does: "Downloads a DID"
            see-also: [seen]
          seen:
            title: "Seen only through see-also"
            body: "A see-also step has no answer."
          lonely:
            title: "Lonely unreachable data node"
            body: "Nothing leads here."
        """

    static let library: Library = {
        let bundled = TestTrees.bundledLibrary.files
        return Library.assemble(files: bundled + [TestTrees.load(hostileTree, path: "hostile.yaml")])
    }()

    static let index = SearchIndex(catalog: library.catalog)
    static let key = ContentDigester.fingerprint(of: [42]).digest

    static let snapshot: SearchSnapshot = {
        let bytes = SearchSnapshot.encode(index, catalog: library.catalog, contentKey: Self.key)!
        return SearchSnapshot(FileBytes(bytes), contentKey: Self.key)!
    }()

    static let queries = [
        "rucio", "rucio download", "data", "a", "é", "donnees", "Données", "DÉSY", "日本", "'data", "^get", "portal$",
        "!data a", "data | docs", "DATA", "Get", "\"", "\\", "hello", "path", "camel", "dataPortal", "x\"y", "see also",
        "lonely", "zurich", "cafe naive", "'strasse", "token | proxy !rucio", "nothing matches this qqq",
    ]

    /// The snapshot ranks, reports and writes exactly what the index it was made from does.
    @Test(arguments: queries)
    func aSnapshotFindsAndWritesWhatItsIndexDoes(query text: String) {
        let query = SearchQuery(text)
        for limit in [Int.max, 3] {
            let expected = Self.index.search(query, limit: limit, within: nil, settled: nil).results
            let hits = Self.snapshot.search(query, limit: limit)
            let prepared = SearchSnapshot.PreparedQuery(query)
            #expect(hits.map { Self.snapshot.result(for: $0, query: prepared) } == expected, "\(text), limit \(limit)")
            for (hit, result) in zip(hits, expected) {
                var written: [UInt8] = []
                Self.snapshot.appendJSON(for: hit, query: prepared, to: &written)
                let serialized = NodeJSON.searchResult(result, in: Self.library.catalog).utf8(pretty: false)
                #expect(String(decoding: written, as: UTF8.self) == String(decoding: serialized, as: UTF8.self))
            }
        }
    }

    /// Typed a character at a time, each search narrowing the last as the search pane does, a
    /// snapshot gives the outcome its index gives: results, matches and settled scores.
    @Test(arguments: ["rucio download data", "data portal", "Données DÉSY", "'data por", "^get data", "x\"y z"])
    func aSnapshotNarrowsAsItsIndexDoes(typed: String) {
        var previous: (query: String, index: SearchOutcome, snapshot: SearchOutcome)?
        for end in typed.indices.dropFirst() + [typed.endIndex] {
            let text = String(typed[..<end])
            let narrows = previous.map { Navigator.narrows(text, previous: $0.query) } ?? false
            let query = SearchQuery(text)
            let fromIndex = Self.index.search(
                query, limit: 5, within: narrows ? previous?.index.matches : nil, settled: narrows ? previous?.index.settled : nil)
            let fromSnapshot = Self.snapshot.search(
                query, limit: 5, within: narrows ? previous?.snapshot.matches : nil, settled: narrows ? previous?.snapshot.settled : nil)
            #expect(fromSnapshot == fromIndex, "\(text.debugDescription)")
            previous = (text, fromIndex, fromSnapshot)
        }
    }

    @Test func breadcrumbsOfEveryKindAreWritten() throws {
        let query = SearchQuery("'lonely")
        let lonely = try #require(Self.snapshot.search(query, limit: 1).first)
        var written: [UInt8] = []
        Self.snapshot.appendJSON(for: lonely, query: SearchSnapshot.PreparedQuery(query), to: &written)
        #expect(String(decoding: written, as: UTF8.self).hasSuffix(#""path":null}"#))
        let seen = try #require(Self.snapshot.search(SearchQuery("'Seen only"), limit: 1).first)
        written = []
        Self.snapshot.appendJSON(for: seen, query: SearchSnapshot.PreparedQuery(SearchQuery("'Seen only")), to: &written)
        #expect(String(decoding: written, as: UTF8.self).contains(#""answer":null,"number":null}]}"#))
    }

    @Test func aSnapshotOfOtherContentIsRefused() throws {
        let bytes = try #require(SearchSnapshot.encode(Self.index, catalog: Self.library.catalog, contentKey: Self.key))
        #expect(SearchSnapshot(FileBytes(bytes), contentKey: ContentDigester.fingerprint(of: [43]).digest) == nil)
        #expect(SearchSnapshot(FileBytes(bytes), contentKey: Self.key)?.nodeCount == Self.library.catalog.nodeCount)
    }

    /// Any changed byte fails the hash; a cut file fails the size check.
    @Test func aDamagedSnapshotIsRefused() throws {
        let bytes = try #require(SearchSnapshot.encode(Self.index, catalog: Self.library.catalog, contentKey: Self.key))
        for offset in [0, 24, 33, 41, 50, SearchSnapshotLayout.headerSize, bytes.count / 2, bytes.count - 1] {
            var damaged = bytes
            damaged[offset] ^= 0x10
            #expect(SearchSnapshot(FileBytes(damaged), contentKey: Self.key) == nil, "byte \(offset)")
        }
        #expect(SearchSnapshot(FileBytes(Array(bytes.dropLast(8))), contentKey: Self.key) == nil)
        #expect(SearchSnapshot(FileBytes([]), contentKey: Self.key) == nil)
    }

    /// A snapshot whose hash holds but whose tables point outside themselves is refused too,
    /// whichever table is wrong.
    @Test(arguments: [SearchSnapshotLayout.Table.nodeFieldStart, .fieldEnd, .fieldRecord, .nodeStart, .keyStart])
    func aSnapshotWithOffsetsOutOfRangeIsRefused(table: SearchSnapshotLayout.Table) throws {
        var bytes = try #require(SearchSnapshot.encode(Self.index, catalog: Self.library.catalog, contentKey: Self.key))
        let counts = Self.counts(of: bytes)
        let offset = SearchSnapshotLayout(counts).offset(of: table)
        // The last entry of each table: past every valid value once raised this far.
        let width = 4
        let entries = SearchSnapshotLayout.byteCount(of: table, counts) / width
        let position = offset + (entries - 1) * width
        bytes[position + width - 1] = 0x7F
        SearchSnapshot.writeHeader(into: &bytes, contentKey: Self.key, counts: counts)
        #expect(SearchSnapshot(FileBytes(bytes), contentKey: Self.key) == nil)
    }

    /// A node with no field (its fields given to the node before it) would have an inverse-only
    /// query (`!zzzz`) report a field past the table's end: such a snapshot is refused.
    @Test func aNodeWithoutFieldsIsRefused() throws {
        var bytes = try #require(SearchSnapshot.encode(Self.index, catalog: Self.library.catalog, contentKey: Self.key))
        let counts = Self.counts(of: bytes)
        let starts = SearchSnapshotLayout(counts).offset(of: .nodeFieldStart)
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: Int32(counts.fields), toByteOffset: starts + 4 * (counts.nodes - 1), as: Int32.self) }
        SearchSnapshot.writeHeader(into: &bytes, contentKey: Self.key, counts: counts)
        #expect(SearchSnapshot(FileBytes(bytes), contentKey: Self.key) == nil)
    }

    /// A node record whose breadcrumb link points anywhere but at the start of its parent's
    /// record, or at a node that does not exist, or whose step runs past it, is refused.
    @Test(arguments: [(4, UInt8(1)), (3, UInt8(0x7F)), (11, UInt8(0x7F))])
    func aNodeRecordWithABadLinkIsRefused(byte: Int, value: UInt8) throws {
        var bytes = try #require(SearchSnapshot.encode(Self.index, catalog: Self.library.catalog, contentKey: Self.key))
        let counts = Self.counts(of: bytes)
        let layout = SearchSnapshotLayout(counts)
        // The second node's record: the first is a start, whose link is never followed.
        let record = layout.offset(of: .node) + bytes.withUnsafeBytes {
            Int($0.loadUnaligned(fromByteOffset: layout.offset(of: .nodeStart) + 4, as: UInt32.self))
        }
        bytes[record + byte] ^= value
        SearchSnapshot.writeHeader(into: &bytes, contentKey: Self.key, counts: counts)
        #expect(SearchSnapshot(FileBytes(bytes), contentKey: Self.key) == nil)
    }

    static func counts(of snapshot: [UInt8]) -> SearchSnapshotLayout.Counts {
        SearchSnapshotLayout.Counts((0..<6).map { index in
            snapshot.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 72 + 8 * index, as: UInt64.self)) }
        })!
    }

    /// What a snapshot holds is pinned: a change to the index, the folding, the tie-break or the
    /// result JSON changes these bytes, and must come with a new `SearchSnapshot.magic` so that
    /// snapshots already saved by the old code are not read as if they were new.
    @Test func theSnapshotFormatIsPinned() throws {
        let catalog = TestTrees.catalog([TestTrees.minimal(), Self.hostileTree])
        let bytes = try #require(SearchSnapshot.encode(SearchIndex(catalog: catalog), catalog: catalog, contentKey: Self.key))
        #expect(SearchSnapshot.magic == "trailhead-search-7")
        #expect(String(FastChecksum.value(of: bytes), radix: 16) == "4e76c406a090740c", "the snapshot's bytes changed: bump SearchSnapshot.magic and filePrefix, then update this pin")
    }
}

/// How snapshots are keyed, saved and found again in the cache directory.
@Suite struct SearchSnapshotCacheTests {
    /// A scratch directory holding `files` (name to YAML), and a cache beside them.
    struct Scratch {
        let directory = "/tmp/trailhead-snapshot-\(getpid())-\(Int.random(in: 0..<1_000_000_000))"
        var cache: TreeCache { TreeCache(directory: directory + "/cache") }

        func write(_ files: [String: String], under folder: String = "trees") {
            for (name, yaml) in files {
                LocalFileSystem().writeAtomically(Array(yaml.utf8), to: "\(directory)/\(folder)/\(name)", creatingDirectory: "\(directory)/\(folder)")
            }
        }

        func library(_ folders: [String] = ["trees"], cached: Bool = true) -> Library {
            Library.load(
                TreeSources(sources: folders.map { .init(path: "\(directory)/\($0)", layer: "--trees") }),
                loader: TreeLoader(cache: cached ? cache : nil))
        }

        func remove() {
            for folder in ["trees", "other", "cache"] {
                for name in LocalFileSystem().entries(of: "\(directory)/\(folder)") ?? [] { unlink("\(directory)/\(folder)/\(name)") }
                rmdir("\(directory)/\(folder)")
            }
            rmdir(directory)
        }
    }

    @Test func theContentKeyFollowsTheFilesContentNotTheirPlace() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        scratch.write(["demo.yaml": TestTrees.minimal()])
        scratch.write(["demo.yaml": TestTrees.minimal()], under: "other")
        let key = try #require(scratch.library().contentKey)
        #expect(scratch.library().contentKey == key, "a warm load, from the tree cache")
        #expect(scratch.library(["other"]).contentKey == key)
        #expect(scratch.library(cached: false).contentKey == nil)
        scratch.write(["demo.yaml": TestTrees.minimal().replacing("Get data", with: "Get date")])
        #expect(scratch.library().contentKey != key)
        scratch.write(["demo.yaml": TestTrees.minimal()])
        scratch.write(["site.yaml": LayerTests.siteData])
        #expect(scratch.library().contentKey != key, "an overlay changes the catalog")
    }

    @Test func aSavedSnapshotIsFoundUntilATreeChanges() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        scratch.write(["demo.yaml": TestTrees.minimal()])
        let library = scratch.library()
        #expect(scratch.cache.searchSnapshot(for: library) == nil)
        let saved = try #require(scratch.cache.saveSearchSnapshot(of: SearchIndex(catalog: library.catalog), for: library))
        #expect(saved.search(SearchQuery("portal"), limit: 5).count == 1)
        let found = try #require(scratch.cache.searchSnapshot(for: scratch.library()))
        #expect(found.search(SearchQuery("portal"), limit: 5) == saved.search(SearchQuery("portal"), limit: 5))

        scratch.write(["demo.yaml": TestTrees.minimal().replacing("data portal", with: "data gateway")])
        let changed = scratch.library()
        #expect(scratch.cache.searchSnapshot(for: changed) == nil, "a snapshot of the old content is never used")
        let resaved = try #require(scratch.cache.saveSearchSnapshot(of: SearchIndex(catalog: changed.catalog), for: changed))
        #expect(resaved.search(SearchQuery("gateway"), limit: 5).count == 1)
        let snapshots = (LocalFileSystem().entries(of: scratch.cache.directory) ?? []).filter { $0.hasPrefix("search") }
        #expect(snapshots.count == 1, "the new snapshot replaced the old one: \(snapshots)")
    }
}
