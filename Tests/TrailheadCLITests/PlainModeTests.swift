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
