import Foundation
import Testing

/// `validate`: diagnostics format, JSON and exit codes; broken files never stop the others.
@Suite struct ValidateCommandTests {
    static let brokenTree = """
    format: 1
    id: broken
    title: Broken
    description: Has a typo.
    start: start
    nodes:
      start:
        question: Q?
        choises: []
    """

    @Test func bundledTreesAreClean() throws {
        let outcome = try CLIRunner.run(["validate", "trees/"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "2 files checked: 0 errors, 0 warnings\n")
        let style = try CLIRunner.run(["validate", "--style", "trees/"])
        #expect(style.stdout == "2 files checked: 0 errors, 0 warnings\n", "the bundled trees follow the house style")
    }

    @Test func reportsFileLineColumnAndExitsOne() throws {
        let directory = try CLIRunner.treeDirectory(["broken.yaml": Self.brokenTree])
        let outcome = try CLIRunner.run(["validate", directory + "/broken.yaml"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("\(directory)/broken.yaml:9:5: error: unknown key 'choises' in a question node; did you mean 'choices'?"))
        #expect(outcome.stdout.contains("\(directory)/broken.yaml:7:3: error: question 'start' has no 'choices'; add at least one"))
    }

    @Test func jsonListsDiagnostics() throws {
        let directory = try CLIRunner.treeDirectory(["broken.yaml": Self.brokenTree])
        let json = try CLIRunner.run(["validate", "--json", directory]).json
        #expect(json["errors"] as? Int == 2)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["code"] as? String == "dead-end")
        #expect(diagnostics.first?["line"] as? Int == 7)
    }

    @Test func aMissingPathIsAUsageError() throws {
        let outcome = try CLIRunner.run(["validate", "no/such/dir"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no such file or directory"))
    }

    @Test func aBrokenFileDoesNotStopTheOthersFromLoading() throws {
        let directory = try CLIRunner.treeDirectory(["broken.yaml": Self.brokenTree])
        let outcome = try CLIRunner.run(["list", "--trees", directory])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("escape-vre"))
        #expect(outcome.stderr.contains("skipped 1 broken tree file"))
        #expect(outcome.stderr.contains("trailhead validate"))
    }

    @Test func hostileTextIsNeverPrintedRaw() throws {
        let hostile = Self.brokenTree
            .replacingOccurrences(of: "choises: []", with: "choices: [{label: \"\\e]0;owned\\a\", goto: start}]")
            .replacingOccurrences(of: "title: Broken", with: "title: \"\\e[2JBroken\\u202E\"")
        let directory = try CLIRunner.treeDirectory(["hostile.yaml": hostile])
        let outcome = try CLIRunner.run(["validate", directory])
        #expect(outcome.status == 1)
        #expect(!outcome.stdout.contains("\u{1B}") && !outcome.stderr.contains("\u{1B}"))
        #expect(!outcome.stdout.contains("\u{202E}"))
    }
}

/// `validate --max-age`: the bundled trees are reviewed, and an old date is reported.
@Suite struct ReviewAgeCommandTests {
    @Test func theBundledTreesHaveBeenReviewedWithinAYear() throws {
        let outcome = try CLIRunner.run(["validate", "--max-age", "365", "trees/"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "2 files checked: 0 errors, 0 warnings\n", "\(outcome.stdout)")
    }

    @Test func anOldReviewIsAWarningInEveryFormat() throws {
        let directory = try CLIRunner.treeDirectory(["old.yaml": """
            format: 1
            id: old
            title: Old
            description: Reviewed long ago.
            start: leaf
            reviewed: 2001-01-01
            nodes:
              leaf:
                title: Leaf
                body: x

            """])
        let text = try CLIRunner.run(["validate", "--max-age", "30", directory + "/old.yaml"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("old.yaml:8:3: warning: node 'leaf' was last reviewed 2001-01-01"), "\(text.stdout)")
        let github = try CLIRunner.run(["validate", "--format", "github", "--max-age", "30", directory + "/old.yaml"])
        #expect(github.stdout.contains("::warning file="), "\(github.stdout)")
        let without = try CLIRunner.run(["validate", directory + "/old.yaml"])
        #expect(without.stdout == "1 file checked: 0 errors, 0 warnings\n")
    }
}

/// `trailhead test`: the bundled flow tests pass, and a wrong one fails where it is written.
@Suite struct FlowTestCommandTests {
    @Test func theBundledFlowTestsPass() throws {
        let outcome = try CLIRunner.run(["test", "--no-default-trees", "trees/"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let summary = try #require(outcome.stdout.split(separator: "\n").last)
        let passed = Int(summary.firstMatch(of: /(\d+) passed/)?.1 ?? "0") ?? 0
        #expect(summary.hasPrefix("2 files, ") && summary.hasSuffix(" passed, 0 failed"), "\(summary)")
        #expect(passed >= 40, "\(summary)")
    }

    @Test func aWrongScenarioFailsAtItsLine() throws {
        let directory = try CLIRunner.treeDirectory(["wrong.test.yaml": """
            scenarios:
              - name: container
                start: escape-vre
                search: Run the VRE Rucio client container
                expect:
                  ends-at: rucio-install-container
                  shows: 'RUCIO_CFG_ACCOUNT='
              - name: lost
                start: escape-vre
                answers: [Get access, nowhere]
                expect:
                  ends-at: iam-account

            """])
        let text = try CLIRunner.run(["test", "--trees", CLIRunner.trees, directory])
        #expect(text.status == 1)
        #expect(text.stdout.contains("wrong.test.yaml:7:14: error: scenario 'container': no command of 'escape-vre/rucio-install-container' matches 'RUCIO_CFG_ACCOUNT='"), "\(text.stdout)")
        #expect(text.stdout.contains("wrong.test.yaml:10:27: error: scenario 'lost': 'nowhere' is not one choice of 'escape-vre/access'"), "\(text.stdout)")
        #expect(text.stdout.hasSuffix("1 file, 2 scenarios: 0 passed, 2 failed\n"), "\(text.stdout)")
        let gitlab = try CLIRunner.run(["test", "--format", "gitlab", "--trees", CLIRunner.trees, directory])
        #expect(gitlab.status == 1 && gitlab.stdout.contains("\"check_name\":\"scenario-failed\""), "\(gitlab.stdout)")
    }

    @Test func aBrokenScenarioFileIsReportedNotRun() throws {
        let directory = try CLIRunner.treeDirectory(["broken.test.yaml": "scenarios:\n  - name: x\n    strat: escape-vre\n"])
        let outcome = try CLIRunner.run(["test", "--trees", CLIRunner.trees, directory])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("broken.test.yaml:3:5: error: unknown key 'strat' in a scenario; did you mean 'start'?"), "\(outcome.stdout)")
    }
}
