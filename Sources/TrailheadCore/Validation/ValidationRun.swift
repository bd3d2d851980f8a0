/// One run of `validate`: the files checked and every problem found in them.
public struct ValidationRun: Sendable {
    public var checkedFiles: [LoadedFile]
    public var diagnostics: [Diagnostic]

    /// Checks `checked` (in precedence order, before `context`); references to other trees are
    /// resolved against both, but only problems located in the checked files are reported.
    /// `review` adds what the review dates of the checked files call for, `style` the house
    /// style's warnings (`StyleCheck`).
    public init(
        checked: [LoadedFile], context: [LoadedFile], contextDiagnostics: [Diagnostic] = [], review: ReviewCheck? = nil, style: Bool = false
    ) {
        let checkedPaths = Set(checked.map(\.path))
        let everything = Library.assemble(files: checked + context, diagnostics: contextDiagnostics)
        let graph = Library.assemble(files: checked + context, includeBroken: true)
        var diagnostics = checked.flatMap(\.diagnostics)
        diagnostics += everything.crossFileDiagnostics.filter {
            checkedPaths.contains($0.location.file) || $0.code == "missing-source"
        }
        diagnostics += TreeValidator(catalog: graph.catalog).diagnostics(forFiles: checkedPaths, hiddenWays: Self.hiddenWays(in: checked))
        if style {
            let catalog = graph.catalog
            for tree in catalog.trees where tree.orderedNodes.contains(where: { checkedPaths.contains($0.location.file) }) {
                diagnostics += StyleCheck.diagnostics(for: tree, linked: catalog.treesLinked(from: tree.id)) { checkedPaths.contains($0.location.file) }
            }
        }
        if let review {
            diagnostics += checked.compactMap(\.tree).flatMap(review.diagnostics(of:))
        }
        self.checkedFiles = checked
        // A file both checked and in the context (`validate --trees DIR DIR`) is reported once.
        var seen: Set<String> = []
        self.diagnostics = diagnostics.sortedByLocation.filter { seen.insert($0.description).inserted }
    }

    /// The nodes a broken part of a file may have led to: its unresolved names read as references
    /// from the tree the file defines or changes.
    private static func hiddenWays(in files: [LoadedFile]) -> Set<NodeKey> {
        var keys: Set<NodeKey> = []
        for file in files {
            guard let treeID = file.tree?.id else { continue }
            for name in file.unresolvedNames {
                if let reference = NodeReference(parsing: name, location: SourceLocation(file: file.path, line: 1, column: 1)) {
                    keys.insert(reference.key(from: treeID))
                }
            }
        }
        return keys
    }

    /// The summary line: "2 files checked: 0 errors, 1 warning".
    public var summary: String {
        let files = checkedFiles.count == 1 ? "1 file" : "\(checkedFiles.count) files"
        return "\(files) checked: \(Self.plural(diagnostics.errorCount, "error")), \(Self.plural(diagnostics.warningCount, "warning"))"
    }

    public var json: JSONValue {
        .object([
            ("files", .int(checkedFiles.count)),
            ("errors", .int(diagnostics.errorCount)),
            ("warnings", .int(diagnostics.warningCount)),
            ("diagnostics", .array(diagnostics.map(NodeJSON.diagnostic))),
        ])
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
