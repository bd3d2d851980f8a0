import ArgumentParser
import TrailheadCore

/// `trailhead export TREE --format …`: a tree as a diagram, a JSON document or a web page.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a tree as a Mermaid or Graphviz diagram, as JSON, or as a self-contained web page.",
        discussion: """
        mermaid  a flowchart for merge-request previews (GitLab and GitHub draw ```mermaid blocks)
        dot      a Graphviz digraph: trailhead export TREE --format dot | dot -Tsvg > tree.svg
        json     the whole tree: every node with all its fields, choice targets as tree/node
        html     one page with no external files that walks the tree from its start
        Questions and resources have different shapes; nodes of other trees are drawn dashed.
        """)

    /// The output formats, by the name given to `--format`.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case mermaid, dot, json, html

        func render(_ tree: Tree) -> String {
            switch self {
            case .mermaid: MermaidExport.render(tree)
            case .dot: DotExport.render(tree)
            case .json: TreeJSONExport.render(tree)
            case .html: HTMLExport.render(tree)
            }
        }
    }

    @OptionGroup var trees: TreeOptions

    @Option(help: "mermaid, dot, json or html.")
    var format: Format = .mermaid

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout (replaced if it exists).", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("The id of the tree to export.", valueName: "tree"), completion: NodeCompletion.trees)
    var tree: String

    func validate() throws {
        if tree.contains("/") {
            throw ValidationError("export takes a tree id, not a node: '\(TextSanitizer.line(tree))'")
        }
    }

    func run() throws {
        let catalog = try trees.loadCatalog()
        let key = try Locate.node(tree, in: catalog)
        guard let found = catalog.tree(key.tree) else { throw ExitCode(1) }
        try FileWriter.write(format.render(found), to: output ?? "-", mode: .replace)
    }
}
