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
        let cache = CacheAccess.cache
        let found: Int
        // An unchanged catalog is searched through its snapshot: no node decoded, no index built.
        // A changed one has its index built and saved as a snapshot, which this search then uses.
        if let snapshot = cache?.searchSnapshot(for: library) {
            found = show(snapshot.search(parsed, limit: limit), of: snapshot, query: parsed, text: text, in: catalog)
        } else {
            let index = SearchIndex(catalog: catalog)
            Teardown.skip(index)
            if let snapshot = cache?.saveSearchSnapshot(of: index, for: library) {
                found = show(snapshot.search(parsed, limit: limit), of: snapshot, query: parsed, text: text, in: catalog)
            } else {
                let results = index.search(parsed, limit: limit, within: nil, settled: nil).results
                Teardown.skip(results)
                show(results, query: text, in: catalog)
                found = results.count
            }
        }
        if found == 0 {
            if !json { Output.error("nothing matches '\(TextSanitizer.line(text))'") }
            throw ExitCode(1)
        }
    }

    /// Compact JSON is written from the snapshot's own fragments; anything else from results.
    private func show(_ hits: [SearchSnapshot.Hit], of snapshot: SearchSnapshot, query: SearchQuery, text: String, in catalog: Catalog) -> Int {
        let query = SearchSnapshot.PreparedQuery(query)
        Teardown.skip((snapshot, hits, query))
        if json && !Output.jsonIsPretty {
            Output.json([("query", .string(text))], streaming: "results", count: hits.count, pretty: false) { index, out in
                snapshot.appendJSON(for: hits[index], query: query, to: &out)
            }
        } else {
            show(hits.map { snapshot.result(for: $0, query: query) }, query: text, in: catalog)
        }
        return hits.count
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
