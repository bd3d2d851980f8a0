import Foundation
import Testing

/// Plain line mode driven through stdin, as a screen reader user or a script would.
@Suite struct PlainModeTests {
    @Test func pipedAnswersWalkTheTreeAndEndOfInputQuits() throws {
        let outcome = try CLIRunner.run(["--trees", CLIRunner.trees, "--no-default-trees", "escape-vre"], stdin: "find\n2\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("What do you want to do?"))
        #expect(outcome.stdout.contains("[ESCAPE Virtual Research Environment › Find, download or share data]"))
        #expect(outcome.stderr.isEmpty)
    }

    @Test func startsWithTheListOfTreesAndAcceptsNumbers() throws {
        let outcome = try CLIRunner.run(["--plain"], stdin: "2\n1\nq\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Choose a guide:"))
        #expect(outcome.stdout.contains("[Your first day on an HPC login node › "))
    }

    @Test func searchesAndJumpsFromPlainMode() throws {
        let outcome = try CLIRunner.run(["--plain", "escape-vre"], stdin: "/rucio download\n1\nb\nq\n")
        #expect(outcome.stdout.contains("Results for 'rucio download':\n  1. Download data from the data lake"))
        #expect(outcome.stdout.contains("$ rucio download"))
    }

    /// Plain mode searches with the engine `trailhead search` and the interface use: the
    /// catalog's snapshot, saved by the first search and then read again.
    @Test func plainModeSearchesThroughTheCatalogsSnapshot() throws {
        let cache = try CLIRunner.testHome() + "/.cache/trailhead"
        let first = try CLIRunner.run(["--plain", "escape-vre"], stdin: "/rucio download\n1\nq\n")
        #expect(first.stdout.contains("Results for 'rucio download':\n  1. Download data from the data lake"))
        let saved = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("search") }
        #expect(saved.count == 1, "\(saved)")
        let again = try CLIRunner.run(["--plain", "escape-vre"], stdin: "/rucio download\n1\nq\n")
        #expect(again.stdout == first.stdout)
    }

    @Test func termDumbUsesPlainMode() throws {
        let outcome = try CLIRunner.run(["escape-vre"], stdin: "q\n", environment: ["TERM": "dumb"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("  1. Get access"))
        #expect(!outcome.stdout.contains("\u{1B}"))
    }

    @Test func invalidAnswersAreExplainedNotFatal() throws {
        let outcome = try CLIRunner.run(["--plain", "escape-vre"], stdin: "42\nzzz\nq\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("'42' is not one of the choices."))
        #expect(outcome.stdout.contains("'zzz' is not one of the choices."))
    }

    @Test func noTreesIsAClearErrorNotACrash() throws {
        let empty = try CLIRunner.treeDirectory([:])
        let outcome = try CLIRunner.run(["--no-default-trees", "--trees", empty], stdin: "")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no trees could be loaded"))
    }
}

/// Probes in plain mode: answered before the page is printed, with the suggested choice marked.
struct PlainModeProbeTests {
    @Test func thePageSaysWhatTheMachineHasAndWhichChoiceItSuggests() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("trailhead-plain-probes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/.globus", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: home + "/.globus/usercert.pem"))
        let outcome = try CLIRunner.run(["--plain", "escape-vre/cert"], stdin: "q\n", environment: ["HOME": home])
        #expect(outcome.stdout.contains("\n✓ ~/.globus/usercert.pem exists\n"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("  5. I want to check the certificate I have installed — Who it names and when it\n     expires (suggested)"), "\(outcome.stdout)")
        let without = try CLIRunner.run(["--plain", "escape-vre/cert"], stdin: "q\n")
        #expect(without.stdout.contains("\n✗ ~/.globus/usercert.pem does not exist\n"))
        #expect(!without.stdout.contains("(suggested)"))
    }
}

/// The Rucio leaves ask the machine's `rucio --version` and show the form it understands.
@Suite struct RucioVersionTests {
    /// A directory holding a `rucio` that prints `version`, to put first on PATH.
    static func fakeRucio(_ version: String) throws -> String {
        let directory = try CLIRunner.treeDirectory(["rucio": "#!/bin/sh\necho \"rucio \(version)\"\n"])
        chmod(directory + "/rucio", 0o755)
        return directory
    }

    @Test(arguments: [("41.0.0", "rucio did list", "rucio list-dids"), ("35.8.0", "rucio list-dids", "rucio did list")])
    func showPrintsOnlyTheFormTheInstalledClientUnderstands(version: String, shown: String, hidden: String) throws {
        let path = try Self.fakeRucio(version) + ":/usr/bin:/bin"
        let outcome = try CLIRunner.run(["show", "escape-vre/rucio-list-dids"], environment: ["PATH": path])
        #expect(outcome.stdout.contains("  $ \(shown) "), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("  $ \(hidden) "), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("1 command is for other machines: hidden"))
        let json = try CLIRunner.run(["show", "--json", "escape-vre/rucio-list-dids"], environment: ["PATH": path])
        #expect(json.stdout.contains("\"holds\":false") && json.stdout.contains("\"holds\":true"), "\(json.stdout)")
    }

    @Test func withoutRucioBothFormsAreShownEachMarked() throws {
        let outcome = try CLIRunner.run(["show", "escape-vre/rucio-list-dids"])
        #expect(outcome.stdout.contains("  $ rucio list-dids ") && outcome.stdout.contains("  $ rucio did list "), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("(for rucio < 37: cannot tell, rucio is not on your PATH)"), "\(outcome.stdout)")
    }

    @Test func vInPlainModeShowsTheOtherForm() throws {
        let path = try Self.fakeRucio("41.0.0") + ":/usr/bin:/bin"
        let outcome = try CLIRunner.run(["--plain", "escape-vre/rucio-list-dids"], stdin: "v\nq\n", environment: ["PATH": path])
        let pages = outcome.stdout.components(separatedBy: "[ESCAPE Virtual Research Environment")
        #expect(pages.count == 3, "\(outcome.stdout)")
        #expect(!pages[1].contains("  $ rucio list-dids ") && pages[2].contains("  $ rucio list-dids "), "\(outcome.stdout)")
    }
}
