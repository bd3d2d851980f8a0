import Foundation
import Testing
@testable import TrailheadCore

/// Remembering where a user was and what they opened, and reading it back safely.
struct ProgressTests {
    static let catalog = TestTrees.catalog([TestTrees.minimal()])
    static func key(_ node: String) -> NodeKey { NodeKey(tree: "demo", node: node) }

    @Test func theFileRoundTripsIncludingAwkwardDetails() throws {
        var progress = Progress()
        progress.remember(.init(time: 100, route: [Self.key("start"), Self.key("data")]))
        progress.record(.init(time: 101, kind: .opened, node: Self.key("data"), detail: "https://data.example.org"))
        progress.record(.init(time: 102, kind: .printed, node: Self.key("data"), detail: "echo 'a\tb'\nls \\x"))
        let text = ProgressFile.encode(progress)
        #expect(text.hasPrefix("trailhead-progress 1\nat\t100\tdemo/start demo/data\nvisit\t101\topened\tdemo/data\thttps://data.example.org\n"))
        #expect(!text.dropLast().split(separator: "\n").contains { $0.hasPrefix("ls") }, "a newline in a detail is escaped")
        #expect(try ProgressFile.decode(text) == progress)
    }

    @Test func aDamagedFileNamesTheLineAndUnknownLinesAreSkipped() {
        #expect(throws: ProgressFile.Corrupt(line: 1, reason: "expected 'trailhead-progress 1'")) { try ProgressFile.decode("{}") }
        #expect(throws: ProgressFile.Corrupt(line: 3, reason: "a position needs a time and a route")) {
            try ProgressFile.decode("trailhead-progress 1\nat\t1\tdemo/start\nat\tsoon\tdemo/start\n")
        }
        #expect(throws: ProgressFile.Corrupt(line: 2, reason: "'nonsense' is not tree/node")) {
            try ProgressFile.decode("trailhead-progress 1\nvisit\t1\topened\tnonsense\tx\n")
        }
        #expect(throws: ProgressFile.Corrupt(line: 2, reason: "a route stays in one tree")) {
            try ProgressFile.decode("trailhead-progress 1\nat\t1\ta/x b/y\n")
        }
        #expect(throws: ProgressFile.Corrupt.self) { try ProgressFile.decode("trailhead-progress 1\nvisit\t1\texploded\tdemo/x\t\n") }
        #expect((try? ProgressFile.decode("trailhead-progress 1\nbookmark\tfrom a newer version\n")) == Progress())
    }

    @Test func positionsAreOnePerTreeNewestFirstAndVisitsAreCapped() {
        var progress = Progress()
        progress.remember(.init(time: 1, route: [Self.key("start"), Self.key("data")]))
        progress.remember(.init(time: 2, route: [NodeKey(tree: "other", node: "x")]))
        progress.remember(.init(time: 3, route: [Self.key("start"), Self.key("docs")]))
        #expect(progress.positions.map(\.time) == [3, 2])
        for time in 0..<(Progress.maximumVisits + 10) {
            progress.record(.init(time: time, kind: .opened, node: Self.key("data"), detail: "u"))
        }
        #expect(progress.visits.count == Progress.maximumVisits)
        #expect(progress.visits.first?.time == 10)
        progress.record(.init(time: 1000, kind: .viewed, node: Self.key("docs"), detail: ""))
        progress.record(.init(time: 1001, kind: .viewed, node: Self.key("docs"), detail: ""))
        #expect(progress.visits.last?.time == 1000, "reading the same page twice in a row is one visit")
    }

    @Test func mergingKeepsWhatAnotherSessionWrote() {
        let stored = Progress(positions: [.init(time: 5, route: [NodeKey(tree: "other", node: "x")])],
                              visits: [.init(time: 5, kind: .opened, node: Self.key("data"), detail: "a")])
        let session = Progress(positions: [.init(time: 9, route: [Self.key("start"), Self.key("data")])],
                               visits: [.init(time: 9, kind: .copied, node: Self.key("data"), detail: "b")])
        let merged = stored.merged(with: session)
        #expect(merged.positions.map(\.tree) == ["demo", "other"])
        #expect(merged.visits.map(\.detail) == ["a", "b"])
    }

    @Test func resumingRebuildsTheBreadcrumbWithTodaysLabelsAndSkipsStaleOrStartPlaces() throws {
        var progress = Progress()
        progress.remember(.init(time: 1, route: [Self.key("start"), Self.key("data")]))
        let (trail, time) = try #require(progress.resumableTrail(in: Self.catalog))
        #expect(time == 1)
        #expect(trail.current == Self.key("data"))
        #expect(trail.steps.map(\.label) == ["Data"])
        #expect(progress.resumableTrail(in: Self.catalog, tree: "other") == nil, "only the tree asked for")
        let stale = Progress(positions: [.init(time: 2, route: [Self.key("start"), Self.key("gone")])])
        #expect(stale.resumableTrail(in: Self.catalog) == nil, "a node no longer in the tree is not offered")
        let jumped = Progress(positions: [.init(time: 3, route: [Self.key("data"), Self.key("docs")])])
        #expect(jumped.resumableTrail(in: Self.catalog)?.trail.steps.map(\.label) == ["Documentation"], "a route that no longer exists falls back to the walk from the start")
        let atStart = Progress(positions: [.init(time: 4, route: [Self.key("start")])])
        #expect(atStart.resumableTrail(in: Self.catalog) == nil)
    }

    @Test func theRecorderNotesPlacesAndWhatWasOpenedButNeverTheStartAlone() {
        var navigator = Navigator(catalog: Self.catalog, size: ScreenSize(columns: 80, rows: 24), version: "t")
        var recorder = ProgressRecorder()
        recorder.observe(navigator, effect: nil, now: 10)
        #expect(recorder.session == Progress())
        navigator.handle(.chooseNumber(1))
        recorder.observe(navigator, effect: nil, now: 11)
        let effect = navigator.handle(.choose)
        #expect(effect == .openLink("https://data.example.org"))
        recorder.observe(navigator, effect: effect, now: 12)
        #expect(recorder.session.positions.map(\.route) == [[Self.key("start"), Self.key("data")]])
        #expect(recorder.session.visits.map(\.kind) == [.viewed, .opened])
        #expect(recorder.session.visits.last?.detail == "https://data.example.org")
    }

    @Test func rResumesFromTheOfferAndTheOfferGoesAwayOnceTheUserMoves() throws {
        var navigator = Navigator(catalog: Self.catalog, size: ScreenSize(columns: 80, rows: 24), version: "t")
        let trail = try #require(Progress(positions: [.init(time: 1, route: [Self.key("start"), Self.key("data")])]).resumableTrail(in: Self.catalog)?.trail)
        navigator.handle(.offerResume(ResumeOffer(trail: trail, ago: "2 hours ago")))
        let rows = Renderer.render(navigator).rows.map { $0.map(\.text).joined() }
        #expect(rows[rows.count - 2].hasPrefix(" r resumes where you left off: Demo tree › Get data (2 hours ago)"))
        #expect(KeyBindings.action(for: .character("r"), in: navigator.state) == .resume)
        navigator.handle(.resume)
        #expect(navigator.state.trail == trail)
        #expect(navigator.state.resumeOffer == nil)
        navigator.handle(.resume)
        #expect(navigator.state.status == "Nothing to resume: this is your first walk here")
    }

    @Test(arguments: [(0, "just now"), (59, "just now"), (60, "1 minute ago"), (7200, "2 hours ago"), (86400 * 3, "3 days ago"), (86400 * 90, "3 months ago")])
    func relativeTimes(seconds: Int, phrase: String) {
        #expect(RelativeTime.phrase(from: 1000, to: 1000 + seconds) == phrase)
    }

    @Test func theStateLocationFollowsXDGAndCanBeTurnedOff() {
        #expect(ProgressLocation.path(environment: ["HOME": "/h"]) == "/h/.local/state/trailhead/progress")
        #expect(ProgressLocation.path(environment: ["HOME": "/h", "XDG_STATE_HOME": "/s"]) == "/s/trailhead/progress")
        #expect(ProgressLocation.path(environment: ["HOME": "/h", "XDG_STATE_HOME": "relative"]) == "/h/.local/state/trailhead/progress")
        #expect(ProgressLocation.path(environment: ["HOME": "/h", "TRAILHEAD_NO_STATE": "1"]) == nil)
    }
}

