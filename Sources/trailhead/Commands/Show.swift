import ArgumentParser
import TrailheadCore
import TrailheadProcess

/// `trailhead show TREE/NODE`: one node with the breadcrumb that leads to it.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a node: its text, links, commands, choices and the path from the start.")

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Print the node as JSON (see docs/cli.md).")
    var json = false

    @OptionGroup var command: CommandFilling

    @Argument(help: ArgumentHelp("The tree (meaning its start) or a node in it.", valueName: "tree[/node]"), completion: NodeCompletion.treesAndNodes)
    var place: String

    func run() throws {
        let catalog = try trees.loadCatalog()
        let key = try Locate.node(place, in: catalog)
        if try command.printIfRequested(key, in: catalog, json: json) { return }
        if json {
            Output.json(NodeJSON.node(key, in: catalog, probes: NodePrinter.probes(of: key, in: catalog)))
        } else {
            NodePrinter.print(key, in: catalog)
        }
    }
}

/// Prints a node as text with its breadcrumb, as `show` and `walk` do.
enum NodePrinter {
    static func print(_ key: NodeKey, in catalog: Catalog, steps: [PathStep]? = nil) {
        let text = NodeText(width: Output.width)
        let path = steps ?? catalog.path(to: key) ?? []
        Output.line("[\(text.breadcrumb(path, tree: catalog.tree(key.tree)))]")
        Output.line("")
        for line in text.lines(for: key, in: catalog, probes: probes(of: key, in: catalog)) {
            Output.line(line)
        }
    }

    /// The answers to a node's probes, run here and now (each `--version` has a short deadline).
    static func probes(of key: NodeKey, in catalog: Catalog) -> ProbeBoard {
        guard let node = catalog.node(key) else { return ProbeBoard() }
        return ProbeBoard.evaluated(node, on: LocalProbeSystem(environment: Environment.variables))
    }
}
