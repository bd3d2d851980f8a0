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
    @Test(arguments: [0, 1, 7, 8, 262_143, 262_144, 262_151, 600_001])
    func aFileHashedInPiecesHasTheHashOfItsWholeBytes(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        let path = "/tmp/trailhead-fingerprint-\(getpid())-\(size)"
        let fileSystem = LocalFileSystem()
        fileSystem.writeAtomically(bytes, to: path, creatingDirectory: "/tmp")
        defer { unlink(path) }
        #expect(fileSystem.fingerprint(of: path, limit: 1 << 20) == ContentHasher.fingerprint(of: bytes))
        #expect(fileSystem.withMappedContents(of: path, limit: 1 << 20) { Array($0) } == bytes)
        #expect(fileSystem.fingerprint(of: path, limit: size - 1) == nil)
        #expect(fileSystem.fingerprint(of: path + "-missing", limit: 1 << 20) == nil)
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
        #expect(second.tree.map(TreeCodec.encode) == first.tree.map(TreeCodec.encode))
        LocalFileSystem().writeAtomically(Array("garbage".utf8), to: entry, creatingDirectory: directory)
        let afterDamage = loader.loadFile(path)
        #expect(afterDamage.tree?.nodes.count == 503)
        let changed = Array(yaml.replacing("Demo tree", with: "Changed tree").utf8)
        #expect(cache.entryPath(for: changed) != entry)
        unlink(path)
        unlink(entry)
    }
}
