import ArgumentParser
import TrailheadCore

/// Where to read trees from; shared by every subcommand.
struct TreeOptions: ParsableArguments {
    @Option(name: .customLong("trees"), help: ArgumentHelp("Also read trees from this directory or file (repeatable; comes first in the search order).", valueName: "dir"), completion: .file())
    var directories: [String] = []

    @Flag(help: "Read only the --trees locations: skip TRAILHEAD_PATH, the user, site and bundled trees.")
    var noDefaultTrees = false

    var sources: TreeSources {
        var project: String?
        if case .found(let directory) = projectDiscovery { project = directory }
        return TreeSources.standard(
            explicit: directories, environment: Environment.variables,
            bundled: BundledTrees.directory, project: project, includeDefaults: !noDefaultTrees,
            trustedBy: Environment.userID, installedBy: InstalledBinary.owner)
    }

    /// The nearest `.trailhead/` above the current directory, unless only `--trees` are read.
    var projectDiscovery: ProjectLayer.Discovery {
        guard !noDefaultTrees, let directory = Environment.workingDirectory else { return .none }
        return ProjectLayer.discover(from: directory, userID: Environment.userID, fileSystem: LocalFileSystem())
    }

    /// Loads the library and reports broken files in one line on stderr, as scripted commands must.
    func loadLibrary() -> Library {
        let loader = TreeLoader(cache: CacheAccess.cache)
        let library = Library.load(sources, loader: loader)
        Teardown.skip(library)
        if let summary = Self.brokenFilesSummary(library) {
            Output.warning(summary)
        }
        for diagnostic in library.crossFileDiagnostics where diagnostic.code == "missing-source" {
            Output.warning("\(diagnostic)")
        }
        for diagnostic in library.crossFileDiagnostics where diagnostic.code == "untrusted-source" {
            Output.warning(diagnostic.message)
        }
        for diagnostic in library.crossFileDiagnostics where SourceReport.unappliedOverlayCodes.contains(diagnostic.code) {
            Output.warning("\(diagnostic.location.file): \(diagnostic.message)")
        }
        if case .untrusted(let directory, let reason) = projectDiscovery {
            Output.warning("ignoring project trees in \(TextSanitizer.line(directory)): \(reason)")
        }
        return library
    }

    /// One line naming the tree files that could not be loaded, or nil when all loaded.
    static func brokenFilesSummary(_ library: Library) -> String? {
        let broken = library.brokenFiles
        guard !broken.isEmpty else { return nil }
        let names = broken.prefix(3).map { TextSanitizer.line($0.path) }.joined(separator: ", ")
        let more = broken.count > 3 ? " and \(broken.count - 3) more" : ""
        let noun = broken.count == 1 ? "file" : "files"
        return "skipped \(broken.count) broken tree \(noun): \(names)\(more) (run `trailhead validate` for details)"
    }

    /// Loads the library and fails with exit 1 and a clear message when no tree could be loaded.
    func loadCatalog() throws -> Catalog {
        try loadUsableLibrary().catalog
    }

    /// The library, failing with exit 1 and a clear message when it holds no tree at all.
    static let nothingLoaded = "no trees could be loaded. Put tree files in a directory and pass --trees DIR, or see `trailhead --help`."

    func loadUsableLibrary() throws -> Library {
        let library = loadLibrary()
        guard !library.catalog.trees.isEmpty else {
            Output.error(Self.nothingLoaded)
            throw ExitCode(1)
        }
        return library
    }
}
