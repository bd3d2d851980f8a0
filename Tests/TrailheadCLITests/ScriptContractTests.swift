import Foundation
import Testing

/// What a script may rely on (issue 22): stdout holds only what was asked for, usage errors
/// read cleanly and exit 2, every `--json` command writes a document of its schema, failures
/// included, and text output follows the locale.
struct ScriptContractTests {
    // MARK: --print without a terminal

    /// Plain mode with `--print`: the dialogue is on stderr, stdout gets nothing until a command
    /// is chosen, and input that ends first exits 1.
    @Test func printInPlainModeWritesOnlyTheChoice() throws {
        let nothing = try CLIRunner.run(["--plain", "--print", "login-node"], stdin: "3\n2\n1\n")
        #expect(nothing.status == 1, "\(nothing.stderr)")
        #expect(nothing.stdout.isEmpty, "the dialogue went to stdout: \(nothing.stdout)")
        #expect(nothing.stderr.contains("What do you need to do on the cluster?"))

        let noInput = try CLIRunner.run(["--print"])
        #expect(noInput.status == 1 && noInput.stdout.isEmpty, "\(noInput.stdout)")

        let chosen = try CLIRunner.run(["--plain", "--print", "--set", "comment=ana@laptop", "login-node"], stdin: "1\n1\nc1\n")
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout == "ssh-keygen -t ed25519 -C \"ana@laptop\"\n")

        let asked = try CLIRunner.run(["--plain", "--print", "login-node"], stdin: "1\n1\nc1\nme@x\n")
        #expect(asked.stdout == "ssh-keygen -t ed25519 -C \"me@x\"\n", "the field is asked for on stderr: \(asked.stderr)")
        #expect(asked.stderr.contains("{comment} A label for the key"))

        let link = try CLIRunner.run(["--plain", "--print", "escape-vre/iam-account"], stdin: "l1\n")
        #expect(link.status == 0 && link.stdout.hasPrefix("https://"), "\(link.stdout)\(link.stderr)")

