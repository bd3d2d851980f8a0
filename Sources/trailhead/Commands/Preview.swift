import ArgumentParser
import TrailheadCore
import TrailheadTUI

#if canImport(Glibc)
import Glibc
#endif

/// `trailhead preview FILE`: the interface on one tree file, read again each time it is saved.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Walk one tree file in the interface, reading it again each time it is saved.",
        discussion: """
        Opens the full-screen interface at the start of the tree FILE defines (for an overlay, the \
        tree it changes, with the overlay applied). FILE is read before every other location, so \
        references into the bundled, site and user trees resolve. When FILE is saved, the interface \
        reads it again and stays on the page it was on, or on the last page of the walk still there; \
        when the saved version has an error, the status row says where, and the last version that \
        loaded stays. Nothing is remembered between previews. Needs a terminal; to check a file \
        without one, run trailhead validate FILE.
        Exit status: 0 after q, 1 when FILE has an error at the start, 2 when FILE does not exist \
        or there is no terminal.
        """)

    @OptionGroup var trees: TreeOptions

    @Argument(help: ArgumentHelp("The tree file (.yaml or .yml) to walk.", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    func run() throws {
        let treeID = try TreeFileArgument.treeID(definedIn: file, doing: "previewed")
        let environment = Environment.variables
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb", Environment.isTerminal(STDIN_FILENO) else {
            Output.error("preview needs a terminal; to check the file, run `trailhead validate \(ShellQuoting.quote(file))`")
            throw ExitCode(2)
        }
        var options = trees
        options.directories.insert(file, at: 0)
        let library = try options.loadUsableLibrary()
        let start = try Locate.node(treeID, in: library.catalog)
        let sources = options.sources
        let file = self.file
        var watch = FileWatch(paths: [file])
        let reload = { () -> InteractiveSession.Reload? in
            guard !watch.changes().isEmpty else { return nil }
            return Self.reload(file, sources: sources)
        }
        do {
            let outcome = try InteractiveSession.run(
                library: library, start: start, version: Trailhead.version, environment: environment,
                options: InteractiveSession.Options(), reload: reload)
            try Browse.finish(outcome, printOnly: false)
        } catch let error as InteractiveSessionError {
            Output.error("\(error.message); preview needs a terminal")
            throw ExitCode(2)
        }
    }

    /// The trees read again after `file` changed, or why the last good ones stay.
    private static func reload(_ file: String, sources: TreeSources) -> InteractiveSession.Reload {
        // The status row is one line: the file's own name, the one being edited.
        let name = TextSanitizer.line(String(file.split(separator: "/").last ?? Substring(file)))
        let loaded = TreeLoader().loadFile(file)
        guard loaded.tree != nil, !loaded.isBroken else {
            let errors = loaded.diagnostics.sortedByLocation.filter { $0.severity == .error }
            let first = errors.first.map { " (line \($0.location.line): \($0.message))" } ?? ""
            let count = errors.count == 1 ? "an error" : "\(errors.count) errors"
            return .kept(status: "\(LocalTime.clock) \(name) has \(count)\(first); showing the last version that loaded")
        }
        let library = Library.load(sources, loader: TreeLoader(cache: CacheAccess.cache))
        let warnings = loaded.diagnostics.warningCount
        let note = warnings == 0 ? "" : ", \(warnings == 1 ? "1 warning" : "\(warnings) warnings") (trailhead validate)"
        return .reloaded(library, status: "\(LocalTime.clock) read \(name) again\(note)")
    }
}
