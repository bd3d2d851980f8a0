import ArgumentParser
import TrailheadCore

/// `trailhead search QUERY`: fuzzy search over every node of every tree.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search every node of every tree (titles, text, tags, links, commands, choice labels).",
        discussion: "All space-separated words must match. A word with a capital letter matches case-sensitively.")

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Print JSON: {query, results: [{tree, node, kind, title, score, field, matched, positions, path}]}.")
    var json = false

    @Option(help: "Show at most this many results (default: 20, or all with --json).")
    var limit: Int?

    @Argument(help: "The words to search for.")
    var query: [String]

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if query.allSatisfy({ $0.trimmingSpaces.isEmpty }) { throw ValidationError("give some words to search for") }
    }

    func run() throws {
        let catalog = try trees.loadCatalog()
        let text = query.joined(separator: " ")
        let index = SearchIndex(catalog: catalog)
        let results = index.search(text, limit: limit ?? (json ? .max : 20))
        Teardown.skip((index, results))
        if json {
            Output.json([("query", .string(text))], streaming: "results", count: results.count) { index in
                NodeJSON.searchResult(results[index], in: catalog)
            }
        } else {
            let nodeText = NodeText(width: Output.width)
            for result in results {
                let heading = catalog.node(result.key).map { TextSanitizer.line($0.heading) } ?? ""
                Output.line("\(result.key)  \(heading)")
                Output.line("    " + nodeText.breadcrumb(catalog.path(to: result.key) ?? [], tree: catalog.tree(result.key.tree)))
            }
        }
        if results.isEmpty {
            if !json { Output.error("nothing matches '\(TextSanitizer.line(text))'") }
            throw ExitCode(1)
        }
    }
}
