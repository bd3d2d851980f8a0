import Testing
@testable import TrailheadCore

/// `when:` on commands: parsed, answered by a version probe, and applied the same way by every
/// front end: a false condition hides the command (v shows it), one that cannot be checked shows it.
@Suite struct ConditionTests {
    static let tree = TestTrees.minimal(extraNodes: """
          versions:
            title: Versions
            commands:
              - run: rucio list-dids
                does: old form
                when: rucio < 37
              - run: rucio did list
                does: new form
                when: rucio >= 37
              - run: rucio whoami
                does: any form

        """)
    static let key = NodeKey(tree: "demo", node: "versions")
    static let catalog = TestTrees.catalog([tree])

    static func board(_ version: String?) -> ProbeBoard {
        var board = ProbeBoard()
        let result = version.map { ProbeResult(.passed, "rucio \($0) found at /usr/bin/rucio", version: $0) }
            ?? ProbeResult(.failed, "rucio is not on your PATH")
        board.record(result, for: "version:rucio")
        return board
    }

    static func shownRuns(_ board: ProbeBoard, revealHidden: Bool = false) -> [String] {
        let resource = catalog.node(key)?.resource
        return PageItem.items(of: .node(Trail(at: key)), in: catalog, probes: board, revealHidden: revealHidden).compactMap { item in
            if case .command(let index) = item { return resource?.commands[index].run }
            return nil
        }
    }

