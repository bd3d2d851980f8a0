import Testing
@testable import TrailheadCore

/// Body text's small subset: read into blocks, laid out alike in the interface and plain text,
/// given to scripts as data, and its mistakes reported at their line.
@Suite struct RichTextTests {
    static let body = """
        Run `rucio whoami` first;
        it needs a proxy.

        - one `item`
          continued
        - two
        3. three

        ```
        [client]
            rucio_host = https://vre-rucio.cern.ch
        ```

        ::: warning
        The proxy lasts 12 hours.
        :::

        ::: when rucio >= 37
        New client.
        :::
        """

    @Test func theSubsetIsReadIntoBlocks() throws {
        let (text, problems) = RichText.parse(Self.body)
        #expect(problems.isEmpty)
        #expect(text.blocks == [
            .paragraph([.text("Run "), .code("rucio whoami"), .text(" first; it needs a proxy.")]),
            .list([
                .init(marker: "•", spans: [.text("one "), .code("item"), .text(" continued")]),
                .init(marker: "•", spans: [.text("two")]),
                .init(marker: "3.", spans: [.text("three")]),
            ]),
            .code("[client]\n    rucio_host = https://vre-rucio.cern.ch"),
            .callout(.warning, [.paragraph([.text("The proxy lasts 12 hours.")])]),
            .conditional(try Condition.parse("rucio >= 37").get(), [.paragraph([.text("New client.")])]),
        ])
    }

    @Test func textWithoutTheSubsetReadsAsBefore() {
        let (text, problems) = RichText.parse("A lone ` backtick, an address:\n  1 Main Street\n  Geneva")
        #expect(problems.isEmpty)
        #expect(text.blocks == [.paragraph([.text("A lone ` backtick, an address:"), .lineBreak, .text("1 Main Street"), .lineBreak, .text("Geneva")])])
    }

    @Test(arguments: [
        ("::: tip\nx\n:::", 1, "'::: tip' opens no known section"),
        ("x\n\n::: when rucio >= x\ny\n:::", 3, "'rucio >= x' is not a condition"),
        (":::", 1, "':::' closes no section"),
        ("::: note\nnever closed", 1, "the section opened here is not closed"),
        ("a\n```\nno end", 2, "the code block opened here is not closed"),
        ("::: note\n::: note\n::: note\n::: note\nx\n:::\n:::\n:::\n:::", 4, "sections nest more than 3 deep"),
    ])
    func mistakesAreReportedAtTheirLine(text: String, line: Int, message: String) {
        let problems = RichText.parse(text).problems
        #expect(problems.first?.line == line && problems.first?.message.contains(message) == true, "\(problems)")
    }

    @Test func aTreeWithABrokenBodyNamesTheLineInTheFile() {
        let yaml = TestTrees.minimal(extraNodes: """
              broken:
                title: Broken
                body: |
                  Fine.

                  ::: when rucio >= x
                  text
                  :::

            """)
        #expect(TestTrees.diagnostics(yaml).filter { !$0.contains("cannot be reached") } == [
            "test.yaml:32:7: error: line 3 of 'body': ::: when: 'rucio >= x' is not a condition; write 'NAME >= VERSION' (or >, <=, <, ==), 'command NAME', 'file PATH' or 'env NAME'",
        ])
    }

    @Test func plainTextKeepsBackticksAndLeavesCodeLinesWhole() {
        let lines = RichTextLayout.lines(for: RichText.parse(Self.body).text, width: 24, marksCode: true, cutsCode: false)
            .map { String(repeating: " ", count: $0.indent) + $0.segments.map(\.text).joined() }
        #expect(lines == [
            "Run `rucio whoami`",
            "first; it needs a proxy.",
            "",
            "• one `item` continued",
            "• two",
            "3. three",
            "",
            "  [client]",
            "      rucio_host = https://vre-rucio.cern.ch",
            "",
            "Warning:",
            "  The proxy lasts 12",
            "  hours.",
            "",
            "For rucio >= 37:",
            "  New client.",
        ])
    }

    @Test func theInterfaceStylesCodeAndCutsLongCodeLinesWithAMark() {
        let lines = RichTextLayout.lines(for: RichText.parse(Self.body).text, width: 24, marksCode: false, cutsCode: true)
        #expect(lines[0].segments == [.init(text: "Run ", role: .text), .init(text: "rucio whoami", role: .code), .init(text: " first;", role: .text)])
        let code = lines.filter { $0.codeBlock == 0 }.map { $0.segments.map(\.text).joined() }
        #expect(code == ["[client]", "    rucio_host = https", "↪ ://vre-rucio.cern.ch"])
    }

    @Test func aFalseSectionIsLeftOutAndCountedUnlessRevealed() throws {
        var board = ProbeBoard()
        board.record(ProbeResult(.passed, "rucio 35.8.0 found", version: "35.8.0"), for: "version:rucio")
        let text = RichText.parse(Self.body).text
        let hidden = RichTextLayout.lines(for: text, width: 80, probes: board, marksCode: true, cutsCode: false)
        #expect(!hidden.contains { $0.segments.map(\.text).joined().contains("New client") })
        #expect(text.hiddenSections { board.shows($0) } == 1)
        let shown = RichTextLayout.lines(for: text, width: 80, probes: board, revealHidden: true, marksCode: true, cutsCode: false)
        #expect(shown.contains { $0.segments.map(\.text).joined() == "For rucio >= 37: not here, rucio 35.8.0 found:" })
    }
}

