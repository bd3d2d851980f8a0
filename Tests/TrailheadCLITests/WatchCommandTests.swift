import Foundation
import Testing

/// `validate --watch` against the built binary: each save is checked again, in order.
@Suite struct WatchCommandTests {
    static let good = """
        format: 1
        id: lab
        title: Lab
        description: A lab tree.
        start: start
        nodes:
          start:
            title: Start
            body: Hello.

        """

    @Test func eachSaveIsCheckedAgainUntilASignalEndsIt() throws {
        let directory = try CLIRunner.treeDirectory(["lab.yaml": Self.good])
        // Each step waits for the line it needs (or gives up after 10 s and prints what came).
        let script = """
            cd "$1" || exit 9
            "$2" validate --watch --no-default-trees lab.yaml > out 2>&1 &
            pid=$!
            await() { for i in $(seq 1 200); do [ "$(grep -c -- "$1" out)" -ge "$2" ] && return 0; sleep 0.05; done; echo "TIMEOUT waiting for $2 × $1"; cat out; kill $pid; exit 1; }
            await 'Watching 1 file' 1
            sed 's/^start: start/start: nowhere/' lab.yaml > lab.new && mv lab.new lab.yaml
            await 'changed: lab.yaml' 1
            await '1 error' 1
            printf '%s' "$3" > lab.yaml
            await 'changed: lab.yaml' 2
            await '0 errors' 2
            kill -TERM $pid
            wait $pid
            echo "EXIT $?"
            cat out
            """
        let outcome = try CLIRunner.run(["-c", script, "sh", directory, CLIRunner.binary, Self.good], executable: "/bin/bash")
        #expect(!outcome.stdout.contains("TIMEOUT"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("EXIT 143"), "a signal ends the watch: \(outcome.stdout)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        let summaries = lines.filter { $0.hasPrefix("1 file checked") }
        #expect(summaries == [
            "1 file checked: 0 errors, 0 warnings", "1 file checked: 1 error, 0 warnings", "1 file checked: 0 errors, 0 warnings",
        ], "\(outcome.stdout)")
        #expect(lines.contains("lab.yaml:5:8: error: start node 'nowhere' is not defined under 'nodes'"), "\(outcome.stdout)")
    }

    @Test func watchingIsForAPersonNotAScript() throws {
        let outcome = try CLIRunner.run(["validate", "--watch", "--json", "trees/"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--watch prints text"))
    }

    @Test func styleWarningsNeverFailTheRun() throws {
        let directory = try CLIRunner.treeDirectory(["lab.yaml": Self.good.replacing("body: Hello.", with: "body: Ask the VRE desk.")])
        let outcome = try CLIRunner.run(["validate", "--style", "--no-default-trees", directory + "/lab.yaml"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("lab.yaml:7:3: warning: 'VRE' is not written out in tree 'lab'"), "\(outcome.stdout)")
        #expect(try CLIRunner.run(["validate", "--no-default-trees", directory + "/lab.yaml"]).stdout == "1 file checked: 0 errors, 0 warnings\n")
    }
}
