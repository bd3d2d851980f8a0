import ArgumentParser
import TrailheadCore
import TrailheadProcess
import TrailheadTUI

#if canImport(Glibc)
import Glibc
#endif

/// The default command: walk the trees interactively.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Walk the trees from the start, question by question (the default).",
        discussion: """
        Opens the full-screen interface on the terminal (press ? for its keys). A link or command \
        chosen with Enter is printed on stdout when the interface closes.

        Plain line mode prints numbered choices and reads answers from stdin: type a number, the \
        start of a label, b (back), g (start), /words (search) or q (quit). It is used with --plain, \
        when stdin is not a terminal (answers piped in) and when TERM is dumb or unset.
        """
    )

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Use the plain line mode (numbered choices, answers from stdin).")
    var plain = false

    @Flag(help: "Print only the chosen command or link on stdout (nothing else), for cmd=$(trailhead --print). Exit 1 when nothing was chosen. In plain mode the dialogue goes to stderr and c N / l N chooses.")
    var print = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Fill a command's {name} placeholder without asking (repeatable).", valueName: "name=value"))
    var values: [String] = []

    @Flag(help: "Do not remember where you were or what you opened (also TRAILHEAD_NO_STATE=1), e.g. on a shared account.")
    var noState = false

    @Flag(help: "Print the keys of the full-screen interface and exit.")
    var keys = false

    @Argument(help: ArgumentHelp("Open at this tree or node instead of the start.", valueName: "tree[/node]"), completion: NodeCompletion.treesAndNodes)
    var place: String?

    func run() throws {
        if keys {
            for (heading, entries) in KeyBindings.help {
                Output.line(heading)
                for entry in entries { Output.line("  " + entry.keys + "\t" + entry.does) }
            }
            return
        }
        let library = try trees.loadUsableLibrary()
        let catalog = library.catalog
        let start = try place.map { try Locate.node($0, in: catalog) }
        let environment = Environment.variables
        let term = environment["TERM"] ?? ""
        if !plain && term != "dumb" && !term.isEmpty && Environment.isTerminal(STDIN_FILENO) {
            do {
                var options = InteractiveSession.Options()
                options.printOnly = print
                options.prefilled = try PlaceholderValues.parse(values)
                options.initialStatus = TreeOptions.brokenFilesSummary(library)
                let store = ProgressStore.standard(disabled: noState || print)
                // `trailhead TREE` still offers that tree's place; `trailhead TREE/NODE` goes where it says.
                let onlyTree = start.flatMap { place?.contains("/") == true ? nil : $0.tree }
                if let store, start == nil || onlyTree != nil,
                   let (trail, time) = store.load().resumableTrail(in: catalog, tree: onlyTree) {
                    options.resumeOffer = ResumeOffer(trail: trail, ago: RelativeTime.phrase(from: time, to: Glibc.time(nil)))
                }
                let outcome = try InteractiveSession.run(
                    library: library, start: start, version: Trailhead.version, environment: environment, options: options)
                store?.save(adding: outcome.progress)
                try Self.finish(outcome, printOnly: print)
                return
            } catch let error as InteractiveSessionError {
                Output.warning("\(error.message); using plain mode")
            }
        }
        let cache = CacheAccess.cache
        var session = PlainSession(
            catalog: catalog, io: StandardLineIO(dialogueOnStandardError: print), width: Output.width, start: start,
            probeSystem: LocalProbeSystem(environment: environment),
            searchEngine: { CatalogSearch.engine(for: library, cache: cache) },
            printMode: print, prefilled: try PlaceholderValues.parse(values))
        let status = session.run()
        if let printed = session.printed { Output.line(TextSanitizer.block(printed)) }
        if status != 0 { throw ExitCode(status) }
    }

    /// Prints what the interface left to print (links as hyperlinks on a terminal) and exits
    /// as it ended: by Ctrl-C as if interrupted, else with its status.
    static func finish(_ outcome: InteractiveSession.Outcome, printOnly: Bool) throws {
        let hyperlinks = !printOnly && Environment.isTerminal(STDOUT_FILENO)
        for line in outcome.output {
            let isLink = URLRules.problem(with: line) == nil
            Output.line(hyperlinks && isLink ? TerminalSequences.hyperlink(line, text: line) : TextSanitizer.block(line))
        }
        if outcome.status == 128 + SIGINT { InterruptExit.dieOfInterrupt() }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}
