/// Loads every tree source into a `Catalog`, keeping broken files out and reporting them.
public struct Library: Sendable {
    public var catalog: Catalog
    /// Every file that was read, in precedence order, with its own diagnostics.
    public var files: [LoadedFile]
    /// Problems found across files: shadowed or duplicate tree ids, missing `--trees` directories.
    public var crossFileDiagnostics: [Diagnostic]
    /// Nodes that overlays replaced or added, in the order they were applied.
    public var overrides: [NodeOverride]
    /// A hash of the content of every file the catalog was built from, in the order it was
    /// built; nil when a file's content is not known (loaded without a cache). Data derived
    /// from the catalog alone, like a search snapshot, is valid exactly while this is the same.
    public var contentKey: ContentDigest?

    public init(catalog: Catalog, files: [LoadedFile], crossFileDiagnostics: [Diagnostic], overrides: [NodeOverride] = [], contentKey: ContentDigest? = nil) {
        self.catalog = catalog
        self.files = files
        self.crossFileDiagnostics = crossFileDiagnostics
        self.overrides = overrides
        self.contentKey = contentKey
    }

    public var brokenFiles: [LoadedFile] { files.filter(\.isBroken) }

    /// Reads the sources in order. Default locations that do not exist are skipped quietly;
    /// a `--trees` path that does not exist is reported. Each source's directory is pinned
    /// under its rule (`TreeSources.rule(for:)`); one that fails it is skipped with a warning.
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
            let directory = loader.fileSystem.isDirectory(source.path) ? source.path : Self.directory(of: source.path)
            if let reason = loader.fileSystem.pin(directory, rule: sources.rule(for: source)) {
                diagnostics.append(.warning(
                    "untrusted-source", "ignoring the trees in \(TextSanitizer.line(directory)) (from \(source.layer)): \(reason)",
                    at: SourceLocation(file: source.path, line: 1, column: 1)))
                continue
            }
            for var file in loader.load(path: source.path) where seenPaths.insert(loader.fileSystem.canonicalPath(file.path)).inserted {
                file.layer = source.layer
                files.append(file)
            }
        }
        return assemble(files: files, diagnostics: diagnostics)
    }

    /// Builds the catalog from loaded files given in precedence order: the first file to define a tree id wins,
    /// then overlays from the same or a higher layer replace or add its nodes, the highest last.
    /// `includeBroken` keeps decodable files with errors, so `validate` can check their references too.
    public static func assemble(files: [LoadedFile], diagnostics: [Diagnostic] = [], includeBroken: Bool = false) -> Library {
        var diagnostics = diagnostics
        var winners: [String: (file: LoadedFile, rank: Int)] = [:]
        var trees: [Tree] = []
        var overlays: [(file: LoadedFile, tree: Tree, rank: Int)] = []
        for (rank, file) in files.enumerated() where includeBroken || !file.isBroken {
            guard let tree = file.tree else { continue }
            if tree.isOverlay {
                overlays.append((file, tree, rank))
                continue
            }
            if let winner = winners[tree.id]?.file {
                let sameDirectory = directory(of: winner.path) == directory(of: file.path)
                diagnostics.append(Diagnostic(
                    sameDirectory ? .error : .warning, "duplicate-tree-id",
                    sameDirectory
                        ? "tree id '\(tree.id)' is already defined in \(winner.path); give this tree another id"
                        : "tree '\(tree.id)' is overridden by \(winner.path), which comes first in the search order",
                    at: tree.location))
                continue
            }
            winners[tree.id] = (file, rank)
            trees.append(tree)
        }
        var key = ContentKeyBuilder()
        for tree in trees { key.add(tree.id, winners[tree.id]?.file.fingerprint) }
        var overrides: [NodeOverride] = []
        for overlay in overlays.reversed() {
            guard let index = trees.firstIndex(where: { $0.id == overlay.tree.id }), let base = winners[overlay.tree.id] else {
                let suggestion = Suggestion.phrase(for: overlay.tree.id, in: trees.map(\.id))
                diagnostics.append(.warning("overlay-without-tree", "this file overrides tree '\(overlay.tree.id)', which is not loaded\(suggestion)", at: overlay.tree.startLocation))
                continue
            }
            guard overlay.rank < base.rank || directory(of: overlay.file.path) == directory(of: base.file.path) else {
                diagnostics.append(.warning("overlay-below-tree", "this overlay is ignored: tree '\(overlay.tree.id)' comes from \(base.file.path), which is higher in the search order; put the overlay in a higher layer", at: overlay.tree.startLocation))
                continue
            }
            key.add(overlay.tree.id, overlay.file.fingerprint)
            for node in overlay.tree.orderedNodes {
                let replaced = trees[index].updateNodes { nodes in nodes.updateValue(node, forKey: node.id) }
                if replaced == nil { trees[index].nodeOrder.append(node.id) }
                overrides.append(NodeOverride(
                    tree: overlay.tree.id, node: node.id, location: node.location,
                    layer: overlay.file.layer, replaced: replaced?.location))
            }
        }
        return Library(
            catalog: Catalog(trees: trees), files: files, crossFileDiagnostics: diagnostics, overrides: overrides,
            contentKey: includeBroken ? nil : key.key)
    }

    /// Hashes the trees' ids and their files' fingerprints in the order the catalog was built.
    private struct ContentKeyBuilder {
        private var writer = BinaryWriter()
        private var complete = true

        /// The declared text fields are part of the key: an index of other fields is another index.
        init() {
            writer.string(FormatKeys.textLayout)
        }

        mutating func add(_ treeID: String, _ fingerprint: ContentFingerprint?) {
            guard let fingerprint else {
                complete = false
                return
            }
            writer.string(treeID)
            fingerprint.digest.words.forEach { writer.fixed64($0) }
            writer.int(fingerprint.count)
        }

        var key: ContentDigest? {
            complete ? ContentDigest.of(writer.bytes) : nil
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
