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
        let library = try trees.loadUsableLibrary()
        let text = query.joined(separator: " ")
        let search = CatalogSearch(text, limit: limit ?? (json ? .max : 20), library: library, cache: CacheAccess.cache)
        Teardown.skip(search)
        if json && !Output.jsonIsPretty {
            Output.json([("query", .string(text))], streaming: "results", count: search.count, pretty: false) { number, out in
                search.appendCompactJSON(number, to: &out)
            }
        } else if json {
            Output.json([("query", .string(text))], streaming: "results", count: search.count) { number in
                NodeJSON.searchResult(search.result(number), in: search.catalog)
            }
        } else {
            let nodeText = NodeText(width: Output.width)
            for number in 0..<search.count {
                let key = search.result(number).key
                let heading = search.catalog.node(key).map { TextSanitizer.line($0.heading) } ?? ""
                Output.line("\(key)  \(heading)")
                Output.line("    " + nodeText.breadcrumb(search.catalog.path(to: key) ?? [], tree: search.catalog.tree(key.tree)))
            }
        }
        if search.count == 0 {
            if !json { Output.error("nothing matches '\(TextSanitizer.line(text))'") }
            throw ExitCode(1)
        }
    }
}