/// The progress file on a machine where many sessions end at once, or with a hostile file.
@Suite struct ProgressStoreTests {
    static func scratch() -> String {
        "/tmp/trailhead-progress-\(getpid())-\(Int.random(in: 0..<1_000_000))"
    }

    /// Twenty sessions saving at the same moment each keep their visit: load, merge and rename
    /// happen under one lock.
    @Test func sessionsSavingAtOnceLoseNothing() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard case .success(let found) = ProgressStore.standard(environment: ["XDG_STATE_HOME": directory], userID: getuid()),
              let store = found else {
            Issue.record("no store")
            return
        }
        DispatchQueue.concurrentPerform(iterations: 20) { session in
            // Each session has its own descriptors, as separate processes would.
            let own = ProgressStore(path: store.path, fileSystem: LocalFileSystem())
            own.save(adding: Progress(visits: [.init(time: session, kind: .opened, node: NodeKey(tree: "t", node: "n\(session)"), detail: "")]))
        }
        let saved = store.load(warn: { Issue.record("\($0)") })
        #expect(Set(saved.visits.map(\.node.node)) == Set((0..<20).map { "n\($0)" }))
    }

    /// A node key that no tree could have (here an escape sequence that retitles the terminal)
    /// makes the file damaged, so it never reaches the screen.
    @Test func aKeyNoTreeCouldHaveIsRefused() {
        #expect(throws: ProgressFile.Corrupt.self) {
            try ProgressFile.decode("\(ProgressFile.header)\nvisit\t1\topened\tlogin-node/x\u{1B}]2;PWNED\u{07}\t\n")
        }
        #expect(throws: ProgressFile.Corrupt.self) {
            try ProgressFile.decode("\(ProgressFile.header)\nat\t1\tLogin-Node/start\n")
        }
    }

    @Test func aRelativeHomeRemembersNothing() {
        #expect(ProgressLocation.path(environment: ["HOME": "relative/home"]) == nil)
        #expect(ProgressLocation.path(environment: ["HOME": ""]) == nil)
    }

    /// A state directory another user can write to is not used.
    @Test func aStateDirectoryOthersCanChangeIsRefused() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        LocalFileSystem.makeDirectories(directory + "/trailhead")
        chmod(directory + "/trailhead", 0o777)
        guard case .failure(let refusal) = ProgressStore.standard(environment: ["XDG_STATE_HOME": directory], userID: getuid()) else {
            Issue.record("a world-writable state directory was used")
            return
        }
        #expect(refusal.message == "not remembering progress in \(directory)/trailhead: other users can write to it (chmod go-w to trust it)")
    }
}
