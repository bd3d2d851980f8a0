import Foundation
import Testing

/// Escape sequences planted in tree file names and contents change nothing about the terminal,
/// and hostile links reach a stub opener as exactly one argument, never through a shell.
@Suite(.timeLimit(.minutes(1)))
struct HostileTerminalTests {
    /// A file name that sets the window title (OSC 0 and 2), switches to the alternate screen,
    /// the keypad and bracketed paste, writes the clipboard (OSC 52), and uses C1 CSI, DEL, RLO
    /// and ZWSP. Each sequence is followed by a marker so the recorded bytes show which one leaked.
    static let hostileName = "n\u{1B}]0;PWN0\u{07}\u{1B}]2;PWN2\u{07}\u{1B}[?1049hMODE1\u{1B}[?1hMODE2\u{1B}[?2004hMODE3"
        + "\u{1B}]52;c;cHduZWQ=\u{07}\u{9B}?1049hMODE4\u{7F}\u{202E}\u{200B}.yaml"
    static let shownName = "n^[]0;PWN0^G^[]2;PWN2^G^[[?1049hMODE1^[[?1hMODE2^[[?2004hMODE3^[]52;c;cHduZWQ=^G<U+009B>?1049hMODE4^?<U+202E><U+200B>.yaml"
    static let flags = "#{pane_title}|#{alternate_on}|#{keypad_flag}|#{keypad_cursor_flag}|#{mouse_any_flag}|#{origin_flag}|#{insert_flag}"

    @Test func plantedSequencesChangeNeitherTitleNorModesNorClipboard() async throws {
        let session = try await TmuxSession(columns: 250, rows: 30)
        defer { session.shutdown() }
        let raw = session.home.appendingPathComponent("pane.raw").path
        let trees = try E2E.treeDirectory(in: session.home, [
            "good.yaml": TreeTextTests.goodTree, "hostile.yaml": TreeTextTests.hostileTree, Self.hostileName: TreeTextTests.hostileTree,
        ])
        let before = try session.format(Self.flags)
        let buffers = try session.buffers()
        try session.recordOutput(to: raw)

        try session.runTrailhead(["--trees", trees, "--no-default-trees"])
        let ui = try await session.waitFor("the interface, naming the broken files in its status row") {
            $0.showsInterface && $0.statusRow.contains("skipped 2 broken tree files")
        }
        #expect(ui.statusRow.contains("n^[]0;PWN0^G^[]2;PWN2^G"), "\(ui.statusRow)")
        #expect(try session.format("#{pane_title}") == before.prefix { $0 != "|" }.description, "the title changed while trailhead runs")
        try await session.quitTrailhead()

        for arguments in [["validate", trees], ["list", "--sources", "--trees", trees, "--no-default-trees"]] {
            try session.runShell("clear; " + (try session.trailheadCommand(arguments)))
            let shown = try await session.waitFor("`trailhead \(arguments[0])` to show the file name made visible", joinWrapped: true) {
                $0.promptIsBack && $0.contains(Self.shownName)
            }
            #expect(!shown.contains("MODE1\n"), "\(shown)")
        }
        try await LauncherTests.waitForFile(raw, "the file name, shown made visible, in the recorded output") {
            $0.components(separatedBy: "PWN2^G").count >= 4
        }

        #expect(try session.format(Self.flags) == before, "title or modes differ after trailhead quit")
        #expect(try session.buffers() == buffers, "an OSC 52 write reached tmux's clipboard")
        let bytes = String(decoding: FileManager.default.contents(atPath: raw) ?? Data(), as: UTF8.self)
        for leak in ["\u{1B}]0;PWN0", "\u{1B}]2;PWN2", "\u{1B}[?1049hMODE1", "\u{1B}[?1hMODE2", "\u{1B}[?2004hMODE3",
                     "\u{1B}]52;c;cHduZWQ=", "\u{9B}?1049hMODE4", "\u{7F}", "\u{202E}", "\u{200B}", "PWN0\u{07}"] {
            #expect(!bytes.contains(leak), "the pane received \(leak.debugDescription)")
        }
    }

