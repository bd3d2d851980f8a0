import Foundation
import Testing

/// `sync` on real git repositories in a temporary directory: pulls, skips, failures that do not hang.
@Suite struct SyncCommandTests {
    /// A bare "remote", a clone Trailhead reads trees from, and a second clone that pushes to the remote.
    struct Repositories {
        let root: String
        var remote: String { root + "/remote.git" }
        var clone: String { root + "/clone" }
        var writer: String { root + "/writer" }

        init() throws {
            root = try CLIRunner.treeDirectory([:])
            try Self.git(["init", "--quiet", "--bare", "--initial-branch=main", remote])
            try Self.git(["clone", "--quiet", remote, writer])
            try FileManager.default.createDirectory(atPath: writer + "/trees", withIntermediateDirectories: true)
            try Data("Trees for the sync test.\n".utf8).write(to: URL(fileURLWithPath: writer + "/trees/README"))
            try commitAndPush("first")
            try Self.git(["clone", "--quiet", remote, clone])
        }

        /// Adds a tree file in the writer clone and pushes it.
        func pushTree(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: writer + "/trees/" + name))
            try commitAndPush("add \(name)")
        }

        private func commitAndPush(_ message: String) throws {
            try Self.git(["-C", writer, "add", "."])
            try Self.git(["-C", writer, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "--quiet", "-m", message])
            try Self.git(["-C", writer, "push", "--quiet", "origin", "HEAD:main"])
        }

        /// Runs git with no user or system configuration, failing the test when git fails.
        static func git(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + arguments
            process.environment = [
                "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_TERMINAL_PROMPT": "0",
            ]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")) failed"])
            }
        }
    }

    static let tree = """
    format: 1
    id: synced
    title: Synced tree
    description: Arrived with sync.
    start: start
    nodes:
      start:
        title: Hello
        body: This tree came from the remote.
    """

    @Test func pullsNewTreesAndThenReportsUpToDate() throws {
        let repositories = try Repositories()
        try repositories.pushTree("synced.yaml", Self.tree)
        let trees = repositories.clone + "/trees"
        #expect(!FileManager.default.fileExists(atPath: trees + "/synced.yaml"))

        let first = try CLIRunner.run(["sync", "--no-default-trees", "--trees", trees, "--trees", repositories.clone])
        #expect(first.status == 0)
        #expect(first.stdout == """
            \(trees): updated
            \(repositories.clone): updated (same checkout as \(trees))
            1 updated, 0 already up to date, 0 skipped, 0 failed

            """)
        #expect(FileManager.default.fileExists(atPath: trees + "/synced.yaml"))
        let list = try CLIRunner.run(["list", "--no-default-trees", "--trees", trees])
        #expect(list.stdout.hasPrefix("synced  Synced tree"))

        let again = try CLIRunner.run(["sync", "--no-default-trees", "--trees", trees, "--json"])
        #expect(again.status == 0)
        let directories = try #require(try again.json["directories"] as? [[String: Any]])
        #expect(directories.count == 1)
        #expect(directories[0]["status"] as? String == "up-to-date")
        #expect(directories[0]["directory"] as? String == trees)
        #expect(directories[0]["repository"] as? String == URL(fileURLWithPath: repositories.clone).resolvingSymlinksInPath().path)
    }

    @Test func aDirectoryOutsideGitIsSkippedAndTheBundledTreesAreLeftAlone() throws {
        let plain = try CLIRunner.treeDirectory(["tree.yaml": Self.tree])
        let outcome = try CLIRunner.run(["sync", "--trees", plain])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("\(plain): skipped: not a git checkout\n"))
        #expect(outcome.stdout.contains("\(CLIRunner.trees): skipped: bundled with Trailhead\n"))
    }

    @Test func anUnreachableRemoteFailsQuicklyWithoutStoppingTheOthers() throws {
        let broken = try Repositories()
        try Repositories.git(["-C", broken.clone, "remote", "set-url", "origin", "http://127.0.0.1:1/nowhere.git"])
        let healthy = try Repositories()
        try healthy.pushTree("synced.yaml", Self.tree)
        let start = Date()
        let outcome = try CLIRunner.run([
            "sync", "--no-default-trees", "--trees", broken.clone + "/trees", "--trees", healthy.clone + "/trees", "--trees", "/no/such/trees",
        ])
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("\(broken.clone)/trees: failed: unable to access 'http://127.0.0.1:1/nowhere.git/'"))
        #expect(lines[1] == "\(healthy.clone)/trees: updated")
        #expect(lines[2] == "/no/such/trees: failed: no such file or directory")
        #expect(lines[3] == "1 updated, 0 already up to date, 0 skipped, 2 failed")
        // The trees on disk still load after a failed sync.
        let list = try CLIRunner.run(["list", "--no-default-trees", "--trees", broken.clone + "/trees", "--trees", healthy.clone + "/trees"])
        #expect(list.status == 0)
    }

    @Test func withoutGitItSaysSoAndExitsTwo() throws {
        let emptyPath = try CLIRunner.treeDirectory([:])
        let outcome = try CLIRunner.run(["sync", "--no-default-trees", "--trees", emptyPath], environment: ["PATH": emptyPath])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("sync needs git"))
    }
}
