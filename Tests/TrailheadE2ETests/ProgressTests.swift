import Foundation
import Testing

/// Resumable progress as a returning user meets it: quit deep in a tree, start again, press r.
@Suite(.timeLimit(.minutes(1)))
struct ProgressTests {
    static let openData = " Trailhead › … › Find, download or share data › Public open data (no account needed)"

    @Test func theNextStartOffersToResumeAndRTakesYouBackWithTheBreadcrumb() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        try await session.openTrailhead(["escape-vre"])
        try session.send("2")
        try await session.waitFor("2 to open the data question") { $0.row(1) == " What kind of data are you after?" }
        try session.send("1")
        try await session.waitFor("1 to open the open-data question") { $0.barRow == Self.openData }
        try await session.quitTrailhead()

        let stateFile = session.home.appendingPathComponent(".local/state/trailhead/progress").path
        let stored = try String(contentsOfFile: stateFile, encoding: .utf8)
        #expect(stored.contains("at\t") && stored.hasSuffix("escape-vre/start escape-vre/data escape-vre/open-data\n"), "\(stored)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (stateFile as NSString).deletingLastPathComponent)
        #expect(leftovers == ["progress"], "written through a temporary file and a rename")

        let again = try await session.openTrailhead(["escape-vre"])
        #expect(again.row(1) == " What do you want to do?", "a new start still opens at the start\n\(again)")
        #expect(again.statusRow.hasPrefix(" r resumes where you left off: ESCAPE Virtual Research Environment › Which open data?"), "\(again)")
        #expect(again.statusRow.contains("(just now)") || again.statusRow.contains("minute"), "\(again.statusRow)")
        try session.send("r")
        try await session.waitFor("r to resume at the open-data question") { $0.barRow == Self.openData }
        try session.send("Escape")
        try await session.waitFor("Esc goes back along the resumed breadcrumb") {
            $0.row(1) == " What kind of data are you after?" && $0.selectedRow?.hasPrefix(" ▸ 1  Public open data") == true
        }
        try await session.quitTrailhead()
    }

    @Test func noStateNeitherOffersNorWrites() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30, environment: ["TRAILHEAD_NO_STATE": "1"])
        defer { session.shutdown() }
        try await session.openTrailhead(["escape-vre"])
        try session.send("2")
        try await session.waitFor("2 to open the data question") { $0.row(1) == " What kind of data are you after?" }
        try await session.quitTrailhead()
        let again = try await session.openTrailhead(["escape-vre"])
        #expect(!again.statusRow.contains("resume"), "\(again)")
        try await session.quitTrailhead()
        #expect(!FileManager.default.fileExists(atPath: session.home.appendingPathComponent(".local/state/trailhead").path))
    }
}