    /// A directory of recording stubs: the openers, the clipboard programs and the shells.
    static func stubs(in home: URL, log: String) throws -> String {
        let directory = home.appendingPathComponent("stub-bin")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["xdg-open", "xclip", "wl-copy", "xsel", "sh", "bash", "dash"] {
            // One record per run: the program, its argument count, each argument, then stdin for the clipboards.
            let readsInput = ["xclip", "wl-copy", "xsel"].contains(name)
            let script = """
                #!/bin/sh
                { printf '%s %s\\n' \(name) "$#"; for a in "$@"; do printf '[%s]\\n' "$a"; done\(readsInput ? "; printf 'stdin[%s]\\n' \"$(cat)\"" : ""); } >> \(E2E.shellQuote(log))

                """
            let path = directory.appendingPathComponent(name)
            try Data(script.utf8).write(to: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
        }
        return directory.path
    }

    static let hostileURLs = [
        "https://example.org/a;b&c$(id)'q",
        "https://example.org/--help",
        "https://example.org/%0Aid",
        "https://xn--pple-43d.com/",
        "https://\u{0430}pple.example/",
        "https://example.org/" + String(repeating: "x", count: 3000),
    ]

    @Test func hostileLinksAndCommandsReachTheStubsAsOneArgumentWithoutAShell() async throws {
        let session = try await TmuxSession(columns: 120, rows: 40)
        defer { session.shutdown() }
        let log = session.home.appendingPathComponent("stub.log").path
        let stubs = try Self.stubs(in: session.home, log: log)
        var tree = """
            format: 1
            id: links
            title: Hostile links
            description: Links full of shell syntax.
            start: page
            nodes:
              page:
                title: Links
                commands:
                  - run: "echo 'a;b' $(id) `id` | cat"
                    does: Shell syntax to copy.
                links:

            """
        for (index, url) in Self.hostileURLs.enumerated() {
            tree += "      - url: \"\(url.replacingOccurrences(of: "\"", with: "\\\""))\"\n        label: Link \(index + 1)\n"
        }
        let trees = try E2E.treeDirectory(in: session.home, ["links.yaml": tree])
        // A local X display and no $BROWSER: links go to xdg-open, copies to xclip, both stubs.
        let command = "PATH=\(E2E.shellQuote(stubs)):\"$PATH\" DISPLAY=:99 " + (try session.trailheadCommand(["--trees", trees, "--no-default-trees", "links"]))
        try session.runShell(command)
        try await session.waitFor("the links page, the first link selected") {
            $0.showsInterface && $0.row(1) == " Links" && $0.selectedRow == " ▸ ↗ Link 1"
        }
        for index in Self.hostileURLs.indices {
            if index > 0 { try session.send("Down") }
            try await session.waitFor("link \(index + 1) selected") { $0.selectedRow == " ▸ ↗ Link \(index + 1)" }
            try session.send("Enter")
            try await LauncherTests.waitForFile(log, "xdg-open to receive link \(index + 1)") {
                $0.components(separatedBy: "xdg-open 1\n").count == index + 2
            }
        }
        try session.send("Down")
        try await session.waitFor("the command selected") { $0.selectedRow?.hasPrefix(" ▸ $ echo") == true }
        try session.send("c")
        try await LauncherTests.waitForFile(log, "c to copy the command through the xclip stub") { $0.contains("stdin[") }
        try await session.quitTrailhead()

        let recorded = try String(contentsOfFile: log, encoding: .utf8)
        var expected = ""
        for url in Self.hostileURLs { expected += "xdg-open 1\n[\(url)]\n" }
        expected += "xclip 2\n[-selection]\n[clipboard]\nstdin[echo 'a;b' $(id) `id` | cat]\n"
        #expect(recorded == expected, "what the stubs received:\n\(recorded)")
        #expect(!recorded.contains("sh ") && !recorded.contains("bash ") && !recorded.contains("dash "), "a shell was started")
    }
}
