import Foundation
import Testing

/// `search` in a newcomer's words and `explain` for pasted messages, run as a script would.
@Suite struct SearchCommandTests {
    @Test func aQuestionIsReadAsWordsAndFindsTheLeaf() throws {
        let outcome = try CLIRunner.run(["search", "how do I download a file", "--json"])
        #expect(outcome.status == 0)
        let json = try outcome.json
        #expect(json["reading"] as? String == "words")
        let first = try #require((json["results"] as? [[String: Any]])?.first)
        #expect(first["node"] as? String == "rucio-download", "\(first)")
        #expect((first["positions"] as? [Int])?.isEmpty == false, "the matched words are marked")
    }

    @Test func anAliasAndATypoFindMattermost() throws {
        for query in ["slack", "mattermots"] {
            let outcome = try CLIRunner.run(["search", query])
            #expect(outcome.status == 0 && outcome.stdout.hasPrefix("escape-vre/mattermost  "), "\(query): \(outcome.stdout)\(outcome.stderr)")
        }
    }

    @Test func nothingGoodExitsOneUnlessAll() throws {
        let none = try CLIRunner.run(["search", "how do I book a meeting room"])
        #expect(none.status == 1 && none.stdout.isEmpty)
        #expect(none.stderr.contains("nothing good matches 'how do I book a meeting room'"), "\(none.stderr)")
        let all = try CLIRunner.run(["search", "how do I book a meeting room", "--all"])
        #expect(all.status == 0 && !all.stdout.isEmpty, "--all prints the weak matches")
        let json = try CLIRunner.run(["search", "qqqzzzxx", "--json"])
        #expect(json.status == 1 && json.stdout == "{\"format\":1,\"query\":\"qqqzzzxx\",\"reading\":\"words\",\"results\":[]}\n")
    }

    @Test func explainFindsTheNodeForAPastedMessage() throws {
        let piped = try CLIRunner.run(["explain"], stdin: "scp: /home/ab12/results.tar: Permission denied (publickey).\r\nlost connection\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("login-node/ssh-troubleshoot  When SSH refuses your key\n    matches: Permission denied (publickey\n"), "\(piped.stdout)")
        let json = try CLIRunner.run(["explain", "--json", "bash: voms-proxy-init: command not found"]).json
        let match = try #require((json["matches"] as? [[String: Any]])?.first)
        #expect(match["node"] as? String == "voms-proxy" && match["fragment"] as? String == "voms-proxy-init: command not found")
        let unknown = try CLIRunner.run(["explain", "the coffee machine is empty"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no tree knows this message"))
        #expect(try CLIRunner.run(["explain"], stdin: "  \n").status == 2)
    }

    /// A hostile message is matched and echoed as data: nothing of it reaches the terminal raw.
    @Test func aHostileMessageIsNeverEchoedRaw() throws {
        let outcome = try CLIRunner.run(["explain", "\u{1B}]52;c;aGk=\u{07}Disk quota exceeded\u{1B}[2J"])
        #expect(outcome.status == 0)
        #expect(!outcome.stdout.contains("\u{1B}") && !outcome.stderr.contains("\u{1B}"))
        #expect(outcome.stdout.hasPrefix("login-node/quota  "))
    }
}

/// The completion the shell scripts ask for (`---completion`): tree ids, then a tree's nodes,
/// from the trees the command line would load, and nothing else on the output.
@Suite struct NodeCompletionTests {
    @Test func treeIdsThenNodesFromTheTreesThatWouldLoad() throws {
        let trees = try CLIRunner.treeDirectory(["demo.yaml": """
            format: 1
            id: demo
            title: Demo
            description: A tree for tests.
            start: start
            nodes:
              start:
                question: What?
                choices:
                  - label: Data
                    goto: data
              data:
                title: Data
                body: Text.
            """])
        func complete(_ command: String, _ word: String) throws -> [String] {
            let words = ["trailhead", command, "--no-default-trees", "--trees", trees, word]
            let outcome = try CLIRunner.run(["---completion", command, "--", "positional@0", "\(words.count - 1)", "\(word.count)"] + words)
            #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(outcome.stderr)")
            return outcome.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try complete("show", "de") == ["demo", "demo/start", "demo/data"])
        #expect(try complete("show", "demo/d") == ["demo/data"])
        #expect(try complete("export", "") == ["demo"])
        #expect(try complete("walk", "zz") == [])
    }
}
