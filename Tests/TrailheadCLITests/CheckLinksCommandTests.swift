import Foundation
import Testing

/// `check-links` against a local server: dead, redirected and hanging links, exit codes, JSON, no curl.
@Suite struct CheckLinksCommandTests {
    static func tree(_ urls: [String], feedback: String? = nil) -> String {
        """
        format: 1
        id: links
        title: Links
        description: Links to check.
        start: start
        \(feedback.map { "feedback: '\($0)'" } ?? "")
        nodes:
          start:
            question: Which?
            choices:
              - label: All
                goto: all
              - label: Again
                goto: again
          all:
            title: All
            links:
        \(urls.map { "      - url: \($0)" }.joined(separator: "\n"))
          again:
            title: Again
            links:
              - url: \(urls[0])
        """
    }

    static func elapsed(_ body: () throws -> CLIRunner.Outcome) rethrows -> (CLIRunner.Outcome, Double) {
        let start = Date()
        let outcome = try body()
        return (outcome, Date().timeIntervalSince(start))
    }

    @Test func reportsDeadRedirectedAndHangingLinksPromptly() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let missing = server.url("/missing")
        let directory = try CLIRunner.treeDirectory(["links.yaml": Self.tree([
            missing, server.url("/ok"), server.url("/moved"), server.url("/hang"), server.url("/hang?again"),
            server.url("/no-head"), "mailto:help@example.org", "http://127.0.0.1:1/refused",
        ], feedback: server.url("/ok?tree={tree}"))])
        let file = directory + "/links.yaml"
        let (outcome, seconds) = try Self.elapsed {
            try CLIRunner.run(["check-links", "--no-default-trees", "--trees", directory, "--timeout", "1", "--jobs", "4"])
        }
        #expect(outcome.status == 1)
        #expect(seconds < 4, "two hanging URLs at once should take about the 1 s timeout, took \(seconds) s")
        // curl's own wording of a refused connection includes a duration; only its start is fixed.
        let lines = outcome.stdout.split(separator: "\n").map { line in
            line.contains("unreachable: Failed to connect to 127.0.0.1 port 1")
                ? String(line.prefix { $0 != "(" }) + "(unreachable: …) in links/all" : String(line)
        }
        #expect(lines == [
            "\(file):18:9: dead: \(missing) (HTTP 404) in links/all",
            "\(file):20:9: redirected: \(server.url("/moved")) -> \(server.url("/ok")) (HTTP 301) in links/all",
            "\(file):21:9: dead: \(server.url("/hang")) (timed out after 1 s) in links/all",
            "\(file):22:9: dead: \(server.url("/hang?again")) (timed out after 1 s) in links/all",
            "\(file):25:9: dead: http://127.0.0.1:1/refused (unreachable: …) in links/all",
            "\(file):29:9: dead: \(missing) (HTTP 404) in links/again",
            "checked 8 URLs in 9 places: 3 ok, 1 redirected, 4 dead; skipped 1 link that is not http or https",
        ])
    }

    @Test func redirectsAloneExitZeroAndJSONHasEveryURL() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let directory = try CLIRunner.treeDirectory(["links.yaml": Self.tree([server.url("/ok"), server.url("/moved"), server.url("/no-head")])])
        let outcome = try CLIRunner.run(["check-links", "--no-default-trees", "--trees", directory, "--timeout", "2", "--json"])
        #expect(outcome.status == 0)
        let json = try outcome.json
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["urls": 3, "places": 4, "ok": 2, "redirected": 1, "dead": 0, "skipped": 0])
        let urls = try #require(json["urls"] as? [[String: Any]])
        #expect(urls.compactMap { $0["status"] as? String } == ["ok", "redirected", "ok"])
        #expect(urls[1]["code"] as? Int == 301)
        #expect(urls[1]["location"] as? String == server.url("/ok"))
        let occurrences = try #require(urls[0]["occurrences"] as? [[String: Any]])
        #expect(occurrences.compactMap { $0["node"] as? String } == ["all", "again"])
        #expect((occurrences.first?["source"] as? [String: Any])?["line"] as? Int == 18)
        #expect((json["skipped"] as? [Any])?.isEmpty == true)
    }

    @Test func withoutCurlItSaysSoAndExitsTwo() throws {
        let emptyPath = try CLIRunner.treeDirectory([:])
        let directory = try CLIRunner.treeDirectory(["links.yaml": Self.tree(["https://example.org"])])
        let outcome = try CLIRunner.run(["check-links", "--no-default-trees", "--trees", directory], environment: ["PATH": emptyPath])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "trailhead: error: check-links needs curl, which is not on PATH; install it (Debian: sudo apt-get install curl)\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try CLIRunner.run(["check-links", "--jobs", "0"]).status == 2)
        #expect(try CLIRunner.run(["check-links", "--timeout", "-1"]).status == 2)
        #expect(try CLIRunner.run(["check-links", "--timeout", "soon"]).status == 2)
    }

    /// URLs written in a node's text or in a command are checked too; the check can be limited
    /// to one tree, by id or by its file.
    @Test func textAndCommandURLsAreCheckedAndTheCheckCanBeLimited() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let missing = server.url("/missing")
        let withText = Self.tree([server.url("/ok")]).replacingOccurrences(of: "    title: Again\n", with: """
                title: Again
                body: The guide is at \(missing). Read it first.
                commands:
                  - run: curl -fsSL \(server.url("/missing?fetched")) -o x
                    does: Fetches it.

            """)
        let other = Self.tree([missing]).replacingOccurrences(of: "id: links", with: "id: other")
        let directory = try CLIRunner.treeDirectory(["links.yaml": withText, "other.yaml": other])
        let trees = ["--no-default-trees", "--trees", directory, "--timeout", "2"]
        let outcome = try CLIRunner.run(["check-links"] + trees + ["links", "--json"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let urls = try #require(try outcome.json["urls"] as? [[String: Any]])
        let fields = urls.flatMap { ($0["occurrences"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
        #expect(Set(fields) == ["link", "text", "command"], "\(fields)")
        let checkedTrees = Set(urls.flatMap { ($0["occurrences"] as? [[String: Any]] ?? []).compactMap { $0["tree"] as? String } })
        #expect(checkedTrees == ["links"], "only the tree asked for")
        let byFile = try CLIRunner.run(["check-links"] + trees + [directory + "/other.yaml"])
        #expect(byFile.stdout.contains("in other/all") && !byFile.stdout.contains("in links/"), "\(byFile.stdout)")
        let unknown = try CLIRunner.run(["check-links"] + trees + ["nope"])
        #expect(unknown.status == 2 && unknown.stderr.contains("'nope' is neither a loaded tree"), "\(unknown.stderr)")
    }

}
