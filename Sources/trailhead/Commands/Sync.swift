import ArgumentParser
import TrailheadCore
import TrailheadProcess

/// `trailhead sync`: fast-forwards the tree directories that are git checkouts.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Update the tree directories that are git checkouts (git pull --ff-only).",
        discussion: """
        Pulls each git work tree holding a tree directory once, in search order, never merging and \
        never asking for a password, and reports every directory: updated, already up to date, \
        skipped (not a git checkout, or the bundled trees) or failed with git's reason. A failure \
        does not stop the others, and the trees on disk keep working whatever happens.
        Exit status: 0 nothing failed, 1 a pull failed or a --trees path is missing, 2 usage error \
        or git missing.
        """)

    @OptionGroup var trees: TreeOptions

    @Option(help: ArgumentHelp("Stop a pull that takes longer than this many seconds.", valueName: "seconds"))
    var timeout: Double = 120

    @Flag(help: "Print JSON: {directories: [{directory, layer, status, repository, sameAs, message}]} (see docs/cli.md).")
    var json = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
    }

    func run() throws {
        let variables = Environment.variables
        guard ChildProcess.isAvailable("git", path: variables["PATH"] ?? "") else {
            Output.error("sync needs git, which is not on PATH; install it (Debian: sudo apt-get install git)")
            throw ExitCode(2)
        }
        let git = GitCommandLine(environment: GitCommandLine.environment(from: variables), pullTimeout: timeout)
        let results = TreeSync(git: git).run(trees.sources)
        if json {
            Output.document(.object([("directories", .array(results.map(\.json)))]))
        } else {
            results.map(\.line).forEach(Output.line)
            Output.line(SyncResult.summary(of: results))
        }
        if results.contains(where: \.isFailure) { throw ExitCode(1) }
    }
}
