import ArgumentParser
import TrailheadCore

/// A tree file named on the command line (`export FILE`, `preview FILE`): what it defines, or
/// why it cannot be used.
enum TreeFileArgument {
    /// A tree file is told from a tree id by its name: ids hold no `/` or `.`.
    static func isFile(_ argument: String) -> Bool {
        TreeLoader.isTreeFileName(String(argument.split(separator: "/").last ?? ""))
    }

    /// The id of the tree `path` defines or, for an overlay, changes. A missing file exits 2; a
    /// file with an error exits 1, its problems printed as `validate` prints them.
    static func treeID(definedIn path: String, doing what: String) throws -> String {
        let loader = TreeLoader()
        guard loader.fileSystem.exists(path) else {
            Output.error("no such file: \(TextSanitizer.line(path))")
            throw ExitCode(2)
        }
        let file = loader.loadFile(path)
        guard let tree = file.tree, !file.isBroken else {
            for diagnostic in file.diagnostics.sortedByLocation { Output.standardError(TextSanitizer.line(diagnostic.description) + "\n") }
            Output.error("\(TextSanitizer.line(path)) has errors and was not \(what) (see above, or run `trailhead validate \(ShellQuoting.quote(path))`)")
            throw ExitCode(1)
        }
        return tree.id
    }
}
