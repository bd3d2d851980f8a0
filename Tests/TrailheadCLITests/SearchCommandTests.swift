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
        #expect(json.status == 1 && json.stdout == "{\"query\":\"qqqzzzxx\",\"reading\":\"words\",\"results\":[]}\n")
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
