import Foundation
import Testing

/// Walking, searching, the overlays and choosing a command, on the bundled ESCAPE tree.
@Suite(.timeLimit(.minutes(1)))
struct WalkingTests {
    static let escape = " Trailhead › ESCAPE Virtual Research Environment"

    @Test func walksFromStartToARucioLeafAndBackWithTheBreadcrumbFollowing() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let start = try await session.openTrailhead(["escape-vre"])
        #expect(start.barRow == Self.escape)
        #expect(start.row(1) == " What do you want to do?")
        #expect(start.selectedRow?.hasPrefix(" ▸ 1  Get access") == true, "\(start)")

        try session.send("j")
        try await session.waitFor("j to select choice 2") { $0.selectedRow == " ▸ 2  Find, download or share data" }
        try session.send("Enter")
        try await session.waitFor("Enter to open the data question, with its answer in the bar") {
            $0.barRow == Self.escape + " › Find, download or share data" && $0.row(1) == " What kind of data are you after?"
        }

        try session.send("2")
        let lake = " Trailhead › … › Find, download or share data › The ESCAPE data lake on the command line"
        try await session.waitFor("2 to open the Rucio question; the bar elides its middle") {
            $0.barRow == lake && $0.row(1) == " What do you want to do in the data lake?"
        }

        try session.send("Down")
        try await session.waitFor("↓ to select choice 2") { $0.selectedRow?.hasPrefix(" ▸ 2  Set up the Rucio client") == true }
        try session.send("Down")
        try await session.waitFor("↓ to select choice 3") { $0.selectedRow?.hasPrefix(" ▸ 3  Look around") == true }
        try session.send("Down")
        try await session.waitFor("↓ to select choice 4") { $0.selectedRow == " ▸ 4  Download data" }
        try session.send("Enter")
        let leaf = try await session.waitFor("Enter to open the rucio-download resource") {
            $0.barRow == " Trailhead › … › The ESCAPE data lake on the command line › Download data"
                && $0.row(1) == " Download data from the data lake"
        }
        #expect(leaf.selectedRow == " ▸ $ rucio download --dir {dir} {did}")
        #expect(leaf.footerRow.contains("Enter print & quit"), "\(leaf.footerRow)")

