/// Loads every tree source into a `Catalog`, keeping broken files out and reporting them.
public struct Library: Sendable {
    public var catalog: Catalog
    /// Every file that was read, in precedence order, with its own diagnostics.
    public var files: [LoadedFile]
    /// Problems found across files: shadowed or duplicate tree ids, missing `--trees` directories.
    public var crossFileDiagnostics: [Diagnostic]

    public init(catalog: Catalog, files: [LoadedFile], crossFileDiagnostics: [Diagnostic]) {
        self.catalog = catalog
        self.files = files
        self.crossFileDiagnostics = crossFileDiagnostics
    }

    public var brokenFiles: [LoadedFile] { files.filter(\.isBroken) }

    /// Reads the sources in order. Default locations that do not exist are skipped quietly;
    /// a `--trees` path that does not exist is reported.
    public static func load(_ sources: TreeSources, loader: TreeLoader = TreeLoader()) -> Library {
        var files: [LoadedFile] = []
        var diagnostics: [Diagnostic] = []
        var seenPaths: Set<String> = []
        for source in sources.sources {
            if !loader.fileSystem.exists(source.path) {
                if source.layer == "--trees" || source.layer == "TRAILHEAD_PATH" {
                    diagnostics.append(.error("missing-source", "no such file or directory (from \(source.layer))", at: SourceLocation(file: source.path, line: 1, column: 1)))
                }
                continue
            }
            for file in loader.load(path: source.path) where seenPaths.insert(loader.fileSystem.canonicalPath(file.path)).inserted {
                files.append(file)
            }
        }
        return assemble(files: files, diagnostics: diagnostics)
    }

    /// Builds the catalog from loaded files given in precedence order: the first file to define a tree id wins.
    /// `includeBroken` keeps decodable files with errors, so `validate` can check their references too.
    public static func assemble(files: [LoadedFile], diagnostics: [Diagnostic] = [], includeBroken: Bool = false) -> Library {
        var diagnostics = diagnostics
        var winners: [String: LoadedFile] = [:]
        var trees: [Tree] = []
        for file in files where includeBroken || !file.isBroken {
            guard let tree = file.tree else { continue }
            if let winner = winners[tree.id] {
                let sameDirectory = directory(of: winner.path) == directory(of: file.path)
                diagnostics.append(Diagnostic(
                    sameDirectory ? .error : .warning, "duplicate-tree-id",
                    sameDirectory
                        ? "tree id '\(tree.id)' is already defined in \(winner.path); give this tree another id"
                        : "tree '\(tree.id)' is overridden by \(winner.path), which comes first in the search order",
                    at: tree.location))
                continue
            }
            winners[tree.id] = file
            trees.append(tree)
        }
        return Library(catalog: Catalog(trees: trees), files: files, crossFileDiagnostics: diagnostics)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
