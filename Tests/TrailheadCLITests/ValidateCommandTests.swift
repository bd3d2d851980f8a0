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
