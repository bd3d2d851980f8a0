import Foundation
import Testing
@testable import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// Each loader limit: a file exactly at it loads, one past it gets the exact diagnostic; hostile
/// files are refused fast, in bounded memory and without deep recursion on any thread.
@Suite struct LoaderLimitTests {
    static let malformed = TestTrees.fixtures + "/malformed"

    /// A valid tree of `nodes` resources (n0 is the start), one flow mapping per line from line 7.
    static func manyNodes(_ nodes: Int) -> [UInt8] {
        var text = "format: 1\nid: many\ntitle: Many nodes\ndescription: Generated at the node limit.\nstart: n0\nnodes:\n"
        text.reserveCapacity(nodes * 32)
        for index in 0..<nodes {
            text += "  n\(index): {title: N, body: B}\n"
        }
        return Array(text.utf8)
    }

    /// A valid tree padded with one comment line to exactly `size` bytes.
    static func padded(to size: Int) -> [UInt8] {
        let tree = Array(TestTrees.minimal().utf8) + Array("\n#".utf8)
        return tree + [UInt8](repeating: 0x78, count: size - tree.count - 1) + [0x0A]
    }

    @Test func aFileOfExactly32MiBLoadsAndOneByteMoreIsRefused() throws {
        let limit = LoaderLimits.standard.maxFileBytes
        #expect(limit == 32 << 20)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("th-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let atLimit = directory.appendingPathComponent("at-limit.yaml").path
        let pastLimit = directory.appendingPathComponent("past-limit.yaml").path
        var bytes = Self.padded(to: limit)
        #expect(bytes.count == limit)
        try Data(bytes).write(to: URL(fileURLWithPath: atLimit))
        bytes.insert(0x0A, at: 0)
        try Data(bytes).write(to: URL(fileURLWithPath: pastLimit))

        let loaded = TreeLoader().loadFile(atLimit)
        #expect(loaded.tree?.id == "demo")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")

        let refused = TreeLoader().loadFile(pastLimit)
        #expect(refused.tree == nil)
        #expect(refused.diagnostics.map(\.description) == [
            "\(pastLimit):1:1: error: cannot load: the file is 33554433 bytes; the limit is 33554432",
        ])
    }

    @Test func oneHundredThousandNodesLoadAndOneMoreIsRefused() {
        let limit = LoaderLimits.standard.maxNodesPerFile
        #expect(limit == 100_000)
        let loaded = TreeLoader().load(bytes: Self.manyNodes(limit), path: "many.yaml")
        #expect(loaded.tree?.nodes.count == limit)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(3))")

        let refused = TreeLoader().load(bytes: Self.manyNodes(limit + 1), path: "many.yaml")
        // The 100,001st node, n100000, is on line 7 + 100000.
        #expect(refused.diagnostics.map(\.description) == [
            "many.yaml:100007:3: error: more than 100000 nodes in one file; split the tree",
        ])
        #expect(refused.isBroken)
    }

    /// The classic YAML "billion laughs": nine anchors, each a list of nine aliases of the one before.
    static let billionLaughs: [UInt8] = {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        return Array(text.utf8)
    }()

    @Test(arguments: ["classic", "alias-bomb.yaml"])
    func billionLaughsIsRefusedInMillisecondsAndBoundedMemory(source: String) throws {
        let bytes = source == "classic" ? Self.billionLaughs : try Self.bytes(of: source)
        #expect(bytes.count < 1024, "the bomb is small: \(bytes.count) bytes")
        let before = Self.peakResidentKiB()
        let clock = ContinuousClock()
        var loaded: LoadedFile?
        let elapsed = clock.measure { loaded = TreeLoader().load(bytes: bytes, path: "bomb.yaml") }
        let growth = Self.peakResidentKiB() - before
        #expect(elapsed < .seconds(1), "refused in \(elapsed)")
        // Expanded, the bomb is 9^9 strings; refused when its aliases would copy more than about
        // 10,000 values, it needs next to nothing.
        #expect(growth < 64 << 10, "peak memory grew by \(growth) KiB")
        #expect(loaded?.tree == nil)
        #expect(loaded?.diagnostics.map(\.code) == ["alias-budget"])
    }

    @Test func deepFlowNestingIsRefusedOnAThreadWithA256KiBStack() throws {
        let bytes = try Self.bytes(of: "deep-flow-nesting.yaml")
        let job = LoadJob(bytes: bytes)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        #expect(pthread_attr_setstacksize(&attributes, 256 << 10) == 0)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        let created = pthread_create(&thread, &attributes, { context in
            let job = Unmanaged<LoadJob>.fromOpaque(context!).takeRetainedValue()
            let clock = ContinuousClock()
            let start = clock.now
            job.diagnostics = TreeLoader().load(bytes: job.bytes, path: "deep-flow-nesting.yaml").diagnostics.map(\.description)
            job.elapsed = clock.now - start
            return nil
        }, context)
        try #require(created == 0)
        #expect(pthread_join(thread, nil) == 0)
        #expect(job.diagnostics == ["deep-flow-nesting.yaml:4:71: error: nesting is deeper than 64 levels"])
        #expect(job.elapsed < .seconds(1), "refused in \(job.elapsed)")
    }

    static func bytes(of fixture: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: malformed + "/" + fixture)))
    }

    /// The process's peak resident set so far (getrusage), in KiB.
    static func peakResidentKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

/// What the small-stack thread loads and what it found; read only after the thread is joined.
private final class LoadJob: @unchecked Sendable {
    let bytes: [UInt8]
    var diagnostics: [String] = []
    var elapsed: Duration = .zero

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }
}
