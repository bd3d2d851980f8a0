import Foundation
import Testing
@testable import TrailheadCore

/// What `preview` and `validate --watch` rest on: noticing a saved file, and keeping the walk
/// where it was over the trees read again.
@Suite struct LiveReloadTests {
    private func scratch() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("th-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aWatchNoticesWritesRenamesNewAndRemovedFilesOnce() throws {
        let directory = try scratch()
        let file = directory + "/lab.yaml"
        try "a: 1\n".write(toFile: file, atomically: false, encoding: .utf8)
        var watch = FileWatch(paths: [directory])
        #expect(watch.files == [file])
        #expect(watch.changes() == [])
        try "a: 22\n".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(watch.changes() == [file], "written in place")
        #expect(watch.changes() == [], "each change is told once")
        try "a: 33\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(watch.changes() == [file], "saved by rename, as editors do")
        try "b: 1\n".write(toFile: directory + "/more.yml", atomically: false, encoding: .utf8)
        try "not a tree".write(toFile: directory + "/notes.txt", atomically: false, encoding: .utf8)
        #expect(watch.changes() == [directory + "/more.yml"], "a new tree file, not any file")
        try FileManager.default.removeItem(atPath: file)
        #expect(watch.changes() == [file])
        var single = FileWatch(paths: [directory + "/absent.yaml"])
        try "c: 1\n".write(toFile: directory + "/absent.yaml", atomically: false, encoding: .utf8)
        #expect(single.changes() == [directory + "/absent.yaml"], "a named file that appears")
    }

    @Test func aReloadKeepsTheWalkWhereItWas() {
        let catalog = TestTrees.catalog([TestTrees.minimal()])
        var navigator = Navigator(catalog: catalog, size: ScreenSize(columns: 80, rows: 24), version: "9.9")
        navigator.handle(.move(1))
        navigator.handle(.choose)
        #expect(navigator.state.trail?.current == NodeKey(tree: "demo", node: "docs"))
        let renamed = TestTrees.catalog([TestTrees.minimal().replacing("title: Read the docs", with: "title: Read the manual")])
        let same = navigator.reloaded(with: renamed, status: "read again")
        #expect(same.state.trail == navigator.state.trail)
        #expect(same.state.status == "read again")
        #expect(same.layout.lines.contains { $0.spans.map(\.text).joined().contains("Read the manual") })
        let gone = TestTrees.catalog([TestTrees.minimal().replacing("goto: docs", with: "goto: data").replacing("  docs:\n", with: "  manual:\n")])
        let back = navigator.reloaded(with: gone, status: nil)
        #expect(back.state.trail?.current == NodeKey(tree: "demo", node: "start"), "the last node of the walk still there")
        #expect(back.state.trail?.steps == [])
    }
}
