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
        let catalog = library.catalog
        let text = query.joined(separator: " ")
        let parsed = SearchQuery(text)
        let limit = self.limit ?? (json ? .max : 20)
        let cache = TreeCache.standard(environment: Environment.variables)
        let found: Int
        // An unchanged catalog is searched through its snapshot: no node decoded, no index built.
        if let snapshot = cache?.searchSnapshot(for: library) {
            let hits = snapshot.search(parsed, limit: limit)
            Teardown.skip((snapshot, hits))
            if json && !Output.jsonIsPretty {
                Output.json([("query", .string(text))], streaming: "results", count: hits.count, pretty: false) { index, out in
                    snapshot.appendJSON(for: hits[index], query: parsed, to: &out)
                }
            } else {
                show(hits.map { snapshot.result(for: $0, query: parsed) }, query: text, in: catalog)
            }
            found = hits.count
        } else {
            let index = SearchIndex(catalog: catalog)
            let results = index.search(parsed, limit: limit, within: nil, settled: nil).results
            Teardown.skip((index, results))
            show(results, query: text, in: catalog)
            cache?.saveSearchSnapshot(of: index, for: library)
            found = results.count
        }
        if found == 0 {
            if !json { Output.error("nothing matches '\(TextSanitizer.line(text))'") }
            throw ExitCode(1)
        }
    }

    private func show(_ results: [SearchResult], query text: String, in catalog: Catalog) {
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
    }
}
