import Foundation
import Testing

/// The walk-through of docs/authoring.md, done as it says: the team's tree gets the two YAML
/// blocks of "Add a node", the flow tests of "Flow tests" sit beside it, and every shell line
/// of the guide runs in that repository and exits 0. Lines that need a person at a terminal
/// (the interface, `preview`, `--watch`), git and a remote are left out.
struct AuthoringWalkthroughTests {
    static let guide = CLIRunner.repositoryRoot + "/docs/authoring.md"

    /// The team's tree before the change: a start question leading to storage, and the quota
    /// page the storage question already offers.
    static let teamTree = """
        format: 1
        id: lab-onboarding
        title: Lab onboarding
        description: Where the lab's newcomers start.
        start: start
        nodes:
          start:
            question: What do you need help with?
            choices:
              - label: My storage and files
                goto: storage
          quota:
            title: How much space you have
            body: Run the quota command.
            commands:
              - run: quota -s
                does: Shows your quotas.

        """

    /// The YAML blocks of the guide, in order.
    static func yamlBlocks() throws -> [String] {
        let text = try String(contentsOfFile: guide, encoding: .utf8)
        return text.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] + "\n" }
    }

    /// The shell lines of the guide that run without a person, a terminal or the network.
    static func shellLines() throws -> [String] {
        let text = try String(contentsOfFile: guide, encoding: .utf8)
        var lines: [String] = []
        var inShell = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                inShell = !inShell && line == "```sh"
                continue
            }
            guard inShell else { continue }
            let command = (line.range(of: "  #").map { String(line[..<$0.lowerBound]) } ?? line).trimmingCharacters(in: .whitespaces)
            let words = command.split(separator: " ").map(String.init)
            guard words.first == "trailhead", !command.contains("--watch"), words.dropFirst().first != "preview" else { continue }
            // `trailhead --trees DIR TREE[/NODE]` opens the interface.
            if words.count > 1, words[1] == "--trees", words.count == 4 { continue }
            lines.append(command)
        }
        return lines
    }

    @Test func theGuideRunsAsWrittenInATeamRepository() throws {
        let blocks = try Self.yamlBlocks()
        let resource = try #require(blocks.first { $0.hasPrefix("  scratch-cleanup:") })
        let question = try #require(blocks.first { $0.hasPrefix("  storage:") })
        let flows = try #require(blocks.first { $0.hasPrefix("scenarios:") })
        let repository = try CLIRunner.treeDirectory([:])
        try FileManager.default.createDirectory(atPath: repository + "/trees", withIntermediateDirectories: true)
        try (Self.teamTree + question + resource).write(toFile: repository + "/trees/lab-onboarding.yaml", atomically: true, encoding: .utf8)
        try flows.write(toFile: repository + "/trees/lab-onboarding.test.yaml", atomically: true, encoding: .utf8)

        let lines = try Self.shellLines()
        #expect(lines.count >= 12, "\(lines)")
        for line in lines {
            // `new` writes a file of its own: each one in a fresh directory.
            let directory = line.hasPrefix("trailhead new") ? try CLIRunner.treeDirectory([:]) : repository
            if line.hasPrefix("trailhead new") { try FileManager.default.createDirectory(atPath: directory + "/trees", withIntermediateDirectories: true) }
            let binaries = URL(fileURLWithPath: CLIRunner.binary).deletingLastPathComponent().path
            let outcome = try CLIRunner.run(["-c", line], environment: ["PATH": "\(binaries):/usr/bin:/bin"], directory: directory, executable: "/bin/bash")
            #expect(outcome.status == 0, "`\(line)` exited \(outcome.status):\n\(outcome.stdout)\(outcome.stderr)")
            if line.contains(" walk ") {
                #expect(outcome.stdout.contains("Clean up old files on scratch"), "the walk reaches the new node: \(outcome.stdout)")
            }
        }
    }
}
