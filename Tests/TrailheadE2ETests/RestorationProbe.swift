import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs trailhead in a tmux pane through a small script that compares `stty -g` before and after
/// and reports the exit status, and compares the pane's terminal modes with how they started.
///
/// The script is a non-interactive bash on purpose: an interactive bash puts its own saved
/// terminal settings back when a job dies from a signal, which would hide a crash path that
/// forgot to restore them.
final class RestorationProbe {
    let session: TmuxSession
    /// The pane's modes at the prompt before any run; every run must leave exactly these.
    private(set) var baseline = ""
    private var runs = 0
    private let scriptPath: String

    /// What tmux knows of the pane's modes: alternate screen, cursor, keypad, cursor keys, every
    /// mouse mode, insert, origin, wrap and the scroll region.
    static let modesFormat = [
        "alternate=#{alternate_on}", "cursor=#{cursor_flag}", "keypad=#{keypad_flag}",
        "cursor-keys=#{keypad_cursor_flag}",
        "mouse=#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_all_flag}#{mouse_utf8_flag}#{mouse_sgr_flag}",
        "insert=#{insert_flag}", "origin=#{origin_flag}", "wrap=#{wrap_flag}",
        "scroll-region=#{scroll_region_upper}-#{scroll_region_lower}",
    ].joined(separator: " ")

    /// `probe TAG COMMAND-LINE`: prints `START TAG`, runs the line, then
    /// `DONE TAG status=N stty=same` (or `stty=changed …`).
    private static let script = """
        #!/bin/bash
        ulimit -c 0
        set -o pipefail
        before=$(stty -g)
        echo "START $1"
        eval "$2"
        status=$?
        after=$(stty -g)
        if [ "$after" = "$before" ]; then stty=same; else stty="changed from $before to $after"; fi
        echo "DONE $1 status=$status stty=$stty"
        """

    init(session: TmuxSession) throws {
        self.session = session
        scriptPath = session.home.appendingPathComponent("probe").path
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: scriptPath))
        chmod(scriptPath, 0o755)
    }

    /// Records the pane's modes at the prompt, after any shell setup the scenario needs.
    func recordBaseline(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await session.waitFor("the prompt before recording the terminal modes", sourceLocation: sourceLocation) { $0.promptIsBack }
        baseline = try session.format(Self.modesFormat)
    }

    /// Starts `trailhead ARGUMENTS` (on the checkout's trees) through the probe, with `prefix`
    /// before it and `suffix` after it on the command line, and waits for the interface.
    /// Returns the run's tag.
    func start(
        _ arguments: [String], prefix: String = "", suffix: String = "", sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        runs += 1
        let tag = "r\(runs)"
        let trailhead = try session.trailheadCommand(["--trees", E2E.trees, "--no-default-trees"] + arguments)
        try session.runShell("\(E2E.shellQuote(scriptPath)) \(tag) \(E2E.shellQuote(prefix + trailhead + suffix))")
        try await session.waitFor("the interface to open (run \(tag))", sourceLocation: sourceLocation) { $0.showsInterface }
        return tag
    }

    /// Waits for run `tag` to end and lists what differs from a clean ending: the exit status,
    /// `stty -g`, and the pane's modes.
    func finish(_ tag: String, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) async throws -> (problems: [String], screen: String) {
        let done = "DONE \(tag) "
        let screen = try await session.waitFor("the probe to report how run \(tag) ended", sourceLocation: sourceLocation) { screen in
            screen.promptIsBack && screen.screenRows.contains { $0.hasPrefix(done) }
        }
        var problems: [String] = []
        let report = screen.screenRows.first { $0.hasPrefix(done) } ?? ""
        if report != "\(done)status=\(status) stty=same" {
            problems.append("expected exit status \(status) and unchanged stty -g, got: \(report)")
        }
        problems += try modeProblems()
        return (problems, screen)
    }

    /// The pane's modes, when they differ from the baseline.
    func modeProblems() throws -> [String] {
        let modes = try session.format(Self.modesFormat)
        return modes == baseline ? [] : ["terminal modes \(modes), before: \(baseline)"]
    }

    /// The rows a run printed on the normal screen, from its START line to its DONE line.
    static func rows(of tag: String, in screen: String) -> [String]? {
        let rows = screen.screenRows
        guard let start = rows.firstIndex(of: "START \(tag)"),
              let end = rows.firstIndex(where: { $0.hasPrefix("DONE \(tag) ") }), start < end else { return nil }
        return Array(rows[start...end])
    }

    // MARK: - The trailhead process

    /// The one trailhead process in the pane (the pane's shell itself after `exec`), polling
    /// briefly in case the shell that started it is still being replaced.
    static func trailheadPID(in session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) async throws -> pid_t {
        let pane = try #require(pid_t(try session.format("#{pane_pid}")), sourceLocation: sourceLocation)
        let deadline = ContinuousClock.now + .seconds(2)
        while true {
            let found = ([pane] + E2E.descendants(of: pane)).filter { Self.command(of: $0) == "trailhead" && E2E.isRunning($0) }
            if found.count == 1 { return found[0] }
            if ContinuousClock.now >= deadline {
                try #require(found.count == 1, "trailhead processes under the pane's shell \(pane): \(found)", sourceLocation: sourceLocation)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// `/proc/PID/comm`: the program's name, at most 15 bytes.
    static func command(of pid: pid_t) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .newlines)
    }

    /// User plus system CPU time in clock ticks (`/proc/PID/stat` fields 14 and 15); nil once the
    /// process is gone.
    static func cpuTicks(of pid: pid_t) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }
}