/// Rich text on a resource's page: code blocks are items the reader copies, sections follow the
/// machine, and scripts get the blocks as data.
@Suite struct RichTextPageTests {
    static let tree = TestTrees.minimal(extraNodes: """
          config:
            title: Configure
            body: |
              Write this:

              ```
              [client]
              account = me
              ```

              ::: when rucio < 37
              ```
              old = yes
              ```
              :::
            commands:
              - run: rucio whoami
                does: checks it

        """)
    static let key = NodeKey(tree: "demo", node: "config")
    static let catalog = TestTrees.catalog([tree])

    static func board(rucio version: String) -> ProbeBoard {
        var board = ProbeBoard()
        board.record(ProbeResult(.passed, "rucio \(version) found", version: version), for: "version:rucio")
        return board
    }

    @Test func codeBlocksComeFirstAmongTheItemsAndEnterCopiesOne() {
        var navigator = Navigator(catalog: Self.catalog, start: Self.key, size: ScreenSize(columns: 80, rows: 40), version: "1")
        #expect(navigator.items == [.codeBlock(0), .codeBlock(1), .command(0)])
        #expect(navigator.handle(.choose) == .copy("[client]\naccount = me", what: "Code"))
        navigator.handle(.move(1))
        #expect(navigator.handle(.copy) == .copy("old = yes", what: "Code"))
        navigator.handle(.probeAnswered(key: "version:rucio", ProbeResult(.passed, "rucio 41.0.0 found", version: "41.0.0")))
        #expect(navigator.items == [.codeBlock(0), .command(0)])
    }

    @Test func thePageMarksEachCodeLineWithItsItem() {
        let layout = PageLayout(place: .node(Trail(at: Self.key)), catalog: Self.catalog, width: 80)
        let code = layout.lines.filter { $0.item == 0 }.map { $0.spans.map(\.text).joined() }
        #expect(code == ["  [client]", "  account = me"])
        #expect(layout.lines.first { $0.item == 0 }?.spans.last?.style == .command)
    }

    @Test func plainTextAndJSONFollowTheMachine() throws {
        let text = NodeText(width: 80).lines(for: Self.key, in: Self.catalog, probes: Self.board(rucio: "41.0.0"))
        #expect(!text.contains("  old = yes") && text.contains("  (1 section is for other machines: hidden, v shows them)"))
        let json = NodeJSON.node(Self.key, in: Self.catalog, probes: Self.board(rucio: "41.0.0")).serialized(pretty: false)
        #expect(json.contains(#""bodyBlocks":[{"type":"paragraph","spans":[{"text":"Write this:","code":false}]},{"type":"code","text":"[client]\naccount = me"},{"type":"when","condition":"rucio < 37","holds":false,"blocks":[{"type":"code","text":"old = yes"}]}]"#), "\(json)")
    }
}

/// `when:` on a choice: a false one is not offered (v offers it), numbers follow what is shown,
/// and going back selects the answer given.
@Suite struct ChoiceConditionTests {
    static let tree = TestTrees.minimal(start: "pick", extraNodes: """
          pick:
            question: Which client?
            choices:
              - label: Old client
                when: rucio < 37
                goto: data
              - label: New client
                when: rucio >= 37
                goto: docs
              - label: Either
                goto: docs

        """)
    static let catalog = TestTrees.catalog([tree])
    static let key = NodeKey(tree: "demo", node: "pick")

    @Test func aFalseChoiceIsHiddenAndTheNumbersFollowWhatIsShown() throws {
        var navigator = Navigator(catalog: Self.catalog, start: Self.key, size: ScreenSize(columns: 80, rows: 40), version: "1")
        navigator.handle(.probeAnswered(key: "version:rucio", ProbeResult(.passed, "rucio 41.0.0 found", version: "41.0.0")))
        #expect(navigator.items == [.choice(1), .choice(2)])
        let page = navigator.layout.lines.map { $0.spans.map(\.text).joined() }
        #expect(page.contains("  1  New client") && page.contains("  2  Either") && !page.contains { $0.contains("Old client") })
        #expect(page.contains("  1 answer is for other machines: hidden (v shows them)"))
        navigator.handle(.chooseNumber(1))
        #expect(navigator.state.trail?.current == NodeKey(tree: "demo", node: "docs"))
        navigator.handle(.back)
        #expect(navigator.state.selection == 0, "back selects the answer given, counted among those shown")
        navigator.handle(.toggleHidden)
        #expect(navigator.items == [.choice(0), .choice(1), .choice(2)])
    }

    @Test func aChoiceThatCannotBeCheckedIsOfferedWithItsCondition() {
        let text = NodeText(width: 100).lines(for: Self.key, in: Self.catalog)
        #expect(text.contains("  1. Old client (for rucio < 37)"))
    }
}

/// Plain mode numbers the answers as it shows them, so `1` picks the first answer on the screen
/// even when the machine rules out an earlier one.
@Suite struct PlainChoiceConditionTests {
    @Test func theNumberTypedIsTheNumberShown() {
        let machine = ProbeTests.Machine(executables: ["/usr/bin/rucio"], versions: ["/usr/bin/rucio": "rucio 41.0.0\n"])
        var session = PlainSession(
            catalog: ChoiceConditionTests.catalog, io: ScriptedIO(lines: ["1", "b", "v"]), width: 80,
            start: ChoiceConditionTests.key, probeSystem: machine)
        #expect(session.run() == 0)
        let output = session.io.output
        #expect(output.contains("Which client?\n\n  1. New client (for rucio >= 37: yes, rucio 41.0.0 found at /usr/bin/rucio)\n  2. Either\n\n  (1 answer is for other machines: hidden, v shows them)"), "\(output)")
        #expect(output.contains("[Demo tree › New client]"), "1 chose the first answer shown\n\(output)")
        #expect(output.contains("  1. Old client (for rucio < 37: not here, rucio 41.0.0 found at /usr/bin/rucio)\n  2. New client"), "v shows every answer\n\(output)")
    }
}
