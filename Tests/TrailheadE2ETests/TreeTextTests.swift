import Foundation
import Testing

/// Tree text that is hard to draw: wide and combining characters, and escape sequences.
@Suite(.timeLimit(.minutes(1)))
struct TreeTextTests {
    /// CJK, emoji and combining accents (e + U+0301) in the title, question, labels and body.
    static let wideTree = """
        format: 1
        id: wide
        title: "日本語のテキスト 🚀🔭 Cafe\u{301} guide with a long title"
        description: "説明文: 望遠鏡 🔭 と ロケット 🚀, re\u{301}sume\u{301}"
        start: start
        feedback: 'https://example.org/issues/new?title={tree}%2F{node}&body={path}'
        nodes:
          start:
            question: "どこへ行きますか？ 🚀 Where do you want to go, cafe\u{301} lover?"
            explain: |
              日本語のテキストがここにあります。日本語のテキストがここにあります。日本語のテキストがここにあります。
              Emoji 🚀🔭🚀🔭🚀🔭 and combining e\u{301}e\u{301}e\u{301} accents.
            choices:
              - label: "望遠鏡 🔭 で星を見る: look at the stars with a telescope, a rather long label 日本語のテキスト"
                hint: "ヒント: 🔭🔭🔭 cafe\u{301}"
                goto: stars
              - label: "ロケット 🚀 に乗る"
                goto: rocket
          stars:
            question: "星はどこ？ 日本語のテキスト 日本語のテキスト 日本語のテキスト 日本語のテキスト"
            choices:
              - label: "北極星 🚀 Polaris, e\u{301}toile du nord, 日本語のテキスト 日本語のテキスト 日本語のテキスト"
                goto: rocket
          rocket:
            title: "ロケット 🚀 発射: launch, cafe\u{301} in hand"
            body: |
              発射まで 10 秒。日本語のテキスト 🚀🔭 e\u{301}.
            commands:
              - run: "echo 日本語のテキスト 🚀"
                does: "表示する 🔭"

        """

    /// Checks that a box's right border (│, ┐, ┘) is in one column on every row, and its left one too.
    static func expectBoxAligned(_ screen: String, title: String, in session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let box = screen.boxRows(titled: title) else {
            Issue.record("no box titled \(title)\n\(TmuxSession.framed(screen, columns: session.columns, rows: session.rows))", sourceLocation: sourceLocation)
            return
        }
        let rights = box.map { E2E.column(ofLast: ["│", "┐", "┘"], in: $0) }
        let lefts = box.map { E2E.column(ofFirst: ["│", "┌", "└"], in: $0) }
        let framed = TmuxSession.framed(screen, columns: session.columns, rows: session.rows)
        #expect(Set(rights).count == 1 && rights.first! != nil, "right border columns \(rights.map { $0 ?? -1 })\n\(framed)", sourceLocation: sourceLocation)
        #expect(Set(lefts).count == 1 && lefts.first! != nil, "left border columns \(lefts.map { $0 ?? -1 })\n\(framed)", sourceLocation: sourceLocation)
    }

    @Test func wideAndCombiningCharactersKeepTheRightEdgeIntact() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let trees = try E2E.treeDirectory(in: session.home, ["wide.yaml": Self.wideTree])
        try await session.openTrailhead(["--trees", trees, "--no-default-trees"], bundledTrees: false)
        let start = try await session.waitFor("the start question of the wide tree") {
            $0.showsInterface && $0.row(1).hasPrefix(" どこへ行きますか？ 🚀") && $0.selectedRow?.contains("望遠鏡 🔭") == true
        }
        session.expectScreenFits(start)
        #expect(start.barRow == " Trailhead › 日本語のテキスト 🚀🔭 Cafe\u{301} guide with a long title", "\(start)")
        #expect(start.contains("e\u{301}e\u{301}e\u{301} accents"), "combining accents stay on their letters")

        try session.send("Enter")
        let stars = try await session.waitFor("the second question, with a long wide label in the bar") {
            $0.showsInterface && $0.row(1).hasPrefix(" 星はどこ？") && $0.barRow.hasPrefix(" Trailhead › … › 望遠鏡 🔭")
        }
        session.expectScreenFits(stars)

        try session.send("?")
        let help = try await session.waitFor("the help box over wide text") { $0.boxRows(titled: "Keys") != nil && $0.footerRow == " ↑↓ scroll  any other key close" }
        session.expectScreenFits(help)
        Self.expectBoxAligned(help, title: "Keys", in: session)

        try session.send("x")
        try await session.waitFor("the help to close") { !$0.contains("┌─ Keys") && $0.row(1).hasPrefix(" 星はどこ？") }
        try session.send("!")
        // The feedback box quotes the tree's title, so wide characters are inside the box here.
        let feedback = try await session.waitFor("the feedback box quoting the wide title") {
            $0.boxRows(titled: "This didn't help me")?.contains { $0.contains("日本語のテキスト") } == true
        }
        session.expectScreenFits(feedback)
        Self.expectBoxAligned(feedback, title: "This didn't help me", in: session)