        let endedWhileAsked = try CLIRunner.run(["--plain", "--print", "login-node"], stdin: "1\n1\nc1\n")
        #expect(endedWhileAsked.status == 1 && endedWhileAsked.stdout.isEmpty)
    }

    // MARK: Usage errors

    @Test func aMistypedFieldNameIsAnErrorThatListsTheFields() throws {
        let outcome = try CLIRunner.run(["show", "login-node/ssh-keygen", "--command", "1", "--set", "rpeo=cubes"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "trailhead: error: command 1 of 'login-node/ssh-keygen' has no field 'rpeo'; its fields are comment\n", "\(outcome.stderr)")
        let none = try CLIRunner.run(["show", "login-node/ssh-keygen", "--command", "2", "--set", "x=1"])
        #expect(none.status == 2 && none.stderr.contains("has no field 'x'; it has no fields"), "\(none.stderr)")
    }

    /// The README's order works: tree options before the subcommand.
    @Test func treeOptionsMayComeBeforeTheSubcommand() throws {
        let outcome = try CLIRunner.run(["--trees", CLIRunner.trees, "--no-default-trees", "show", "login-node/ssh-keygen"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("ssh-keygen -t ed25519"))
        let joined = try CLIRunner.run(["--trees=\(CLIRunner.trees)", "list", "--json"])
        #expect(joined.status == 0, "\(joined.stderr)")
    }

    @Test(arguments: [
        (["show", "--bogus"], "trailhead: error: Unknown option '--bogus'", "trailhead show"),
        (["search", "--limit", "-1", "rucio"], "trailhead: error: --limit must be at least 1", "trailhead search"),
        (["show", "login-node/ssh-keygen", "--command", "1", "--set", "novalue"], "trailhead: error: --set takes name=value, not 'novalue'", "trailhead show"),
    ])
    func usageErrorsNameTheProblemOnceAndTheSubcommandsUsage(arguments: [String], firstLine: String, usage: String) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 2)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == firstLine, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Error: "), "the reason is said once: \(outcome.stderr)")
        #expect(lines.contains { $0.hasPrefix("Usage: \(usage)") }, "\(outcome.stderr)")
    }

    @Test func listingNothingSaysWhy() throws {
        let outcome = try CLIRunner.run(["list", "--no-default-trees"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no trees could be loaded"), "\(outcome.stderr)")
    }

    // MARK: The JSON contract

    /// Every failure of a `--json` command is an error document on stdout, with the reason on
    /// stderr too (CLIRunner checks each against its schema).
    @Test(arguments: [
        (["show", "--json", "login-node/nope"], Int32(1)),
        (["walk", "escape-vre", "--answer", "99", "--json"], Int32(1)),
        (["search", "--json", "--limit", "0", "rucio"], Int32(2)),
        (["show", "--json", "--bogus"], Int32(2)),
        (["list", "--json", "--no-default-trees"], Int32(1)),
        (["show", "login-node/ssh-keygen", "--command", "1", "--set", "rpeo=x", "--json"], Int32(2)),
        (["explain", "--json", "--no-default-trees", "some message"], Int32(1)),
    ])
    func everyJSONFailureIsAnErrorDocument(arguments: [String], status: Int32) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == status, "\(outcome.stderr)")
        let error = try #require(try outcome.json["error"] as? [String: Any], "\(outcome.stdout)")
        let message = try #require(error["message"] as? String)
        #expect(outcome.stderr.contains(message), "the same reason is on stderr: \(outcome.stderr)")
        #expect(try outcome.json["format"] as? Int == 1)
    }

    /// A question and a resource carry the same keys; `node` is always the bare id beside `tree`.
    @Test func everyNodeHasEveryKey() throws {
        let question = try CLIRunner.run(["show", "escape-vre/start", "--json"]).json
        let resource = try CLIRunner.run(["show", "escape-vre/rucio-download", "--json"]).json
        #expect(Set(question.keys) == Set(resource.keys))
        #expect(question["title"] as? String == question["question"] as? String)
        #expect(resource["question"] is NSNull && (question["commands"] as? [Any])?.isEmpty == true)
        let walked = try CLIRunner.run(["walk", "escape-vre", "--answer", "2", "--json"]).json
        #expect(walked["node"] as? String == "data" && walked["key"] as? String == "escape-vre/data")
        let command = try CLIRunner.run(["show", "login-node/ssh-keygen", "--command", "2", "--json"]).json
        #expect(command["node"] as? String == "ssh-keygen" && command["key"] as? String == "login-node/ssh-keygen")
        let search = try CLIRunner.run(["search", "ssh key", "--json", "--limit", "1"]).json
        let first = try #require((search["results"] as? [[String: Any]])?.first)
        #expect(first["title"] as? String != nil && first["key"] as? String != nil)
    }

    /// The schemas are valid JSON Schema 2020-12, and Python's `jsonschema` agrees with the
    /// suite's own checker on real documents (valid ones pass, a broken one fails).
    @Test(.enabled(if: CLIRunner.pythonHasJSONSchema, "python3-jsonschema is not installed (make test installs it as root)"))
    func theSchemasAreValidAndAgreeWithPython() throws {
        let samples: [(String, [String])] = [
            ("show.schema.json", ["show", "escape-vre/rucio-download", "--json"]),
            ("show.schema.json", ["show", "--json", "login-node/nope"]),
            ("walk.schema.json", ["walk", "escape-vre", "--answer", "2", "--json"]),
            ("search.schema.json", ["search", "rucio", "--json", "--limit", "3"]),
            ("list.schema.json", ["list", "--json"]),
            ("sources.schema.json", ["list", "--sources", "--json"]),
            ("validate.schema.json", ["validate", CLIRunner.trees, "--json"]),
            ("test.schema.json", ["test", CLIRunner.trees, "--format", "json"]),
            ("explain.schema.json", ["explain", "--json", "rucio: command not found"]),
            ("history.schema.json", ["history", "--json"]),
            ("command.schema.json", ["show", "login-node/ssh-keygen", "--command", "2", "--json"]),
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("th-schemas-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var manifest: [[String]] = []
        for (index, (schema, arguments)) in samples.enumerated() {
            let outcome = try CLIRunner.run(arguments)
            try outcome.stdout.write(toFile: "\(directory)/\(index).json", atomically: true, encoding: .utf8)
            manifest.append([schema, "\(index).json", "valid"])
        }
        // A document that breaks the contract: a node without `key`.
        try #"{"format": 1, "tree": "t", "node": "n", "kind": "question"}"#.write(toFile: "\(directory)/broken.json", atomically: true, encoding: .utf8)
        manifest.append(["show.schema.json", "broken.json", "invalid"])
        let checker = """
            import json, os, sys
            import jsonschema
            schemas_dir, samples_dir = sys.argv[1], sys.argv[2]
            store = {}
            for name in os.listdir(schemas_dir):
                if name.endswith(".schema.json"):
                    schema = json.load(open(os.path.join(schemas_dir, name)))
                    jsonschema.Draft202012Validator.check_schema(schema)
                    store[name] = schema
            failures = []
            for schema_name, sample, expected in json.loads(sys.argv[3]):
                document = json.load(open(os.path.join(samples_dir, sample)))
                resolver = jsonschema.RefResolver(base_uri="", referrer=store[schema_name], store=store)
                errors = list(jsonschema.Draft202012Validator(store[schema_name], resolver=resolver).iter_errors(document))
                if (not errors) != (expected == "valid"):
                    failures.append(f"{sample} against {schema_name}: expected {expected}, errors {[e.message for e in errors][:3]}")
            print("\\n".join(failures) if failures else "SCHEMAS AGREE")
            """
        let manifestJSON = String(decoding: try JSONSerialization.data(withJSONObject: manifest), as: UTF8.self)
        let outcome = try CLIRunner.run(["-W", "ignore", "-c", checker, JSONSchemaCheck.directory, directory, manifestJSON], executable: "/usr/bin/python3")
        #expect(outcome.stdout == "SCHEMAS AGREE\n", "\(outcome.stdout)\(outcome.stderr)")
        #expect(!JSONSchemaCheck.problems(in: #"{"format": 1, "tree": "t", "node": "n", "kind": "question"}"#, schema: "show.schema.json").isEmpty)
    }

    // MARK: Search for scripts

    /// `--tsv` is one line per result, as `fzf --filter`: `key`, `title`, `path` by default, or
    /// the `--fields` chosen; `--kind` keeps one kind of node.
    @Test func searchWritesTabSeparatedLinesOfTheChosenKind() throws {
        let lines = try CLIRunner.run(["search", "rucio", "download", "--tsv", "--limit", "3"]).stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let columns = lines[0].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(columns.count == 3 && columns[0] == "escape-vre/rucio-download" && columns[1] == "Download data from the data lake", "\(lines[0])")
        #expect(columns[2].hasPrefix("ESCAPE Virtual Research Environment › "))
        let questions = try CLIRunner.run(["search", "rucio", "--kind", "question", "--tsv", "--fields", "key,kind"])
        let rows = questions.stdout.split(separator: "\n")
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasSuffix("\tquestion") }, "\(questions.stdout)")
        let resources = try CLIRunner.run(["search", "how do I download a file", "--kind", "resource", "--json"]).json
        let kinds = (resources["results"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(!kinds.isEmpty && kinds.allSatisfy { $0 == "resource" }, "\(kinds)")
        let unknown = try CLIRunner.run(["search", "x", "--tsv", "--fields", "key,colour"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown field 'colour'"), "\(unknown.stderr)")
        let both = try CLIRunner.run(["search", "x", "--tsv", "--json"])
        #expect(both.status == 2)
    }

    /// `--exact` matches words as text, not letters in order; `-i` turns smart case off.
    @Test func exactAndIgnoreCaseWorkAsInFzf() throws {
        func keys(_ arguments: [String]) throws -> Set<String> {
            Set(try CLIRunner.run(["search"] + arguments + ["--tsv", "--fields", "key"]).stdout.split(separator: "\n").map(String.init))
        }
        let fuzzy = try keys(["--all", "scrt"])
        let exact = try keys(["--exact", "scrt"])
        #expect(!fuzzy.isEmpty && exact.isEmpty, "scrt: letters in order match, as text nothing does")
        let exactScratch = try keys(["-e", "scratch"])
        #expect(exactScratch.contains("login-node/scratch"))
        let smart = try keys(["Rucio"])
        let insensitive = try keys(["-i", "Rucio"])
        #expect(smart.isSubset(of: insensitive) && insensitive.count > smart.count, "\(smart.count) vs \(insensitive.count)")
        #expect(insensitive == (try keys(["--all", "rucio"])), "-i Rucio finds what rucio finds")
    }

    // MARK: Probes in scripted commands

    /// Three tools whose `--version` hangs: `--no-probes` runs none of them, and without it the
    /// scripted command still ends within its total probe deadline (a guard kills it otherwise).
    @Test func scriptedCommandsBoundTheirProbes() throws {
        let tools = try CLIRunner.treeDirectory([:])
        let marker = tools + "/ran"
        for name in ["slow1", "slow2", "slow3"] {
            let script = "#!/bin/sh\necho ran >> \(marker)\nexec sleep 30\n"
            try script.write(toFile: "\(tools)/\(name)", atomically: true, encoding: .utf8)
            chmod("\(tools)/\(name)", 0o755)
        }
        let tree = """
            format: 1
            id: slow
            title: Slow tools
            description: Tools whose version takes forever.
            owner: {name: Lab, contact: "mailto:lab@example.org"}
            start: start
            nodes:
              start:
                title: Check the tools
                body: Checks three tools.
                probes:
                  - {command: slow1, version-matches: "1"}
                  - {command: slow2, version-matches: "1"}
                  - {command: slow3, version-matches: "1"}
            """
        let directory = try CLIRunner.treeDirectory(["slow.yaml": tree])
        let environment = ["PATH": tools + ":/usr/bin:/bin", "TRAILHEAD_PROBE_TIMEOUT": "600"]
        let skipped = try CLIRunner.run(["show", "--no-default-trees", "--trees", directory, "slow/start", "--json", "--no-probes"], environment: environment)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        let probes = try #require(try skipped.json["probes"] as? [[String: Any]])
        #expect(probes.count == 3 && probes.allSatisfy { $0["result"] as? String == "unknown" && $0["detail"] as? String == "not checked (--no-probes)" }, "\(probes)")
        #expect(!FileManager.default.fileExists(atPath: marker), "--no-probes ran a tool")

        let bounded = try CLIRunner.run(
            ["-s", "KILL", "20", CLIRunner.binary, "show", "--no-default-trees", "--trees", directory, "slow/start", "--json"],
            environment: environment, executable: "/usr/bin/timeout")
        #expect(bounded.status == 0, "killed by the guard: the probes' total deadline did not hold (\(bounded.stderr))")
        let results = try #require(try bounded.json["probes"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["result"] as? String == "unknown" }, "\(results)")
    }

    // MARK: Text output

    /// Under a locale that is not UTF-8, text output is ASCII, as the interface draws.
    @Test(arguments: ["C", "POSIX"])
    func aNonUTF8LocaleGetsASCIIText(locale: String) throws {
        let outcome = try CLIRunner.run(["show", "escape-vre/rucio-download"], environment: ["LANG": locale, "LC_ALL": locale])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.utf8.allSatisfy { $0 < 0x80 }, "non-ASCII bytes under LC_ALL=\(locale)")
        #expect(outcome.stdout.hasPrefix("[ESCAPE Virtual Research Environment > "), "\(outcome.stdout.prefix(80))")
        let utf8 = try CLIRunner.run(["show", "escape-vre/rucio-download"])
        #expect(utf8.stdout.contains(" › "), "UTF-8 locales keep the real characters")
    }

    /// A heredoc is one command: one `$ ` prompt, its other lines indented under it.
    @Test func aMultiLineCommandHasOnePrompt() throws {
        let tree = """
            format: 1
            id: heredoc
            title: Heredoc
            description: A command that writes a file.
            owner: {name: Lab, contact: "mailto:lab@example.org"}
            start: start
            nodes:
              start:
                title: Write a config
                body: Writes it.
                commands:
                  - run: |
                      cat > ~/.x.cfg <<'EOF'
                      [client]
                      EOF
                    does: Writes the config.
                    multiline: true
            """
        let directory = try CLIRunner.treeDirectory(["heredoc.yaml": tree])
        let outcome = try CLIRunner.run(["show", "--no-default-trees", "--trees", directory, "heredoc/start"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("  $ cat > ~/.x.cfg <<'EOF'\n    [client]\n    EOF\n"), "\(outcome.stdout)")
    }
}
