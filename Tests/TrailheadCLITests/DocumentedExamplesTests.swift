import Foundation
import Testing

/// The shell examples of the README and docs/cli.md run as written, in a checkout (those of
/// docs/authoring.md run in a tree repository: AuthoringWalkthroughTests): a
/// line that starts with `trailhead` (or pipes `printf` into it) must exit 0. Optional parts in
/// brackets (`[--json]`) are left out; lines with a placeholder to fill (`path/to/…`, `a|b`
/// alternatives), that need the network (`sync`, `check-links`), a person at a terminal
/// (`preview`, `--watch`) or another program are skipped.
struct DocumentedExamplesTests {
    static let documents = ["README.md", "docs/cli.md"]

    static func examples() throws -> [(document: String, line: String)] {
        var found: [(String, String)] = []
        for document in documents {
            let text = try String(contentsOfFile: CLIRunner.repositoryRoot + "/" + document, encoding: .utf8)
            var inShell = false
            for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = String(rawLine)
                if line.hasPrefix("```") {
                    inShell = !inShell && (line == "```sh" || line == "```bash")
                    continue
                }
                guard inShell, let command = runnable(line) else { continue }
                found.append((document, command))
            }
        }
        return found
    }

    /// The line as it would be typed, or nil when it cannot run here as written.
    static func runnable(_ line: String) -> String? {
        var command = line
        if let comment = command.range(of: " # ") ?? command.range(of: "   #") { command = String(command[..<comment.lowerBound]) }
        command = command.trimmingCharacters(in: .whitespaces)
        // Optional parts: `[--json]`, `[FILE|DIR ...]`.
        while let open = command.firstIndex(of: "["), let close = command[open...].firstIndex(of: "]") {
            command.removeSubrange(open...close)
        }
        command = command.replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces)
        let startsRight = command.hasPrefix("trailhead ") || command == "trailhead" || command.hasPrefix("cmd=$(trailhead")
            || (command.hasPrefix("printf ") && command.contains("| trailhead"))
        guard startsRight,
              !command.contains("path/to"), !command.contains(" sync"), !command.contains("check-links"),
              !command.contains("shell-init"), !command.contains("--generate-completion-script"),
              !command.contains("preview"), !command.contains("--watch"),
              command.range(of: #"[a-z]\|[a-z]"#, options: .regularExpression) == nil
        else { return nil }
        return command
    }

    @Test func theDocumentsHaveExamplesToRun() throws {
        #expect(try Self.examples().count >= 8)
    }

    @Test(arguments: try examples().map { "\($0.document): \($0.line)" })
    func anExampleRunsAsWritten(example: String) throws {
        let command = String(example.split(separator: ":", maxSplits: 1)[1].dropFirst())
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("th-example-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // The examples are typed in a checkout, where `trees/` is the bundled trees.
        try FileManager.default.createSymbolicLink(atPath: directory + "/trees", withDestinationPath: CLIRunner.trees)
        let binaries = URL(fileURLWithPath: CLIRunner.binary).deletingLastPathComponent().path
        let outcome = try CLIRunner.run(
            ["-c", command], environment: ["PATH": "\(binaries):/usr/bin:/bin"], directory: directory, executable: "/bin/bash")
        #expect(outcome.status == 0, "`\(command)` exited \(outcome.status): \(outcome.stderr)")
    }
}
