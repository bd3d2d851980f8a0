import Foundation
import Testing

/// What Enter and c do with links and commands: opening (or not) a browser, OSC 8 and OSC 52,
/// the shell widget, filling fields and `--print`.
@Suite(.timeLimit(.minutes(1)))
struct LauncherTests {
    static let iamURL = "https://iam-escape.cloud.cnaf.infn.it"
    static let iamLink = " ▸ ↗ ESCAPE IAM (register and log in)"
    static let hostileURL = "https://example.org/a;b&c$(id)'q"

    @Test func overSSHEnterShowsTheLinkAsAHyperlinkAndPrintsItOnQuit() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30, environment: ["SSH_CONNECTION": "10.0.0.1 5000 10.0.0.2 22"])
        defer { session.shutdown() }
        let raw = session.home.appendingPathComponent("pane-output.raw").path
        try session.recordOutput(to: raw)
        let page = try await session.openTrailhead(["escape-vre/iam-account"])
        #expect(page.selectedRow == Self.iamLink, "\(page)")

        try session.send("Enter")
        let shown = try await session.waitFor("Enter over SSH to show the link in a box instead of starting a browser") {
            $0.boxRows(titled: "No browser here (SSH session)") != nil
        }
        #expect(WalkingTests.link(inBoxTitled: "No browser here (SSH session)", on: shown) == Self.iamURL, "\(shown)")
        // The link in the box is a clickable OSC 8 hyperlink: opened, the URL as its text, closed.
        let hyperlink = "\u{1B}]8;;\(Self.iamURL)\u{1B}\\\(Self.iamURL)\u{1B}]8;;\u{1B}\\"
        try await Self.waitForFile(raw, "an OSC 8 hyperlink to \(Self.iamURL) in the bytes written to the pane") {
            $0.contains(hyperlink)
        }

        // Any key but c closes the box; the second q quits.
        try session.send("q")
        try await session.waitFor("q to close the box and leave the page") {
            $0.showsInterface && $0.boxRows(titled: "No browser here (SSH session)") == nil && $0.selectedRow == Self.iamLink
        }
        try session.send("q")
        let after = try await session.waitFor("q to quit and print the link on the shell screen") { $0.promptIsBack }
        #expect(after.screenRows.contains(Self.iamURL), "the link is printed when trailhead quits\n\(after)")
        try await session.expectExitStatus(0)
    }

    @Test func cCopiesTheLinkThroughOSC52() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let page = try await session.openTrailhead(["escape-vre/iam-account"])
        #expect(page.selectedRow == Self.iamLink, "\(page)")
        #expect(try session.buffers().isEmpty, "no tmux buffer before copying")

        try session.send("c")
        let copied = try await session.waitFor("c to copy the link and say how") {
            $0.statusRow.contains("copied to your clipboard (via the terminal)")
        }
        #expect(copied.showsInterface && copied.boxRows(titled: "No browser here") == nil, "c copies without opening anything\n\(copied)")
        #expect(try session.showBuffer() == Self.iamURL, "tmux received exactly the URL through OSC 52")
        try await session.quitTrailhead()
    }

    @Test func browserGetsTheURLAsExactlyOneArgumentWithoutAShell() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        let argumentsFile = session.home.appendingPathComponent("browser-arguments").path
        let browser = session.home.appendingPathComponent("fake-browser")
        defer { session.shutdown() }
        // Writes its argument count, then each argument on a line of its own.
        let script = """
            #!/bin/sh
            out=\(E2E.shellQuote(argumentsFile))
            printf '%s\\n' "$#" >> "$out"
            for argument in "$@"; do printf '%s\\n' "$argument" >> "$out"; done

            """
        try Data(script.utf8).write(to: browser)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
        // A local display and $BROWSER, no SSH: Enter starts the browser.
        let environment = "DISPLAY=:99 BROWSER=\(E2E.shellQuote(browser.path)) "

        try session.runShell(environment + session.trailheadCommand(["--trees", E2E.trees, "--no-default-trees", "escape-vre/iam-account"]))
        let page = try await session.waitFor("the interface on iam-account") { $0.showsInterface }
        #expect(page.selectedRow == Self.iamLink, "\(page)")
        try session.send("Enter")
        try await session.waitFor("Enter to start the fake browser and report that it opened the link") {
            $0.statusRow.contains("Opened in fake-browser")
        }
        #expect(try String(contentsOfFile: argumentsFile, encoding: .utf8) == "1\n\(Self.iamURL)\n", "the browser's arguments: count, then each")
        try await session.quitTrailhead()

        // A link full of shell syntax still reaches the browser as one unchanged argument.
        try FileManager.default.removeItem(atPath: argumentsFile)
        let trees = try E2E.treeDirectory(in: session.home, ["hostile.yaml": """
            format: 1
            id: hostile
            title: Hostile links
            description: A link whose URL is full of shell syntax.
            start: page
            nodes:
              page:
                title: A link full of shell syntax
                links:
                  - url: "https://example.org/a;b&c$(id)'q"
                    label: Shell syntax in the URL

            """])
        try session.runShell(environment + session.trailheadCommand(["--trees", trees, "--no-default-trees", "hostile"]))
        let hostile = try await session.waitFor("the interface on the hostile tree") {
            $0.showsInterface && $0.selectedRow == " ▸ ↗ Shell syntax in the URL"
        }
        #expect(hostile.screenRows.contains("     " + Self.hostileURL), "the page shows the URL as written\n\(hostile)")
        try session.send("Enter")
        let opened = try await session.waitFor("Enter to start the fake browser with the hostile URL") {
            $0.statusRow.contains("Opened in fake-browser")
        }
        let received = try String(contentsOfFile: argumentsFile, encoding: .utf8)
        #expect(received == "1\n\(Self.hostileURL)\n", "exactly one argument, unchanged: \(received.debugDescription)")
        #expect(received.split(separator: "\n", omittingEmptySubsequences: false).count == 3, "two lines and nothing after the last newline")
        #expect(!opened.contains("uid="), "no shell ran $(id)\n\(opened)")
        try await session.quitTrailhead()
        let shell = try session.screen()
        #expect(!shell.contains("uid="), "no shell ran $(id)\n\(shell)")
    }

    @Test func bashWidgetInsertsTheChosenCommandIntoThePromptWithoutRunningIt() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30, environment: ["TRAILHEAD_PATH": E2E.trees])
        defer { session.shutdown() }
        // The snippet runs `trailhead` by name, whatever TRAILHEAD_BIN is called.
        let bin = session.home.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("trailhead").path, withDestinationPath: try E2E.requireBinary())
        try session.runShell("export PATH=\(E2E.shellQuote(bin.path)):\"$PATH\"; eval \"$(trailhead shell-init bash)\"; clear")
        try await session.waitFor("the shell widget to be loaded and the screen cleared") { $0.screenRows.first == "$" && $0.promptIsBack }

        try session.type("echo before ")
        try await session.waitFor("the half-typed command line") { $0.screenRows.first == "$ echo before" }
        try session.send("C-g")
        try await session.waitFor("Ctrl-G to open trailhead at the list of guides") {
            $0.showsInterface && $0.barRow == " Trailhead" && $0.selectedRow?.hasPrefix(" ▸ 1  ESCAPE Virtual Research Environment") == true
        }
        try session.send("/")
        try await session.waitFor("/ to open the search pane") { $0.barRow == " Trailhead › Search" }
        try session.type("whoami")
        try await session.waitFor("the search for whoami, the Rucio check first") {
            $0.row(1).hasPrefix(" / whoami") && $0.selectedRow?.hasPrefix(" ▸ Check that Rucio knows who you are") == true
        }
        try session.send("Enter")
        try await session.waitFor("Enter to go to the resource, with rucio whoami selected") {
            $0.row(1) == " Check that Rucio knows who you are" && $0.selectedRow == " ▸ $ rucio whoami"
        }
        try session.send("Enter")
        let inserted = try await session.waitFor("Enter to put the command into the prompt line, after what was typed") {
            !$0.contains("Trailhead") && $0.screenRows.last { !$0.isEmpty } == "$ echo before rucio whoami"
        }
        #expect(inserted.screenRows.filter { !$0.isEmpty } == ["$ echo before rucio whoami"], "nothing ran: no output and no new prompt\n\(inserted)")
        #expect(try session.format("#{cursor_y} #{cursor_x}") == "0 26", "the cursor is after the inserted command")
        #expect(try session.format("#{alternate_on}") == "0")

        try session.send("C-u")
        try await session.waitFor("Ctrl-U to clear the prompt line") { $0.screenRows.filter { !$0.isEmpty } == ["$"] }
    }

    @Test func setFillsTheFieldsWithoutAsking() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let page = try await session.openTrailhead(["--set", "did=a:b", "--set", "dir=/tmp", "escape-vre/rucio-download"])
        #expect(page.selectedRow == " ▸ $ rucio download --dir {dir} {did}", "\(page)")
        try session.send("Enter")
        // Were a field asked for, the form would wait for it and the prompt would not come back.
        let printed = try await session.waitFor("Enter to print the command filled from --set and quit, without a form") { $0.promptIsBack }
        #expect(printed.screenRows.contains("rucio download --dir /tmp a:b"), "\(printed)")
        try await session.expectExitStatus(0)

        // Only the fields not set are asked for; a set value is quoted for the shell.
        try await session.openTrailhead(["--set", "did=user.jdoe:run*.root", "escape-vre/rucio-download"])
        try session.send("Enter")
        try await session.waitFor("Enter to ask only for {dir}, the command showing the quoted {did}") {
            $0.boxRows(titled: "Fill in the command") != nil && $0.contains("$ rucio download --dir {dir} 'user.jdoe:run*.root'")
                && $0.contains("{dir} Folder to download into") && $0.contains("field 2 of 2")
        }
        try session.send("C-u")
        try session.type("/data")
        try session.send("Enter")
        let partial = try await session.waitFor("Enter to print the command and quit") { $0.promptIsBack }
        #expect(partial.screenRows.contains("rucio download --dir /data 'user.jdoe:run*.root'"), "\(partial)")
        try await session.expectExitStatus(0)
    }

    @Test func printPutsOnlyTheChosenLinkOnStdoutAndExits1WhenNothingIsChosen() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let trailhead = try session.trailheadCommand(["--trees", E2E.trees, "--no-default-trees", "--print", "escape-vre/iam-account"])

        try session.runShell("out=$(\(trailhead))")
        let page = try await session.waitFor("the interface while --print's stdout is captured") { $0.showsInterface }
        #expect(page.selectedRow == Self.iamLink, "\(page)")
        try session.send("Enter")
        try await session.expectExitStatus(0)
        let afterChoice = try session.screen()
        #expect(!afterChoice.screenRows.contains(Self.iamURL), "the link goes only to stdout, which $(…) captured\n\(afterChoice)")
        try session.runShell("echo \"[$out]\"")
        try await session.waitFor("$out to hold exactly the link") {
            $0.screenRows.contains("[\(Self.iamURL)]") && $0.promptIsBack
        }

        try session.runShell("out=$(\(trailhead))")
        try await session.waitFor("the interface again") { $0.showsInterface }
        try session.send("q")
        try await session.expectExitStatus(1)
        try session.runShell("echo \"[$out]\"")
        try await session.waitFor("$out to be empty after quitting without a choice") {
            $0.screenRows.contains("[]") && $0.promptIsBack
        }
    }

    /// Polls a file every 50 ms until `predicate` holds on its contents; on timeout records an
    /// issue with `description` and the end of the file, and stops the test.
    @discardableResult
    static func waitForFile(
        _ path: String, _ description: String, timeout: Duration = .seconds(10),
        sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool
    ) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var contents = ""
        while true {
            contents = (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if predicate(contents) { return contents }
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let tail = String(contents.suffix(2000)).debugDescription
        let matched = predicate(contents)
        try #require(matched, Comment(rawValue: "Timed out after \(timeout) waiting for: \(description)\nLast 2000 characters of \(path):\n\(tail)"), sourceLocation: sourceLocation)
        return contents
    }
}
