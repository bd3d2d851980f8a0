import Foundation
import Testing

/// The search pane on a generated 10,000-node catalog: a query pasted in one go is searched
/// once and the right node comes first.
@Suite(.timeLimit(.minutes(1)))
struct SearchAtScaleTests {
    @Test func aPastedQueryFindsTheNodeInA10kCatalog() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("th-e2e-10k-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: directory + ".lines")
        }
        let generator = URL(fileURLWithPath: E2E.trees).deletingLastPathComponent().appendingPathComponent("bench/generate.py").path
        let generated = try E2E.spawn("/usr/bin/env", ["python3", generator, directory, "10000"], environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"], outputBase: directory + "-gen")
        #expect(generated.status == 0, "bench/generate.py failed: \(generated.stderr)")

        // A resource whose three-word title appears only once, so "the right result" is unambiguous.
        let lines = try String(contentsOfFile: directory + ".lines", encoding: .utf8).split(separator: "\n")
        let titles = lines.compactMap { line -> String? in
            guard let tab = line.firstIndex(of: "\t"), !line.hasSuffix("?") else { return nil }
            let words = line[line.index(after: tab)...].split(separator: " ").prefix(3)
            return words.count == 3 && !words.last!.hasSuffix("?") ? words.joined(separator: " ") : nil
        }
        let counts = Dictionary(titles.map { ($0, 1) }, uniquingKeysWith: +)
        let title = try #require(titles.dropFirst(5000).first { counts[$0] == 1 })

        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        try await session.openTrailhead(["--trees", directory, "--no-default-trees"], bundledTrees: false)
        try session.send("/")
        try await session.waitFor("/ to open the search pane") { $0.contains("Type to search") }
        try session.type(title.lowercased())
        let found = try await session.waitFor("the pasted query '\(title.lowercased())' to put '\(title)' first") {
            $0.selectedRow?.hasPrefix(" ▸ \(title)") == true
        }
        #expect(found.contains(" / \(title.lowercased())"))
        try session.send("Enter")
        try await session.waitFor("Enter to open the node") { $0.row(1) == " \(title)" }
        try await session.quitTrailhead()
    }
}

/// The interface saves its search index as a snapshot once it is built, and the next session
/// searches through that snapshot instead of building the index again.
@Suite(.timeLimit(.minutes(1)))
struct SearchSnapshotSessionTests {
    @Test func aSessionSavesItsSearchSnapshotAndTheNextSearchesThroughIt() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let cache = session.home.appendingPathComponent(".cache/trailhead").path
        func snapshots() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasPrefix("search") && $0.hasSuffix(".bin") }
        }
        func identity() -> UInt64? {
            snapshots().first.flatMap { try? FileManager.default.attributesOfItem(atPath: cache + "/" + $0)[.systemFileNumber] as? UInt64 }
        }
        var saved: UInt64?
        for round in 1...2 {
            try await session.openTrailhead([])
            try session.send("/")
            try await session.waitFor("/ to open the search pane (session \(round))") { $0.contains("Type to search") }
            try session.type("rucio download")
            try await session.waitFor("'rucio download' to put the download node first (session \(round))") {
                $0.selectedRow?.hasPrefix(" ▸ Download data from the data lake") == true
            }
            if round == 1 {
                // Saved in the background after the index is in use: polled, not waited for blindly.
                let deadline = ContinuousClock.now + .seconds(10) * E2E.timeScale
                while snapshots().isEmpty && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
                #expect(snapshots().count == 1, "the first session saved no search snapshot in \(cache)")
                saved = identity()
            }
            try session.send("Escape")
            try await session.waitFor("Escape to close the search pane (session \(round))") { !$0.contains("Type to search") && !$0.contains(" / rucio") }
            try await session.quitTrailhead()
        }
        // A session that built its index again would have replaced the file (a new inode) by now:
        // for the bundled trees the save takes milliseconds, long before the keys that quit.
        #expect(saved != nil && identity() == saved, "the second session replaced the snapshot instead of searching through it")
    }
}
