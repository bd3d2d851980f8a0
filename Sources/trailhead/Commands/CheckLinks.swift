import ArgumentParser
import TrailheadCore
import TrailheadProcess

/// `trailhead check-links`: fetches every web URL of the trees and reports dead and redirected ones.
struct CheckLinks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-links",
        abstract: "Check that the links of the trees still work (needs curl).",
        discussion: """
        Fetches every distinct http and https URL once (HEAD, or GET when a server refuses HEAD), \
        without following redirects, and prints each dead or redirected link as \
        file:line:col: dead|redirected: URL … in tree/node. Other links, such as mailto, are skipped \
        and counted.
        Exit status: 0 no dead links (redirects are only reported), 1 dead links found, 2 usage error \
        or curl missing.
        """)

    @OptionGroup var trees: TreeOptions

    @Option(help: ArgumentHelp("Give up on a URL after this many seconds.", valueName: "seconds"))
    var timeout: Double = 10

    @Option(help: ArgumentHelp("Check this many URLs at once.", valueName: "n"))
    var jobs: Int = 8

    @Flag(help: "Print JSON: {summary, urls: [{url, status, code, location, problem, reason, occurrences}], skipped} (see docs/cli.md).")
    var json = false

    @Argument(help: ArgumentHelp("Check only these trees: tree ids, or the tree files they come from (default: every tree loaded).", valueName: "tree|file"), completion: NodeCompletion.trees)
    var only: [String] = []

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be more than 0 and at most 600 seconds") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 64") }
    }

    func run() throws {
        let environment = Environment.variables
        guard ChildProcess.isAvailable("curl", path: environment["PATH"] ?? "") else {
            Output.error("check-links needs curl, which is not on PATH; install it (Debian: sudo apt-get install curl)")
            throw ExitCode(2)
        }
        let catalog = try trees.loadCatalog()
        let inventory = LinkInventory.collect(from: catalog, version: Trailhead.version, trees: try selectedTrees(in: catalog))
        let probe = CurlProbe(environment: environment, userAgent: "Trailhead/\(Trailhead.version) check-links")
        let timeout = timeout
        let verdicts = ParallelMap.map(inventory.targets, width: jobs) { target in
            LinkVerdict.check(target.url, with: probe, timeout: timeout)
        }
        let report = LinkCheckReport(inventory: inventory, verdicts: verdicts)
        if json {
            Output.document(report.json)
        } else {
            report.lines.forEach(Output.line)
            Output.line(report.summary)
        }
        if report.hasDead { throw ExitCode(1) }
    }

    /// The tree ids the arguments name (an id, or a file a loaded tree was read from); nil for all.
    private func selectedTrees(in catalog: Catalog) throws -> Set<String>? {
        guard !only.isEmpty else { return nil }
        var selected: Set<String> = []
        for argument in only {
            if catalog.tree(argument) != nil {
                selected.insert(argument)
                continue
            }
            let fileSystem = LocalFileSystem()
            let file = fileSystem.canonicalPath(argument)
            let matching = catalog.trees.filter { fileSystem.canonicalPath($0.file) == file }.map(\.id)
            guard !matching.isEmpty else {
                Output.error("'\(TextSanitizer.line(argument))' is neither a loaded tree nor a file a loaded tree comes from; `trailhead list` names them")
                throw ExitCode(2)
            }
            selected.formUnion(matching)
        }
        return selected
    }
}