    @Test(arguments: [
        ("rucio >= 37", true), ("rucio < 37", true), ("rucio == 37.0", true), ("command rucio", true), ("file ~/.globus/usercert.pem", true),
        ("env SLURM_CLUSTER_NAME", true), ("rucio >= 3x", false), ("rucio => 37", false), ("$(id) >= 1", false), ("file relative", false), ("", false),
    ])
    func conditionsAreParsedOrRefused(text: String, valid: Bool) {
        let parsed = Condition.parse(text)
        if case .success = parsed { #expect(valid, "\(text)") } else { #expect(!valid, "\(text)") }
    }

    @Test func eachVersionSeesOnlyItsFormAndAnUnknownVersionSeesBoth() {
        #expect(Self.shownRuns(Self.board("41.0.0")) == ["rucio did list", "rucio whoami"])
        #expect(Self.shownRuns(Self.board("35.8.0")) == ["rucio list-dids", "rucio whoami"])
        #expect(Self.shownRuns(Self.board("37")) == ["rucio did list", "rucio whoami"])
        #expect(Self.shownRuns(Self.board(nil)) == ["rucio list-dids", "rucio did list", "rucio whoami"])
        #expect(Self.shownRuns(ProbeBoard()) == ["rucio list-dids", "rucio did list", "rucio whoami"])
        #expect(Self.shownRuns(Self.board("41.0.0"), revealHidden: true) == ["rucio list-dids", "rucio did list", "rucio whoami"])
    }

    @Test func pagesTextAndJSONSayWhatAppliesAndWhy() throws {
        let board = Self.board("41.0.0")
        let page = PageLayout(place: .node(Trail(at: Self.key)), catalog: Self.catalog, width: 100, probes: board)
        let text = page.lines.map { $0.spans.map(\.text).joined() }
        #expect(text.contains { $0.contains("for rucio >= 37: yes, rucio 41.0.0 found at /usr/bin/rucio") }, "\(text)")
        #expect(text.contains { $0.contains("1 command is for other machines: hidden (v shows them)") })
        #expect(!text.contains { $0.contains("rucio list-dids") })
        let plain = NodeText(width: 100).lines(for: Self.key, in: Self.catalog, probes: board)
        #expect(!plain.contains("  $ rucio list-dids") && plain.contains("  $ rucio did list"))
        #expect(plain.contains("  (1 command is for other machines: hidden, v shows them)"))
        let json = NodeJSON.node(Self.key, in: Self.catalog, probes: board).serialized(pretty: false)
        #expect(json.contains(#""run":"rucio list-dids","does":"old form","multiline":false,"when":{"condition":"rucio < 37","holds":false}"#))
        #expect(json.contains(#""run":"rucio whoami","does":"any form","multiline":false,"when":null"#))
    }

    @Test func theVersionProbeReadsTheFirstVersionNumber() {
        let machine = ProbeTests.Machine(executables: ["/usr/bin/rucio"], versions: ["/usr/bin/rucio": "rucio 41.0.0\nmore\n"])
        let probe = Probe(check: .version("rucio"), location: SourceLocation(file: "t", line: 1, column: 1))
        #expect(ProbeEvaluator.evaluate(probe, on: machine) == ProbeResult(.passed, "rucio 41.0.0 found at /usr/bin/rucio", version: "41.0.0"))
        let silent = ProbeTests.Machine(executables: ["/usr/bin/rucio"], versions: ["/usr/bin/rucio": "no digits here"])
        #expect(ProbeEvaluator.evaluate(probe, on: silent).outcome == .unknown)
        #expect(ProbeBoard.probes(of: try! #require(Self.catalog.node(Self.key))).map(\.key) == ["version:rucio"])
    }

    @Test func vTogglesTheHiddenCommandsInTheInterface() {
        var navigator = Navigator(catalog: Self.catalog, start: Self.key, size: ScreenSize(columns: 100, rows: 40), version: "t")
        navigator.handle(.probeAnswered(key: "version:rucio", ProbeResult(.passed, "rucio 41.0.0", version: "41.0.0")))
        #expect(navigator.items.count == 2)
        navigator.handle(.chooseNumber(1))
        #expect(navigator.items[navigator.state.selection] == .command(1))
        navigator.handle(KeyBindings.action(for: .character("v"), in: navigator.state) ?? .quit)
        #expect(navigator.items.count == 3 && navigator.state.revealHidden)
        #expect(navigator.items[navigator.state.selection] == .command(1), "the new form stays selected")
    }

    @Test func theCacheKeepsConditions() throws {
        let tree = try #require(TestTrees.load(Self.tree).tree)
        let cached = try TreeCodec.decode(TreeCodec.encode(tree), file: "test.yaml")
        #expect(cached.nodes == tree.nodes)
        #expect(cached.nodes["versions"]?.resource?.commands.first?.when?.description == "rucio < 37")
    }

    @Test func aBadConditionIsAnErrorWhereItIsWritten() {
        let yaml = TestTrees.minimal(extraNodes: "  bad:\n    title: Bad\n    commands:\n      - run: x\n        does: y\n        when: rucio => 37\n")
        #expect(TestTrees.diagnostics(yaml).contains { $0.contains("error: when: 'rucio => 37' is not a condition") })
    }
}

/// Links take conditions the same way as commands.
@Suite struct LinkConditionTests {
    static let tree = TestTrees.minimal(extraNodes: """
          portal:
            title: Portal
            links:
              - url: https://old.example.org
                label: Old portal
                when: tool < 2
              - url: https://new.example.org
                label: New portal
                when: tool >= 2

        """)
    static let key = NodeKey(tree: "demo", node: "portal")

    @Test func aLinkForAnotherVersionIsHiddenAndCounted() throws {
        let catalog = TestTrees.catalog([Self.tree])
        var board = ProbeBoard()
        board.record(ProbeResult(.passed, "tool 2.1 found at /usr/bin/tool", version: "2.1"), for: "version:tool")
        let items = PageItem.items(of: .node(Trail(at: Self.key)), in: catalog, probes: board)
        #expect(items == [.link(1)])
        let text = NodeText(width: 100).lines(for: Self.key, in: catalog, probes: board)
        #expect(text.contains("  New portal: https://new.example.org") && !text.contains("  Old portal: https://old.example.org"))
        #expect(text.contains("  (1 link is for other machines: hidden, v shows them)"), "\(text)")
        let json = NodeJSON.node(Self.key, in: catalog, probes: board).serialized(pretty: false)
        #expect(json.contains(#""url":"https://old.example.org","when":{"condition":"tool < 2","holds":false}"#), "\(json)")
        let cached = try TreeCodec.decode(TreeCodec.encode(try #require(TestTrees.load(Self.tree).tree)), file: "test.yaml")
        #expect(cached.nodes[Self.key.node]?.resource?.links.map { $0.when?.description } == ["tool < 2", "tool >= 2"])
    }
}