        try session.resize(columns: 60, rows: 20)
        let narrow = try await session.waitFor("the feedback box redrawn at 60×20") {
            $0.screenRows.count == 20 && $0.boxRows(titled: "This didn't help me") != nil && $0.footerRow.contains("close")
        }
        session.expectScreenFits(narrow)
        Self.expectBoxAligned(narrow, title: "This didn't help me", in: session)

        try session.send("x")
        let page = try await session.waitFor("the page at 60×20 with the overlay closed") {
            $0.showsInterface && $0.row(1).hasPrefix(" 星はどこ？") && !$0.contains("┌─")
        }
        session.expectScreenFits(page)
        try await session.quitTrailhead()
    }

    static let goodTree = """
        format: 1
        id: good
        title: A perfectly ordinary guide
        description: Nothing to see here.
        start: start
        nodes:
          start:
            question: Where to?
            choices:
              - label: Somewhere
                node:
                  title: You are somewhere
                  body: Fine.

        """

    /// Terminal escapes written as YAML escapes: set the window title (OSC 2), leave the alternate
    /// screen, put "Hello" on the clipboard (OSC 52), clear the screen. Validation refuses them.
    static let hostileTree = #"""
        format: 1
        id: hostile
        title: "Evil \e]2;PWNED\a title \e[?1049l"
        description: "\e]52;c;SGVsbG8=\a clipboard"
        start: start
        nodes:
          start:
            question: "Q \e[2J"
            choices:
              - label: "\e]2;PWNED\a"
                node:
                  title: "\e]52;c;SGVsbG8=\a"
                  body: "\e[?1049l"

        """#

    @Test func hostileTreeIsSkippedAndNothingReachesTheTerminal() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        // The file name is hostile too: it is printed in the warning.
        let hostileName = "name-\u{1B}]2;PWNED-NAME\u{07}-\u{1B}]52;c;SGVsbG8=\u{07}.yaml"
        let trees = try E2E.treeDirectory(in: session.home, [
            "good.yaml": Self.goodTree, "hostile.yaml": Self.hostileTree, hostileName: Self.hostileTree,
        ])
        let title = try session.format("#{pane_title}")
        let buffers = try session.buffers()
        #expect(!title.contains("PWNED"))

        try session.runTrailhead(["--trees", trees, "--no-default-trees"])
        let ui = try await session.waitFor("the interface on the one valid tree") {
            $0.showsInterface && $0.barRow == " Trailhead › A perfectly ordinary guide" && $0.row(1) == " Where to?"
        }
        #expect(!ui.contains("Evil") && !ui.contains("PWNED"))
        #expect(try session.format("#{pane_title}") == title, "the pane title changed while trailhead runs")
        try await session.quitTrailhead()

        let screen = try session.screen(joinWrapped: true)
        let warnings = screen.screenRows.filter { $0.contains("trailhead: warning:") }
        #expect(warnings.count == 1, "one warning line on stderr\n\(screen)")
        let warning = warnings.first ?? ""
        #expect(warning.hasPrefix("trailhead: warning: skipped 2 broken tree files: "), "\(warning)")
        #expect(warning.hasSuffix("(run `trailhead validate` for details)"), "\(warning)")
        #expect(warning.contains("/hostile.yaml"), "\(warning)")
        #expect(warning.contains("name-^[]2;PWNED-NAME^G-^[]52;c;SGVsbG8=^G.yaml"), "the file name is shown with ^[ and ^G: \(warning)")

        // `validate` prints every offending value's location; still nothing may reach the terminal.
        try session.runShell(try session.trailheadCommand(["validate", trees]))
        try await session.waitFor("validate to report the hostile files") {
            $0.promptIsBack && $0.contains("contains a control character")
        }
        #expect(try session.format("#{pane_title}") == title, "the pane title was changed")
        #expect(try session.buffers() == buffers, "an OSC 52 sequence reached tmux's clipboard")
        #expect(try session.format("#{alternate_on}") == "0")
    }

    /// Under `LANG=C` ncurses drops every character outside ASCII. Each is drawn as ASCII of the
    /// same width instead: glyphs as look-alikes, accents removed, other scripts as `?`.
    @Test func aPlainASCIILocaleStillShowsEveryCharacter() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let trees = try E2E.treeDirectory(in: session.home, ["wide.yaml": Self.wideTree])
        try session.runShell("LC_ALL=C LANG=C " + (try session.trailheadCommand(["--trees", trees, "--no-default-trees", "wide"])))
        let screen = try await session.waitFor("the question in ASCII") { $0.contains("Where do you want to go, cafe lover?") }
        #expect(screen.contains("?????????? ?? Where do you want to go"), "\(screen)")
        #expect(screen.allSatisfy { $0.isASCII }, "\(screen)")
        try session.send("1")
        let next = try await session.waitFor("the stars question, its breadcrumb in ASCII") { $0.contains(" > ") && $0.contains("Polaris, etoile du nord") }
        #expect(next.allSatisfy { $0.isASCII }, "\(next)")
        try await session.quitTrailhead()
    }
}
