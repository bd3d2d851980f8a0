import ArgumentParser
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// The default command: walk the trees interactively.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk the trees from the start, question by question (the default).",
        discussion: """
        Plain line mode prints numbered choices and reads answers from stdin: type a number, the \
        start of a label, b (back), g (start), /words (search) or q (quit). It is used with --plain, \
        when stdin is not a terminal (answers piped in) and when TERM=dumb.
        """
    )

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Use the plain line mode (numbered choices, answers from stdin).")
    var plain = false

    @Argument(help: ArgumentHelp("Open at this tree or node instead of the start.", valueName: "tree[/node]"))
    var place: String?

    func run() throws {
        let catalog = try trees.loadCatalog()
        var start: NodeKey?
        if let place {
            start = try Locate.node(place, in: catalog)
        }
        var session = PlainSession(catalog: catalog, io: StandardLineIO(), width: Output.width, start: start)
        let status = session.run()
        if status != 0 { throw ExitCode(status) }
    }
}
