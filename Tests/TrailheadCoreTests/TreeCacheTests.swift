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
