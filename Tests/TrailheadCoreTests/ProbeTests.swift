import Testing
@testable import TrailheadCore

/// Probes: how trees declare them, how they are answered, and how pages show them.
struct ProbeTests {
    /// A machine described by a table, so no test depends on what this one has installed.
    struct Machine: ProbeSystem {
        var environment: [String: String] = ["PATH": "/opt/bin:/usr/bin", "HOME": "/home/ada"]
        var executables: Set<String> = []
        var files: Set<String> = []
        var versions: [String: String] = [:]
        func isExecutableFile(_ path: String) -> Bool { executables.contains(path) }
        func exists(_ path: String) -> Bool { files.contains(path) }
        func versionOutput(of path: String) -> String? { versions[path] }
    }

    static func probe(_ check: Probe.Check) -> Probe {
        Probe(check: check, location: SourceLocation(file: "t", line: 1, column: 1))
    }

    @Test func commandsAreFoundOnPathInOrderAndVersionsMatched() {
        let machine = Machine(executables: ["/usr/bin/rucio", "/opt/bin/rucio"],
                              versions: ["/opt/bin/rucio": "rucio 35.6.0\n"])
        #expect(ProbeEvaluator.evaluate(Self.probe(.command("rucio", versionPattern: nil)), on: machine)
            == ProbeResult(.passed, "rucio found at /opt/bin/rucio"))
        #expect(ProbeEvaluator.evaluate(Self.probe(.command("rucio", versionPattern: "^rucio 3[0-9]\\.")), on: machine)
            == ProbeResult(.passed, "rucio found at /opt/bin/rucio (rucio 35.6.0)"))
        #expect(ProbeEvaluator.evaluate(Self.probe(.command("rucio", versionPattern: "rucio 1\\.")), on: machine)
            == ProbeResult(.failed, "rucio at /opt/bin/rucio is not the version needed (rucio 35.6.0)"))
        #expect(ProbeEvaluator.evaluate(Self.probe(.command("sbatch", versionPattern: nil)), on: machine)
            == ProbeResult(.failed, "sbatch is not on your PATH"))
        let silent = Machine(executables: ["/usr/bin/slow"])
        #expect(ProbeEvaluator.evaluate(Self.probe(.command("slow", versionPattern: "x")), on: silent).outcome == .unknown)
    }

    /// An empty, `.` or relative PATH entry would find a program in the working directory (a
    /// cloned repository's script); only absolute directories are searched.
    @Test(arguments: [":/usr/bin", "/usr/bin:", ".:/usr/bin", "bin:/usr/bin", "/usr/bin::/bin"])
    func onlyAbsolutePathDirectoriesAreSearched(path: String) {
        let machine = Machine(environment: ["PATH": path], executables: ["./rucio", "/rucio", "bin/rucio"])
        #expect(ProbeEvaluator.evaluate(Self.probe(.command("rucio", versionPattern: "x")), on: machine)
            == ProbeResult(.failed, "rucio is not on your PATH"))
    }

    @Test func filesExpandTheHomeDirectoryAndVariablesMustBeNonEmpty() {
        let machine = Machine(environment: ["HOME": "/home/ada", "RUCIO_CONFIG": "/etc/rucio.cfg", "EMPTY": ""],
                              files: ["/home/ada/.globus/usercert.pem"])
        #expect(ProbeEvaluator.evaluate(Self.probe(.file("~/.globus/usercert.pem")), on: machine).passed)
        #expect(!ProbeEvaluator.evaluate(Self.probe(.file("/cvmfs/sw.escape.eu")), on: machine).passed)
        #expect(ProbeEvaluator.evaluate(Self.probe(.environment("RUCIO_CONFIG")), on: machine) == ProbeResult(.passed, "RUCIO_CONFIG is set"))
        #expect(ProbeEvaluator.evaluate(Self.probe(.environment("EMPTY")), on: machine) == ProbeResult(.failed, "EMPTY is not set"))
    }

    static let probedTree = TestTrees.minimal(extraNodes: """
      tools:
        question: How will you run it?
        probes:
          - command: rucio
          - env: RUCIO_CONFIG
        choices:
          - label: It is installed
            suggest-if: {command: rucio}
            goto: data
          - label: Install it
            goto: docs

    """).replacingOccurrences(of: "          - label: Documentation\n            goto: docs", with: "          - label: Documentation\n            goto: docs\n          - label: Tools\n            goto: tools")

    @Test func treesDeclareProbesAndSuggestionsThatSurviveTheCache() throws {
        let loaded = TestTrees.load(Self.probedTree)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let tree = try #require(loaded.tree)
        let node = try #require(tree.nodes["tools"])
        #expect(node.probes.map(\.key) == ["command:rucio", "env:RUCIO_CONFIG"])
        #expect(node.question?.choices.first?.suggestIf?.key == "command:rucio")
        let decoded = try TreeCodec.decode(TreeCodec.encode(tree), file: "test.yaml")
        #expect(decoded.nodes["tools"]?.probes == node.probes)
        #expect(decoded.nodes["tools"]?.question?.choices.first?.suggestIf == node.question?.choices.first?.suggestIf)
    }

    @Test(arguments: [
        ("- command: rm -rf /", "test.yaml:9:18: error: 'rm -rf /' is not a command name; give the bare name looked up on PATH (letters, digits, '.', '_', '+', '-')"),
        ("- command: /usr/bin/rucio", "test.yaml:9:18: error: '/usr/bin/rucio' is not a command name; give the bare name looked up on PATH (letters, digits, '.', '_', '+', '-')"),
        ("- command: --help", "test.yaml:9:18: error: '--help' is not a command name; give the bare name looked up on PATH (letters, digits, '.', '_', '+', '-')"),
        ("- file: relative/path", "test.yaml:9:15: error: file probe 'relative/path' must be an absolute path or start with '~/'"),
        ("- env: $(id)", "test.yaml:9:14: error: '$(id)' is not an environment variable name (letters, digits and '_', not starting with a digit)"),
        ("- {command: rucio, file: /x}", "test.yaml:9:9: error: a probe of 'tools' needs exactly one of 'command', 'file' or 'env'"),
        ("- {env: X, version-matches: '1'}", "test.yaml:9:35: error: 'version-matches' only goes with 'command'"),
        ("- {command: rucio, version-matches: '(('}", "test.yaml:9:43: error: 'version-matches' is not a valid regular expression: expected ')'"),
        ("- shell: echo hi", "test.yaml:9:9: error: unknown key 'shell' in a probe of 'tools'; allowed keys are command, file, env, version-matches"),
    ])
    func hostileOrMistakenProbesAreRefusedWithThePlace(probe: String, message: String) {
        let yaml = "format: 1\nid: demo\ntitle: T\ndescription: D\nstart: tools\nnodes:\n  tools:\n    probes:\n      \(probe)\n    title: Tools\n    body: B\n"
        let diagnostics = TestTrees.diagnostics(yaml)
        #expect(diagnostics.contains { $0.hasPrefix(message) }, "\(diagnostics)")
    }

    @Test func thePageShowsCheckingThenTheAnswersAndMarksTheSuggestedChoice() throws {
        let catalog = TestTrees.catalog([Self.probedTree])
        var navigator = Navigator(catalog: catalog, start: NodeKey(tree: "demo", node: "tools"), size: ScreenSize(columns: 70, rows: 20), version: "t")
        #expect(navigator.unansweredProbes.map(\.key) == ["command:rucio", "env:RUCIO_CONFIG", "command:rucio"])
        let pending = Renderer.render(navigator).rows.map { $0.map(\.text).joined() }
        #expect(pending.contains { $0.hasPrefix("   … checking rucio") })
        navigator.handle(.probeAnswered(key: "command:rucio", ProbeResult(.passed, "rucio found at /usr/bin/rucio")))
        navigator.handle(.probeAnswered(key: "env:RUCIO_CONFIG", ProbeResult(.failed, "RUCIO_CONFIG is not set")))
        #expect(navigator.unansweredProbes.isEmpty)
        let rows = Renderer.render(navigator).rows.map { $0.map(\.text).joined() }
        #expect(rows.contains { $0.hasPrefix("   ✓ rucio found at /usr/bin/rucio") })
        #expect(rows.contains { $0.hasPrefix("   ✗ RUCIO_CONFIG is not set") })
        let suggested = try #require(rows.firstIndex { $0.contains("It is installed") })
        #expect(rows[suggested + 1].hasPrefix("      ✓ suggested: rucio found at /usr/bin/rucio"), "\(rows)")
        #expect(!rows.contains { $0.contains("Install it") && $0.contains("suggested") })
    }

    @Test func scriptedOutputReportsProbesAndSuggestions() throws {
        let catalog = TestTrees.catalog([Self.probedTree])
        let key = NodeKey(tree: "demo", node: "tools")
        let node = try #require(catalog.node(key))
        let board = ProbeBoard.evaluated(node, on: Machine(environment: ["PATH": "/usr/bin"], executables: ["/usr/bin/rucio"]))
        let json = NodeJSON.node(key, in: catalog, probes: board).serialized(pretty: false)
        #expect(json.contains(#""probes":[{"kind":"command","subject":"rucio","missing":false,"result":"passed","detail":"rucio found at /usr/bin/rucio"},{"kind":"env","subject":"RUCIO_CONFIG","missing":false,"result":"failed","detail":"RUCIO_CONFIG is not set"}]"#))
        #expect(json.contains(#""target":"demo/data","suggested":true"#))
        #expect(json.contains(#""target":"demo/docs","suggested":null"#))
        let text = NodeText(width: 80).lines(for: key, in: catalog, probes: board)
        #expect(text.contains("✓ rucio found at /usr/bin/rucio"))
        #expect(text.contains("  1. It is installed (suggested)"))
    }
}
