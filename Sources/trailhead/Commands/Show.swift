import ArgumentParser
import TrailheadCore

/// `trailhead show TREE/NODE`: one node with the breadcrumb that leads to it.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a node: its text, links, commands, choices and the path from the start.")

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Print the node as JSON (see docs/cli.md).")
    var json = false

    @OptionGroup var command: CommandFilling

    @OptionGroup var probing: ProbeOptions

    @Argument(help: ArgumentHelp("The tree (meaning its start) or a node in it.", valueName: "tree[/node]"), completion: NodeCompletion.treesAndNodes)
    var place: String

    func run() throws {
        let catalog = try trees.loadCatalog()
        let key = try Locate.node(place, in: catalog)
        if try command.printIfRequested(key, in: catalog, json: json) { return }
        let probes = probing.board(for: key, in: catalog)
        if json {
            Output.document(NodeJSON.node(key, in: catalog, probes: probes))
        } else {
            NodePrinter.print(key, in: catalog, probes: probes)
        }
    }
}

/// Prints a node as text with its breadcrumb, as `show` and `walk` do.
enum NodePrinter {
    static func print(_ key: NodeKey, in catalog: Catalog, probes: ProbeBoard, steps: [PathStep]? = nil) {
        let text = NodeText(width: Output.width)
        let path = steps ?? catalog.path(to: key) ?? []
        Output.line("[\(text.breadcrumb(path, to: key, in: catalog))]")
        Output.line("")
        for line in text.lines(for: key, in: catalog, probes: probes) {
            Output.line(line)
        }
    }
}
