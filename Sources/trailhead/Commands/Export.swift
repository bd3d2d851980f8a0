import ArgumentParser
import TrailheadCore

/// `trailhead export TREE|FILE --format …`: a tree as a diagram, a JSON document or a web page.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a tree as a Mermaid or Graphviz diagram, as JSON, or as a self-contained web page.",
        discussion: """
        mermaid  a flowchart for merge-request previews (GitLab and GitHub draw ```mermaid blocks)
        dot      a Graphviz digraph: trailhead export TREE --format dot | dot -Tsvg > tree.svg
        json     the whole tree: every node with all its fields, choice targets as tree/node
        html     one page with no external files that walks the tree from its start, carrying the
                 trees its answers lead into, so a walk that crosses into another guide goes on
        Questions and resources have different shapes; nodes of other trees are drawn dashed.
        Given a tree file instead of an id, exports the tree the file defines, or for an overlay
        the tree it changes with the overlay applied, read before every other location.
        """)

    /// The output formats, by the name given to `--format`.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case mermaid, dot, json, html

        func render(_ tree: Tree, in catalog: Catalog) -> String {
            switch self {
            case .mermaid: MermaidExport.render(tree)
            case .dot: DotExport.render(tree)
            case .json: TreeJSONExport.render(tree)
            case .html: HTMLExport.render(tree, linked: catalog.treesLinked(from: tree.id))
            }
        }
    }

    @OptionGroup var trees: TreeOptions

    @Option(help: "mermaid, dot, json or html.")
    var format: Format = .mermaid

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout (replaced if it exists).", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("The id of the tree to export, or a tree file (.yaml, .yml).", valueName: "tree|file"), completion: NodeCompletion.trees)
    var tree: String

    func validate() throws {
        if tree.contains("/") && !TreeFileArgument.isFile(tree) {
            throw ValidationError("export takes a tree id or a tree file, not a node: '\(TextSanitizer.line(tree))'")
        }
    }

    func run() throws {
        var options = trees
        var treeID = tree
        if TreeFileArgument.isFile(tree) {
            treeID = try TreeFileArgument.treeID(definedIn: tree, doing: "exported")
            options.directories.insert(tree, at: 0)
        }
        let catalog = try options.loadCatalog()
        let key = try Locate.node(treeID, in: catalog)
        guard let found = catalog.tree(key.tree) else { throw ExitCode(1) }
        try FileWriter.write(format.render(found, in: catalog), to: output ?? "-", mode: .replace)
    }
}
