import Foundation
import Testing

/// `trailhead history` over a progress file written as the interface would write it.
struct HistoryCommandTests {
    static func stateHome(_ progress: String?) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailhead-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/trailhead", withIntermediateDirectories: true)
        if let progress { try Data(progress.utf8).write(to: URL(fileURLWithPath: directory + "/trailhead/progress")) }
        return directory
    }

    static let stored = """
    trailhead-progress 1
    at\t1764150000\tescape-vre/start escape-vre/data
    visit\t1764150000\tviewed\tescape-vre/rucio-download\t
    visit\t1764150060\tprinted\tescape-vre/rucio-download\trucio download --dir data 'user.jdoe:run1'
    visit\t1764150120\topened\tescape-vre/gone-node\thttps://example.org/\\u{1b}]0;pwned\\u{7}

    """.replacingOccurrences(of: "\\u{1b}", with: "\u{1b}").replacingOccurrences(of: "\\u{7}", with: "\u{7}")

    @Test func listsWhatWasOpenedNewestFirstWithTitlesAndSafeText() throws {
        let home = try Self.stateHome(Self.stored)
        let outcome = try CLIRunner.run(["history"], environment: ["XDG_STATE_HOME": home, "TZ": "UTC"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 4, "\(outcome.stdout)")
        #expect(lines[0] == "2025-11-26 09:42  opened   escape-vre/gone-node  (escape-vre/gone-node)")
        #expect(lines[1] == "                         https://example.org/\\e]0;pwned\\a" || lines[1].contains("https://example.org/"), "\(lines[1].debugDescription)")
        #expect(!outcome.stdout.contains("\u{1b}"), "no escape character reaches the terminal")
        #expect(lines[2] == "2025-11-26 09:41  printed  Download data from the data lake  (escape-vre/rucio-download)")
        let all = try CLIRunner.run(["history", "--all", "--limit", "10"], environment: ["XDG_STATE_HOME": home, "TZ": "UTC"])
        #expect(all.stdout.contains("viewed"))
    }

    @Test func jsonListsVisitsAndPositions() throws {
        let home = try Self.stateHome(Self.stored)
        let json = try CLIRunner.run(["history", "--json", "--all"], environment: ["XDG_STATE_HOME": home]).json
        let visits = try #require(json["visits"] as? [[String: Any]])
        #expect(visits.map { $0["kind"] as? String } == ["opened", "printed", "viewed"])
        #expect(visits[0]["title"] is NSNull)
        #expect(visits[1]["title"] as? String == "Download data from the data lake")
        #expect(visits[1]["time"] as? Int == 1_764_150_060)
        let positions = try #require(json["positions"] as? [[String: Any]])
        #expect(positions.first?["route"] as? [String] == ["escape-vre/start", "escape-vre/data"])
    }

    @Test func aDamagedFileIsReportedOnceAndIgnored() throws {
        let home = try Self.stateHome("trailhead-progress 1\nat\tnot-a-time\tx/y\n")
        let outcome = try CLIRunner.run(["history"], environment: ["XDG_STATE_HOME": home])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "trailhead: warning: ignoring damaged progress file \(home)/trailhead/progress (line 2: a position needs a time and a route); it will be rewritten\n")
        #expect(outcome.stdout.hasPrefix("Nothing opened yet"))
    }

    @Test func clearForgetsAndNoStateTurnsItOff() throws {
        let home = try Self.stateHome(Self.stored)
        let cleared = try CLIRunner.run(["history", "--clear"], environment: ["XDG_STATE_HOME": home])
        #expect(cleared.status == 0)
        #expect(!FileManager.default.fileExists(atPath: home + "/trailhead/progress"))
        let off = try CLIRunner.run(["history"], environment: ["TRAILHEAD_NO_STATE": "1"])
        #expect(off.stderr.contains("nothing is remembered: TRAILHEAD_NO_STATE is set"))
    }

    /// A node key with an escape sequence (a planted or damaged file) never reaches the terminal.
    @Test func anUnknownNodeKeyIsNeverPrintedRaw() throws {
        let home = try Self.stateHome("trailhead-progress 1\nvisit\t1764150120\topened\tlogin-node/x\u{1b}]2;PWNED\u{7}\tdetail\n")
        let outcome = try CLIRunner.run(["history"], environment: ["XDG_STATE_HOME": home])
        #expect(outcome.status == 0)
        #expect(!(outcome.stdout + outcome.stderr).contains("\u{1b}"), "\((outcome.stdout + outcome.stderr).debugDescription)")
        #expect(outcome.stderr.contains("ignoring damaged progress file"))
    }

    /// When the file cannot be removed, --clear says so and fails, instead of claiming it forgot.
    @Test func clearThatCannotRemoveTheFileFails() throws {
        let home = try Self.stateHome(nil)
        try FileManager.default.createDirectory(atPath: home + "/trailhead/progress/kept", withIntermediateDirectories: true)
        let outcome = try CLIRunner.run(["history", "--clear"], environment: ["XDG_STATE_HOME": home])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("could not forget your progress: \(home)/trailhead/progress remains"), "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("Forgot"))
    }

    /// A relative HOME (and no XDG_STATE_HOME) remembers nothing rather than writing into the
    /// working directory.
    @Test func aRelativeHomeWritesNothingHere() throws {
        let directory = try CLIRunner.treeDirectory([:])
        let outcome = try CLIRunner.run(["history", "--clear"], environment: ["HOME": "relative"], directory: directory)
        #expect(outcome.stderr.contains("nothing is remembered"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}