        try session.send("Escape")
        try await session.waitFor("Esc to go back to the Rucio question with 'Download data' still selected") {
            $0.barRow == lake && $0.row(1) == " What do you want to do in the data lake?" && $0.selectedRow == " ▸ 4  Download data"
        }
        try session.send("Escape")
        try await session.waitFor("Esc again to go back to the data question with the data lake answer selected") {
            $0.barRow == Self.escape + " › Find, download or share data"
                && $0.selectedRow == " ▸ 2  The ESCAPE data lake on the command line"
        }
        try await session.quitTrailhead()
    }

    @Test func searchJumpsToTheResourceWithThePathFromTheStart() async throws {
        // Wide enough for the whole breadcrumb of rucio-download, so none of it is elided.
        let session = try await TmuxSession(columns: 150, rows: 30)
        defer { session.shutdown() }
        try await session.openTrailhead(["escape-vre"])
        try session.send("/")
        try await session.waitFor("/ to open the search pane") {
            $0.barRow == Self.escape + " › Search" && $0.row(1).hasPrefix(" /") && $0.footerRow.contains("Esc close")
        }
        try session.type("rucio download")
        let results = try await session.waitFor("results for 'rucio download', best first") {
            $0.row(1).hasPrefix(" / rucio download") && $0.row(1).hasSuffix(" found")
                && $0.selectedRow == " ▸ Download data from the data lake"
        }
        #expect(results.contains("── Preview"))
        try session.send("Enter")
        let path = [
            "Trailhead", "ESCAPE Virtual Research Environment", "Find, download or share data",
            "The ESCAPE data lake on the command line", "Download data",
        ]
        let resource = try await session.waitFor("Enter to jump to rucio-download with the path from the start in the bar") {
            $0.barRow == " " + path.joined(separator: " › ") && $0.row(1) == " Download data from the data lake"
        }
        #expect(!resource.contains("── Preview"), "the search pane is closed")

        try session.send("Escape")
        try await session.waitFor("Esc to go back to the parent question, the Rucio menu") {
            $0.barRow == " " + path.dropLast().joined(separator: " › ")
                && $0.row(1) == " What do you want to do in the data lake?"
                && $0.selectedRow == " ▸ 4  Download data"
        }
        try await session.quitTrailhead()
    }

    @Test func helpOverlayOpensWithQuestionMarkAndAnyKeyClosesIt() async throws {
        // Tall enough for the whole help box (see helpOverlayFitsAn80x24Terminal).
        let session = try await TmuxSession(columns: 100, rows: 44)
        defer { session.shutdown() }
        let page = try await session.openTrailhead(["escape-vre"])
        try session.send("?")
        let help = try await session.waitFor("? to open the box titled Keys") {
            $0.boxRows(titled: "Keys") != nil && $0.footerRow == " ↑↓ scroll  any other key close"
        }
        let box = try #require(help.boxRows(titled: "Keys"), "\(help)")
        for heading in ["Walking", "Search", "Commands with {fields}", "Other"] {
            #expect(box.contains { $0.contains("│ \(heading) ") }, "no \(heading) section\n\(help)")
        }
        #expect(box.contains { $0.contains("q  quit") }, "\(help)")
        #expect(help.barRow == page.barRow, "the bar stays above the overlay")

        try session.send("x")
        try await session.waitFor("any key (x) to close the help and bring back exactly the page (x doing nothing else)") { $0 == page }
        try await session.quitTrailhead()
    }

    @Test func helpOverlayFitsAn80x24Terminal() async throws {
        let session = try await TmuxSession(columns: 80, rows: 24)
        defer { session.shutdown() }
        try await session.openTrailhead(["escape-vre"])
        try session.send("?")
        let help = try await session.waitFor("? to open the box titled Keys") {
            $0.boxRows(titled: "Keys") != nil && $0.footerRow == " ↑↓ scroll  any other key close"
        }
        let box = try #require(help.boxRows(titled: "Keys"), "\(help)")
        #expect(help.contains("↓ more below"), "a help box that does not fit says there is more\n\(help)")
        #expect(!box.contains { $0.contains("q  quit") })
        try session.send("PageDown", "PageDown", "PageDown", "PageDown")
        try await session.waitFor("↓ to scroll the help down to its last line (q quit)") {
            ($0.boxRows(titled: "Keys") ?? []).contains { $0.contains("q  quit") }
        }
        try session.send("x")
        try await session.waitFor("the help to close") { !$0.contains("┌─ Keys") && $0.showsInterface }
        try await session.quitTrailhead()
    }

    @Test func feedbackOverlayShowsAnIssueLinkNamingTheNode() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        try await session.openTrailhead(["escape-vre/rucio-download"])
        try session.send("!")
        let overlay = try await session.waitFor("! to open the feedback box") {
            $0.boxRows(titled: "This didn't help me") != nil && $0.footerRow.contains("c copy")
        }
        let url = try #require(Self.link(inBoxTitled: "This didn't help me", on: overlay), "no link in the box\n\(overlay)")
        #expect(url.hasPrefix("https://github.com/vre-hub/vre/issues/new?"), "\(url)")
        #expect(url.contains("escape-vre%2Frucio-download"), "the link names the tree and node: \(url)")
        #expect(url.contains("start%2Fdata%2Frucio%2Frucio-download"), "the link has the path: \(url)")

        // c copies with OSC 52, which tmux (set-clipboard on) turns into a paste buffer.
        #expect(try session.buffers().isEmpty)
        try session.send("c")
        try await session.waitFor("c to copy the link") { $0.statusRow.contains("copied") }
        #expect(try session.showBuffer() == url, "the copied text is the link")

        // No display in this shell: Enter shows the link instead of starting a browser.
        try session.send("Enter")
        let shown = try await session.waitFor("Enter to show the link, since there is no browser") {
            $0.boxRows(titled: "No browser here") != nil && !$0.contains("This didn't help me")
        }
        #expect(Self.link(inBoxTitled: "No browser here", on: shown) == url, "\(shown)")
        try session.send("x")
        try await session.waitFor("any key to close the box") { $0.showsInterface && !$0.contains("┌─") }
        try session.send("q")
        let after = try await session.waitFor("q to quit and print the link", joinWrapped: true) { $0.promptIsBack }
        #expect(after.screenRows.contains(url), "the link is printed when trailhead quits\n\(after)")
        try await session.expectExitStatus(0)
    }

    /// The link inside a box: the lines from the one starting with https:// to the next empty one,
    /// joined (the box wraps it at its width).
    static func link(inBoxTitled title: String, on screen: String) -> String? {
        guard let box = screen.boxRows(titled: title) else { return nil }
        let inner = box.dropFirst().dropLast().map { line -> String in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else { return "" }
            return String(line[line.index(after: first)..<last]).trimmingCharacters(in: .whitespaces)
        }
        guard let start = inner.firstIndex(where: { $0.hasPrefix("https://") }) else { return nil }
        return inner[start...].prefix { !$0.isEmpty }.joined()
    }

    @Test func enterOnACommandFillsItsFieldsAndPrintsItEvenWhenCaptured() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let page = try await session.openTrailhead(["escape-vre/rucio-download"])
        #expect(page.selectedRow == " ▸ $ rucio download --dir {dir} {did}")
        try session.send("Enter")
        try await session.waitFor("Enter to ask for the first field, {did}") {
            $0.boxRows(titled: "Fill in the command") != nil && $0.contains("{did} What to download")
        }
        // A value that does not match the field's pattern is explained and refused.
        try session.type("x; rm -rf ~")
        try session.send("Enter")
        try await session.waitFor("the bad value to be refused") { $0.contains("is not a valid {did}") && $0.contains("field 1 of 2") }
        try session.send("C-u")
        try session.type("user.jdoe:file.root")
        try session.send("Enter")
        try await session.waitFor("the second field, {dir}, with its default") {
            $0.contains("$ rucio download --dir {dir} user.jdoe:file.root") && $0.contains("> .") && $0.contains("field 2 of 2")
        }
        try session.send("Enter")
        let printed = try await session.waitFor("Enter to quit and print the filled command") { $0.promptIsBack }
        #expect(printed.screenRows.contains("rucio download --dir . user.jdoe:file.root"), "\(printed)")
        try await session.expectExitStatus(0)

        // stdout captured by the shell: the interface must still draw, on /dev/tty.
        let trailhead = try session.trailheadCommand([
            "--trees", E2E.trees, "--no-default-trees", "--set", "did=user.jdoe:file.root", "--set", "dir=/tmp/my-data",
            "escape-vre/rucio-download",
        ])
        try session.runShell("cmd=$(\(trailhead))")
        try await session.waitFor("the interface while stdout is captured by $(…)") {
            $0.showsInterface && $0.selectedRow?.hasPrefix(" ▸ $ rucio download") == true
        }
        try session.send("Enter")
        try await session.expectExitStatus(0)
        try session.runShell("echo \"GOT:$cmd\"")
        try await session.waitFor("the command in $cmd, fields filled by --set") {
            $0.screenRows.contains("GOT:rucio download --dir /tmp/my-data user.jdoe:file.root")
        }
    }

    @Test func commandFormKeepsItsFrameForALongCommand() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let page = try await session.openTrailhead(["escape-vre/rucio-upload"])
        #expect(page.selectedRow == " ▸ $ rucio upload --register-after-upload --scope {scope} --rse {rse} {file}")
        try session.send("Enter")
        let form = try await session.waitFor("Enter to ask for the first field of rucio upload") {
            $0.boxRows(titled: "Fill in the command") != nil && $0.contains("{scope} Your scope")
        }
        TreeTextTests.expectBoxAligned(form, title: "Fill in the command", in: session)
        #expect(form.contains("{rse}") && form.contains("{file"), "every field of the command is shown\n\(form)")
        try session.send("Escape")
        try await session.waitFor("Esc to cancel the form") { $0.showsInterface && $0.boxRows(titled: "Fill in the command") == nil }
        try await session.quitTrailhead()
    }
}
