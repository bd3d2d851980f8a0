import Foundation
import Testing

/// `list`, `show`, `walk` and `search`: text, JSON and exit codes, from the real binary.
@Suite struct ScriptedCommandTests {
    @Test func helpShowsExamplesAndExitsZero() throws {
        let outcome = try CLIRunner.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Examples:"))
        #expect(outcome.stdout.contains("validate"))
    }

    @Test func usageErrorsExitTwo() throws {
        let unknownOption = try CLIRunner.run(["list", "--bogus"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("--bogus"))
        #expect(try CLIRunner.run(["show"]).status == 2)
        #expect(try CLIRunner.run(["show", "a/b/c"]).status == 2)
        #expect(try CLIRunner.run(["search", "--limit", "0", "x"]).status == 2)
    }

    @Test func listShowsTreesAndTheirStartQuestions() throws {
        let text = try CLIRunner.run(["list"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("escape-vre  ESCAPE Virtual Research Environment"))
        #expect(text.stdout.contains("Start: What do you want to do?"))
        let json = try CLIRunner.run(["list", "--json"]).json
        let trees = try #require(json["trees"] as? [[String: Any]])
        #expect(trees.compactMap { $0["id"] as? String } == ["escape-vre", "login-node"])
        let start = try #require(trees[0]["start"] as? [String: Any])
        #expect(start["node"] as? String == "start")
        #expect((trees[0]["nodes"] as? Int ?? 0) >= 40)
    }

    @Test func listWithNoTreesExitsOne() throws {
        let empty = try CLIRunner.treeDirectory([:])
        let outcome = try CLIRunner.run(["list", "--no-default-trees", "--trees", empty])
        #expect(outcome.status == 1)
    }

    @Test func showPrintsANodeWithItsBreadcrumb() throws {
        let text = try CLIRunner.run(["show", "escape-vre/rucio-download"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("[ESCAPE Virtual Research Environment › "))
        #expect(text.stdout.contains("$ rucio download"))
        let json = try CLIRunner.run(["show", "escape-vre/rucio-download", "--json"]).json
        #expect(json["kind"] as? String == "resource")
        let path = try #require(json["path"] as? [[String: Any]])
        #expect(path.first?["key"] as? String == "escape-vre/start")
        #expect(path.first?["node"] as? String == "start" && path.first?["tree"] as? String == "escape-vre")
        let commands = try #require(json["commands"] as? [[String: Any]])
        #expect((commands.first?["run"] as? String)?.contains("rucio download") == true)
        let source = try #require(json["source"] as? [String: Any])
        #expect((source["file"] as? String)?.hasSuffix("trees/escape-vre.yaml") == true)
    }

    @Test func showATreeMeansItsStart() throws {
        let json = try CLIRunner.run(["show", "login-node", "--json"]).json
        #expect(json["node"] as? String == "start")
        #expect(json["kind"] as? String == "question")
        #expect((json["choices"] as? [Any])?.isEmpty == false)
    }

    @Test func showAnUnknownNodeExitsOneWithASuggestion() throws {
        let outcome = try CLIRunner.run(["show", "escape-vre/rucio-downlaod"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("did you mean 'rucio-download'?"))
        #expect(try CLIRunner.run(["show", "no-such-tree"]).status == 1)
    }

    @Test func walkFollowsNumbersAndLabelsToTheSameNode() throws {
        let shown = try CLIRunner.run(["show", "escape-vre/rucio-download", "--json"]).json
        let path = try #require(shown["path"] as? [[String: Any]])
        let numbers = path.compactMap { $0["number"] as? Int }.map(String.init)
        let labels = path.compactMap { $0["answer"] as? String }.map { String($0.lowercased().prefix(12)) }
        for answers in [numbers, labels] {
            let arguments = ["walk", "escape-vre", "--json"] + answers.flatMap { ["--answer", $0] }
            let outcome = try CLIRunner.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            #expect(try outcome.json["node"] as? String == "rucio-download")
        }
    }

    @Test func walkWithAnInvalidAnswerNamesTheValidChoices() throws {
        let outcome = try CLIRunner.run(["walk", "escape-vre", "--answer", "99"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("'99' is not a choice of 'escape-vre/start'; valid choices: 1) Get access"))
        let json = try CLIRunner.run(["walk", "escape-vre", "--answer", "zzz", "--json"]).json
        let error = try #require(json["error"] as? [String: Any])
        #expect((error["choices"] as? [Any])?.count ?? 0 >= 2)
    }

    @Test func walkPastAResourceFails() throws {
        let outcome = try CLIRunner.run(["walk", "escape-vre/rucio-download", "--answer", "1"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("is a resource"))
    }

    @Test func searchFindsTheNodeAndReportsPositions() throws {
        let text = try CLIRunner.run(["search", "rucio", "download"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("escape-vre/rucio-download  "))
        let json = try CLIRunner.run(["search", "rucio download", "--json"]).json
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.first?["node"] as? String == "rucio-download")
        #expect((results.first?["positions"] as? [Int])?.isEmpty == false)
        #expect(results.first?["path"] is [Any])
        let none = try CLIRunner.run(["search", "qqqzzzxx"])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
    }

    /// Results are streamed; piped, the JSON is one line, on a terminal it is indented the usual way.
    @Test func searchJSONIsOneLineWhenPipedAndIndentedOnATerminal() throws {
        let piped = try CLIRunner.run(["search", "rucio", "--json"])
        #expect(piped.stdout.split(separator: "\n").count == 1)
        #expect(try #require(piped.json["results"] as? [[String: Any]]).count > 10)
        let empty = try CLIRunner.run(["search", "qqqzzzxx", "--json"])
        #expect(empty.status == 1)
        #expect(empty.stdout == "{\"format\":1,\"query\":\"qqqzzzxx\",\"reading\":\"words\",\"results\":[]}\n")
        // `script` gives the command a terminal for stdout.
        let command = "\(CLIRunner.binary) search rucio --json --limit 2 --no-default-trees --trees \(CLIRunner.trees)"
        let onTerminal = try CLIRunner.run(["-qc", command, "/dev/null"], executable: "/usr/bin/script")
        let text = onTerminal.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.hasPrefix("{\n  \"format\": 1,\n  \"query\": \"rucio\",\n  \"reading\": \"fuzzy\",\n  \"results\": [\n    {\n      \"tree\": \"escape-vre\","))
        #expect(text.hasSuffix("\n    }\n  ]\n}\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((parsed?["results"] as? [Any])?.count == 2)
    }

    /// Once a search has saved its catalog's snapshot, later searches are answered from it, and
    /// print exactly what a search without any cache prints, as JSON and as text. A changed tree
    /// is never searched through the old snapshot, and a damaged snapshot is ignored.
    @Test func searchesThroughASnapshotPrintWhatAFreshSearchPrints() throws {
        let tree = """
            format: 1
            id: demo
            title: Demo
            description: A tree for tests.
            start: start
            nodes:
              start:
                question: Which "data" do you need?
                choices:
                  - label: Données DÉSY
                    goto: data
              data:
                title: Get data
                body: Use the data portal.
            """
        let directory = try CLIRunner.treeDirectory(["demo.yaml": tree])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = ["XDG_CACHE_HOME": directory + "/cache"]
        func search(_ arguments: [String], _ environment: [String: String]) throws -> CLIRunner.Outcome {
            try CLIRunner.run(["search"] + arguments + ["--no-default-trees", "--trees", directory], environment: environment)
        }
        func snapshots() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/cache/trailhead")) ?? []).filter { $0.hasPrefix("search") }
        }
        for arguments in [["data", "--json"], ["desy data", "--json"], ["data"], ["'Get", "--json", "--limit", "1"]] {
            let fresh = try search(arguments, ["TRAILHEAD_NO_CACHE": "1"])
            #expect(fresh.status == 0)
            #expect(try search(arguments, cache).stdout == fresh.stdout, "\(arguments), saving the snapshot")
            #expect(snapshots().count == 1)
            #expect(try search(arguments, cache).stdout == fresh.stdout, "\(arguments), from the snapshot")
        }
        try Data(tree.replacingOccurrences(of: "Get data", with: "Get datasets").utf8).write(to: URL(fileURLWithPath: directory + "/demo.yaml"))
        let edited = try search(["data", "--json"], cache)
        #expect(edited.stdout.contains("Get datasets"))
        #expect(edited.stdout == (try search(["data", "--json"], ["TRAILHEAD_NO_CACHE": "1"])).stdout)
        let snapshot = directory + "/cache/trailhead/" + (try #require(snapshots().first))
        let handle = try #require(FileHandle(forWritingAtPath: snapshot))
        try handle.truncate(atOffset: 200)
        try handle.close()
        #expect(try search(["data", "--json"], cache).stdout == edited.stdout, "a damaged snapshot is rebuilt")
    }

    /// A result list longer than a batch of the JSON stream (the first is 512 items, then
    /// growing) comes out whole and in rank order, written from the snapshot and without a
    /// cache alike: the same keys, in the same order, as the text listing prints.
    @Test func aLongResultListStreamsWholeAndInOrderAcrossBatches() throws {
        var tree = """
            format: 1
            id: many
            title: Many
            description: A tree with many nodes.
            start: start
            nodes:
              start:
                question: Which item?
                choices:
                  - label: The first item
                    goto: n0

            """
        for number in 0..<3000 {
            tree += "  n\(number):\n    title: Item \(number) of \(number % 7 == 0 ? "the long" : "a") data list\n    body: Entry \(number).\n"
        }
        let directory = try CLIRunner.treeDirectory(["many.yaml": tree])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let trees = ["--no-default-trees", "--trees", directory]
        let listed = try CLIRunner.run(["search", "item", "--limit", "10000"] + trees, environment: ["TRAILHEAD_NO_CACHE": "1"])
        let expected = listed.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.split(separator: " ")[0]) }
        #expect(expected.count == 3001)
        for environment in [["TRAILHEAD_NO_CACHE": "1"], ["XDG_CACHE_HOME": directory + "/cache"], ["XDG_CACHE_HOME": directory + "/cache"]] {
            let results = try #require(try CLIRunner.run(["search", "item", "--json"] + trees, environment: environment).json["results"] as? [[String: Any]])
            let keys = results.map { "\($0["tree"] as? String ?? "")/\($0["node"] as? String ?? "")" }
            #expect(keys == expected, "\(environment)")
        }
    }
}
