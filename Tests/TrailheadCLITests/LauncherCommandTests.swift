import Foundation
import Testing

/// `shell-init`, `--command`/`--set` and `--print` from the real binary.
@Suite struct LauncherCommandTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func shellWidgetsAreValidShellCode(shell: String) throws {
        let outcome = try CLIRunner.run(["shell-init", shell])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("--print"))
        let directory = try CLIRunner.treeDirectory(["widget": outcome.stdout])
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = [shell, "-n", directory + "/widget"]
        let errors = Pipe()
        check.standardError = errors
        try check.run()
        check.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(check.terminationStatus == 0, "\(shell) -n: \(message) (make test installs \(shell))")
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let outcome = try CLIRunner.run(["shell-init", "tcsh"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("choose bash, zsh or fish"))
    }

    @Test func fillsACommandQuotingValues() throws {
        let outcome = try CLIRunner.run([
            "show", "escape-vre/rucio-download", "--command", "1", "--set", "did=user.jdoe:data.root", "--set", "dir=/scratch/me",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "rucio download --dir /scratch/me user.jdoe:data.root\n")
    }

    @Test func aMissingValueExitsTwoAndNamesIt() throws {
        let outcome = try CLIRunner.run(["show", "escape-vre/rucio-download", "--command", "1"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no value for {did}"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test func aHostileValueIsRefusedOrQuoted() throws {
        let refused = try CLIRunner.run(["show", "escape-vre/rucio-download", "--command", "1", "--set", "did=a:b;id"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not a valid {did}"))
        let walked = try CLIRunner.run(["walk", "escape-vre/rucio-download", "--command", "1", "--set", "did=a:b", "--set", "dir=x y$(id)", "--json"])
        #expect(walked.status == 2)
        #expect(walked.stderr.contains("{dir}"))
    }

    @Test func setWithoutCommandIsAUsageError() throws {
        #expect(try CLIRunner.run(["show", "escape-vre/rucio-download", "--set", "did=a:b"]).status == 2)
        #expect(try CLIRunner.run(["show", "escape-vre/rucio-download", "--command", "9"]).status == 1)
    }
}
