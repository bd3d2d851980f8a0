import Testing
@testable import TrailheadCore

/// `sync` logic with a stub git: one pull per work tree, a report line per directory, failures kept going.
@Suite struct TreeSyncTests {
    /// Directories and files that exist, and nothing else.
    struct StubFileSystem: FileSystem {
        var directories: Set<String>
        var files: Set<String> = []

        func contents(of path: String, limit: Int) -> FileContents { .unreadable(reason: "stub") }
        func isDirectory(_ path: String) -> Bool { directories.contains(path) }
        func exists(_ path: String) -> Bool { directories.contains(path) || files.contains(path) }
        func canonicalPath(_ path: String) -> String { path }
        func entries(of directory: String) -> [String]? { nil }
        func writeAtomically(_ bytes: [UInt8], to path: String, creatingDirectory directory: String) -> Bool { false }
        func directoryOwnership(_ path: String) -> DirectoryOwnership? { nil }
    }

    /// Knows which directories are in which work tree; pulls move HEAD for the roots listed as behind.
    final class StubGit: GitClient, @unchecked Sendable {
        var roots: [String: String]
        var behind: Set<String>
        var failing: [String: String]
        private(set) var pulls: [String] = []
        private var heads: [String: Int] = [:]

        init(roots: [String: String], behind: Set<String> = [], failing: [String: String] = [:]) {
            self.roots = roots
            self.behind = behind
            self.failing = failing
        }

        func workTreeRoot(of directory: String) -> String? { roots[directory] }
        func head(of root: String) -> String? { heads[root].map(String.init) ?? "0" }

        func pullFastForward(_ root: String) -> GitPullOutcome {
            pulls.append(root)
            if let message = failing[root] { return .failed(status: 1, errorOutput: message) }
            if behind.contains(root) { heads[root, default: 0] += 1 }
            return .pulled
        }
    }

    static func sources(_ paths: [(String, String)]) -> TreeSources {
        TreeSources(sources: paths.map { TreeSources.Source(path: $0.0, layer: $0.1) })
    }

    @Test func pullsEachWorkTreeOnceAndReportsEveryDirectory() {
        let git = StubGit(
            roots: ["/repo/trees": "/repo", "/repo/more": "/repo", "/other": "/other", "/broken": "/broken"],
            behind: ["/repo"],
            failing: ["/broken": "fatal: '/gone.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n"])
        let fileSystem = StubFileSystem(
            directories: ["/repo/trees", "/repo/more", "/other", "/plain", "/broken", "/usr/share/trailhead/trees"],
            files: ["/repo/more/extra.yaml"])
        let results = TreeSync(git: git, fileSystem: fileSystem).run(Self.sources([
            ("/repo/trees", "--trees"), ("/repo/more/extra.yaml", "--trees"), ("/other", "TRAILHEAD_PATH"),
            ("/plain", "user"), ("/broken", "--trees"), ("/missing", "--trees"), ("/nowhere", "site"),
            ("/usr/share/trailhead/trees", "bundled"),
        ]))
        #expect(git.pulls == ["/repo", "/other", "/broken"])
        #expect(results.map(\.line) == [
            "/repo/trees: updated",
            "/repo/more: updated (same checkout as /repo/trees)",
            "/other: already up to date",
            "/plain: skipped: not a git checkout",
            "/broken: failed: '/gone.git' does not appear to be a git repository",
            "/missing: failed: no such file or directory",
            "/usr/share/trailhead/trees: skipped: bundled with Trailhead",
        ])
        #expect(results.map(\.isFailure) == [false, false, false, false, true, true, false])
        #expect(SyncResult.summary(of: results) == "1 updated, 1 already up to date, 2 skipped, 2 failed")
    }

    @Test(arguments: [
        ("hint: Diverging branches can't be fast-forwarded.\nfatal: Not possible to fast-forward, aborting.\n", "Not possible to fast-forward, aborting."),
        ("error: cannot pull with rebase: You have unstaged changes.\n", "cannot pull with rebase: You have unstaged changes."),
        ("something odd\nlast words\n\n", "last words"),
        ("\n", nil),
    ] as [(String, String?)])
    func theReasonIsGitsFatalLine(errorOutput: String, reason: String?) {
        #expect(TreeSync<StubGit>.reason(in: errorOutput) == reason)
    }

    @Test func aFailureWithoutOutputNamesTheStatus() {
        let git = StubGit(roots: ["/r": "/r"], failing: ["/r": ""])
        let results = TreeSync(git: git, fileSystem: StubFileSystem(directories: ["/r"])).run(Self.sources([("/r", "--trees")]))
        #expect(results.map(\.line) == ["/r: failed: git exited with status 1"])
    }

    @Test func linesAndJSONAreSafeForATerminal() {
        let result = SyncResult(directory: "/t\u{1B}]0;x\u{07}", layer: "--trees", outcome: .failed("bad \u{202E}name"), repository: "/t")
        #expect(result.line == "/t^[]0;x^G: failed: bad <U+202E>name")
        #expect(result.json.serialized(pretty: false) == #"{"directory":"/t\u001b]0;x\u0007","layer":"--trees","status":"failed","repository":"/t","sameAs":null,"message":"bad \u202ename"}"#)
    }
}
