import Foundation
import Testing

/// What the interface does to the terminal: sizes, colours, signals, and what it leaves behind.
@Suite(.timeLimit(.minutes(1)))
struct TerminalTests {
    static let explanation = "Pick the answer closest to what you need right now; you can always go back. If nothing here makes sense to you, that is our fault, not yours: choose \"Get help\" and tell us."

    @Test func redrawsWhenTheWindowIsResized() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let first = try await session.openTrailhead(["escape-vre"])
        session.expectScreenFits(first)

        for (columns, rows) in [(60, 15), (120, 40)] {
            try session.resize(columns: columns, rows: rows)
            let screen = try await session.waitFor("a redraw at \(columns)×\(rows): bar on row 0, keys on the last row") {
                $0.screenRows.count == rows && $0.showsInterface && $0.footerRow.hasPrefix(" ↑↓ move")
                    && $0.row(1) == " What do you want to do?" && $0.selectedRow?.hasPrefix(" ▸ 1  Get access") == true
            }
            session.expectScreenFits(screen)
            #expect(screen.barRow == " Trailhead › ESCAPE Virtual Research Environment")
            // The explanation is re-wrapped to the new width, every word still there.
            let paragraph = screen.screenRows.dropFirst(3).prefix { !$0.isEmpty }
            #expect(paragraph.allSatisfy { E2E.displayWidth($0) <= columns })
            #expect(paragraph.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == Self.explanation, "\(screen)")
        }
        try await session.quitTrailhead()
    }

    @Test func tinyWindowSaysTooSmallAndQStillQuits() async throws {
        let session = try await TmuxSession(columns: 30, rows: 8)
        defer { session.shutdown() }
        try session.runTrailhead(["--trees", E2E.trees, "--no-default-trees", "escape-vre"])
        let tiny = try await session.waitFor("'Terminal too small' at 30×8") { $0.row(0) == "Terminal too small" }
        session.expectScreenFits(tiny)
        #expect(tiny.contains("40×10"), "says what size it needs")

        try session.resize(columns: 80, rows: 24)
        let big = try await session.waitFor("the interface after enlarging to 80×24") {
            $0.screenRows.count == 24 && $0.showsInterface && $0.row(1) == " What do you want to do?"
        }
        session.expectScreenFits(big)

        try session.resize(columns: 30, rows: 8)
        try await session.waitFor("'Terminal too small' again at 30×8") { $0.row(0) == "Terminal too small" }
        try await session.quitTrailhead()
    }

    @Test func noColorKeepsTheInterfaceUsableWithoutColourCodes() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30, environment: ["NO_COLOR": "1"])
        defer { session.shutdown() }
        // Control: without NO_COLOR the same screen has colours, so the check below can fail.
        try session.runShell("env -u NO_COLOR " + session.trailheadCommand(["--trees", E2E.trees, "--no-default-trees", "escape-vre"]))
        try await session.waitFor("the interface, in colour") { $0.showsInterface && $0.row(1) == " What do you want to do?" }
        let colored = try session.screenWithAttributes()
        #expect(!E2E.colorParameters(in: colored).isEmpty, "without NO_COLOR the title is coloured; capture-pane -e:\n\(colored)")
        try await session.quitTrailhead()

        try await session.openTrailhead(["escape-vre"])
        try session.send("2")
        let screen = try await session.waitFor("2 to open the data question") {
            $0.barRow.hasSuffix(" › Find, download or share data") && $0.selectedRow?.hasPrefix(" ▸ 1  Public open data") == true
        }
        let attributes = try session.screenWithAttributes()
        #expect(E2E.colorParameters(in: attributes).isEmpty, "colour SGR codes with NO_COLOR=1:\n\(attributes.debugDescription)\n\(screen)")
        // Only bold (1), underline (4) and reverse (7), as the README promises: no dim (2).
        // (tmux writes 39 and 49, default colours, when it redraws.)
        let used = Set(E2E.sgrParameters(in: attributes).flatMap { $0 })
        #expect(used.isSubset(of: [0, 1, 4, 7, 22, 24, 27, 39, 49]), "attributes other than bold, underline and reverse with NO_COLOR=1: \(used.sorted())")
        // The selection is still visible: reverse video (SGR 7) is on when the ▸ is drawn.
        let selected = try #require(attributes.screenRows.first { $0.contains("▸") }, "\(attributes)")
        let before = String(selected[..<selected.firstIndex(of: "▸")!])
        #expect(E2E.sgrParameters(in: before).last?.contains(7) == true, "selected row not in reverse video: \(selected.debugDescription)")
        let bar = attributes.screenRows.first ?? ""
        #expect(E2E.sgrParameters(in: bar).first?.contains(7) == true, "bar not in reverse video: \(bar.debugDescription)")
        try await session.quitTrailhead()
    }

    /// A script running trailhead stops at Ctrl-C too: trailhead ends by SIGINT, not by exit 130,
    /// which would tell the shell that the interrupt was handled and the script should go on.
    @Test func ctrlCAlsoStopsTheScriptThatRanTrailhead() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let command = try session.trailheadCommand(["--trees", E2E.trees, "--no-default-trees", "escape-vre"])
        try session.runShell("bash -c \(E2E.shellQuote(command + "; echo SCRIPT-WENT-ON=$?"))")
        try await session.waitFor("the interface to open from a script") { $0.showsInterface }
        try session.send("C-c")
        try await session.expectExitStatus(130)
        let wentOn = try session.screen().split(separator: "\n").filter { $0.hasPrefix("SCRIPT-WENT-ON=") }
        #expect(wentOn.isEmpty, "the script carried on after Ctrl-C: \(wentOn)")
    }

    @Test func ctrlCQuits130AndLeavesASaneTerminal() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        try await session.openTrailhead(["escape-vre"])
        try session.send("j")
        try await session.waitFor("j to move") { $0.selectedRow?.hasPrefix(" ▸ 2") == true }
        try session.send("C-c")
        try await session.expectExitStatus(130)
        #expect(try session.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_cursor_flag}") == "0 1 0 0",
                "alternate screen off, cursor shown, mouse reporting and application cursor keys off")

        try session.runShell("stty -a")
        let stty = try await session.waitFor("the output of stty -a", joinWrapped: true) { screen in
            screen.promptIsBack && screen.screenRows.contains { $0.contains("icanon") }
        }
        let line = try #require(stty.screenRows.first { $0.contains("icanon") })
        let flags = Set(line.split { $0 == " " || $0 == ";" }.map(String.init))
        #expect(flags.isSuperset(of: ["echo", "icanon", "isig", "iexten"]), "stty -a local flags: \(line)")
        #expect(flags.isDisjoint(with: ["-echo", "-icanon", "-isig"]), "stty -a local flags: \(line)")
        let allFlags = Set(stty.split { $0 == " " || $0 == ";" || $0 == "\n" }.map(String.init))
        #expect(allFlags.contains("icrnl") && allFlags.contains("opost") && allFlags.contains("onlcr"), "\(stty)")

        // The prompt works and echoes what is typed.
        try session.runShell("echo READY-$((6 * 7))")
        try await session.waitFor("the shell to echo the command and run it") {
            $0.screenRows.contains("$ echo READY-$((6 * 7))") && $0.screenRows.contains("READY-42") && $0.promptIsBack
        }
    }

    @Test func qExits0AndLeavesTheAlternateScreen() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        try session.runShell("echo BEFORE-$((40 + 2))")
        try await session.waitFor("the marker printed before trailhead") { $0.screenRows.contains("BEFORE-42") && $0.promptIsBack }
        let ui = try await session.openTrailhead(["escape-vre"])
        #expect(!ui.contains("BEFORE-42"), "the interface is drawn on its own screen")
        #expect(try session.format("#{alternate_on}") == "1", "the interface uses the alternate screen")

        try session.send("q")
        let back = try await session.waitFor("q to quit back to the shell") { $0.promptIsBack }
        #expect(back.screenRows.contains("BEFORE-42"), "earlier output is visible again\n\(back)")
        #expect(back.screenRows.contains { $0.hasPrefix("$ trailhead ") || $0.contains("trailhead --trees") })
        #expect(!back.contains("Trailhead ›") && !back.contains("↑↓ move"), "nothing of the interface is left\n\(back)")
        #expect(try session.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0")
        try await session.expectExitStatus(0)
    }

    @Test func ctrlZSuspendsAndFgRedrawsAWorkingInterface() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let before = try await session.openTrailhead(["escape-vre"])
        #expect(before.selectedRow?.hasPrefix(" ▸ 1  Get access") == true)
        try session.send("C-z")
        let suspended = try await session.waitFor("Ctrl-Z to stop trailhead and give the prompt back") {
            $0.promptIsBack && $0.contains("Stopped")
        }
        #expect(!suspended.contains("Trailhead ›"), "\(suspended)")
        #expect(try session.format("#{alternate_on}") == "0", "the shell is back on the normal screen while stopped")

        try session.runShell("fg")
        try await session.waitFor("fg to redraw the interface") {
            $0.showsInterface && $0.row(1) == " What do you want to do?" && $0.selectedRow?.hasPrefix(" ▸ 1  Get access") == true
        }
        try session.send("j")
        try await session.waitFor("j to move the ▸ after fg") {
            $0.selectedRow?.hasPrefix(" ▸ 2  Find, download or share data") == true && !$0.contains("▸ 1")
        }
        try await session.quitTrailhead()
    }
}
