import Foundation
import Testing

/// `validate --format github|gitlab|json|text` on the malformed fixtures.
@Suite struct ValidateFormatTests {
    static let danglingGoto = "Tests/Fixtures/malformed/dangling-goto.yaml"
    static let unreachable = "Tests/Fixtures/malformed/unreachable-node.yaml"

    @Test func githubPrintsOneAnnotationPerProblem() throws {
        let outcome = try CLIRunner.run(["validate", "--no-default-trees", "--format", "github", Self.danglingGoto])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == """
        ::error file=\(Self.danglingGoto),line=14,col=15,title=dangling-reference::there is no node 'hlep' in this tree; did you mean 'help'?
        1 file checked: 1 error, 0 warnings

        """)
    }

    @Test func githubWarningsKeepExitZero() throws {
        let outcome = try CLIRunner.run(["validate", "--no-default-trees", "--format", "github", "./" + Self.unreachable])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix(
            "::warning file=\(Self.unreachable),line=16,col=3,title=unreachable::node 'orphan' cannot be reached from start 'start'; "))
    }

    @Test func gitlabPrintsACodeQualityReport() throws {
        let outcome = try CLIRunner.run(["validate", "--no-default-trees", "--format", "gitlab", Self.danglingGoto])
        #expect(outcome.status == 1)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(issues.count == 1)
        let issue = issues[0]
        #expect(issue["description"] as? String == "there is no node 'hlep' in this tree; did you mean 'help'?")
        #expect(issue["check_name"] as? String == "dangling-reference")
        #expect(issue["severity"] as? String == "major")
        let fingerprint = try #require(issue["fingerprint"] as? String)
        #expect(fingerprint.count == 16 && fingerprint.allSatisfy(\.isHexDigit))
        let location = try #require(issue["location"] as? [String: Any])
        #expect(location["path"] as? String == Self.danglingGoto)
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 14)
        let again = try CLIRunner.run(["validate", "--no-default-trees", "--format", "gitlab", Self.danglingGoto])
        #expect(again.stdout == outcome.stdout)
    }

    @Test func gitlabWarningsAreMinor() throws {
        let outcome = try CLIRunner.run(["validate", "--no-default-trees", "--format", "gitlab", Self.unreachable])
        #expect(outcome.status == 0)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(issues.map { $0["severity"] as? String } == ["minor"])
    }

    @Test func aCleanRunIsAnEmptyReport() throws {
        let outcome = try CLIRunner.run(["validate", "--format", "gitlab", "trees/"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "[]\n")
    }

    @Test func jsonFlagAndFormatJSONAgree() throws {
        let flag = try CLIRunner.run(["validate", "--no-default-trees", "--json", Self.danglingGoto])
        let option = try CLIRunner.run(["validate", "--no-default-trees", "--format", "json", Self.danglingGoto])
        #expect(flag.status == 1 && option.status == 1)
        #expect(flag.stdout == option.stdout)
        #expect(try option.json["errors"] as? Int == 1)
    }

    @Test func conflictingOrUnknownFormatsAreUsageErrors() throws {
        #expect(try CLIRunner.run(["validate", "--json", "--format", "github", "trees/"]).status == 2)
        #expect(try CLIRunner.run(["validate", "--format", "junit", "trees/"]).status == 2)
    }
}
