import ArgumentParser
import TrailheadCore

/// `trailhead walk TREE --answer …`: walks from the start with scripted answers.
struct Walk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        abstract: "Walk a tree from its start with the given answers and print where the walk ends.",
        discussion: "An answer is a choice number (from 1) or the start of a label, case-insensitive.")

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Print JSON: the node reached, plus \"answers\" (each answer and the label it chose).")
    var json = false

    @Option(name: [.customShort("a"), .long], help: "An answer to the next question (repeatable).")
    var answer: [String] = []

    @OptionGroup var command: CommandFilling

    @OptionGroup var probing: ProbeOptions

    @Argument(help: ArgumentHelp("The tree to walk, or a node to start from.", valueName: "tree[/node]"), completion: NodeCompletion.treesAndNodes)
    var place: String

    func run() throws {
        let catalog = try trees.loadCatalog()
        var trail = Trail(arrivingAt: try Locate.node(place, in: catalog), in: catalog)
        var chosen: [(String, String)] = []
        for given in answer {
            guard let question = catalog.node(trail.current)?.question else {
                fail("'\(trail.current)' is a resource; there is no question left to answer '\(given)'", at: trail, catalog: catalog, choices: [])
            }
            let labels = question.choices.map(\.label)
            switch AnswerMatcher.choose(given, among: labels) {
            case .success(let index):
                let target = question.choices[index].target.key(from: trail.current.tree)
                guard catalog.node(target) != nil else {
                    fail("answer '\(given)' leads to '\(target)', which is not loaded", at: trail, catalog: catalog, choices: labels)
                }
                trail.follow(.choice(number: index + 1, label: labels[index]), to: target)
                chosen.append((given, labels[index]))
            case .failure(.ambiguous(let matches)):
                fail("answer '\(given)' could mean: \(matches.joined(separator: ", "))", at: trail, catalog: catalog, choices: labels)
            case .failure(.noMatch):
                fail("'\(given)' is not a choice of '\(trail.current)'", at: trail, catalog: catalog, choices: labels)
            }
        }
        if try command.printIfRequested(trail.current, in: catalog, json: json) { return }
        if json {
            guard case .object(var members) = NodeJSON.node(trail.current, in: catalog, probes: probing.board(for: trail.current, in: catalog)) else { return }
            members.append(("answers", .array(chosen.map { given, label in
                .object([("given", .string(given)), ("chose", .string(label))])
            })))
            Output.document(.object(members))
        } else {
            NodePrinter.print(trail.current, in: catalog, probes: probing.board(for: trail.current, in: catalog), steps: trail.steps)
        }
    }

    /// Reports an answer that could not be followed, naming the valid choices, and exits 1.
    private func fail(_ message: String, at trail: Trail, catalog: Catalog, choices: [String]) -> Never {
        if json {
            Output.errorDocument(message, details: NodeJSON.identity(trail.current) + [
                ("choices", .array(choices.enumerated().map { .object([("number", .int($0 + 1)), ("label", .string($1))]) })),
            ])
        }
        var text = TextSanitizer.line(message)
        if !choices.isEmpty {
            text += "; valid choices: " + choices.enumerated().map { "\($0 + 1)) \(TextSanitizer.line($1))" }.joined(separator: ", ")
        }
        Output.error(text)
        Trailhead.exit(withError: ExitCode(1))
    }
}
