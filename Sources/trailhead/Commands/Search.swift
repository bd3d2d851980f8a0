import ArgumentParser
import TrailheadCore

/// `trailhead search QUERY`: every node of every tree, by word relevance or fuzzy match.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search every node of every tree (titles, text, tags, links, commands, choice labels, error messages).",
        discussion: """
            A question or a sentence ("how do I download a file") is ranked by word relevance, forgiving \
            typos; a short code-like query ("rucio dl", "^cert") matches letters in order, as fzf does. Only \
            confident hits are printed; the exit status is 1 when there is none (--all prints the weak ones too).
            """)

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Print JSON: {query, reading, results: [{tree, node, kind, title, score, field, matched, positions, path}]}.")
    var json = false

    @Flag(help: "Also print the weak matches, and exit 0 when there is any match.")
    var all = false

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
        let limit = self.limit ?? (json ? .max : 20)
        let reading = RankedSearch.reading(of: text)
        if all, reading == .fuzzy {
            try printFuzzyFast(text, limit: limit, library: library)
            return
        }
        let ranked: RankedSearch
        if reading == .words {
            ranked = RankedSearch.words(WordIndex(catalog: library.catalog).search(text, limit: limit))
        } else {
            let search = CatalogSearch(text, limit: limit, library: library, cache: CacheAccess.cache)
            Teardown.skip(search)
            let results = (0..<search.count).map(search.result)
            ranked = RankedSearch.fuzzy(results, query: SearchQuery(text), text: text, catalog: library.catalog) { WordIndex(catalog: library.catalog) }
        }
        let shown = Array((all ? ranked.answers + ranked.weak : ranked.answers).prefix(limit))
        print(shown, text: text, reading: ranked.reading, catalog: library.catalog)
        if shown.isEmpty {
            if !json {
                let weak = ranked.weak.count
                Output.error("nothing good matches '\(TextSanitizer.line(text))'" + (weak > 0 ? " (\(weak) weak match\(weak == 1 ? "" : "es"): --all shows them)" : ""))
            }
            throw ExitCode(1)
        }
    }

    private func print(_ results: [SearchResult], text: String, reading: RankedSearch.Reading, catalog: Catalog) {
        let head: [(String, JSONValue)] = [("query", .string(text)), ("reading", .string(reading.rawValue))]
        if json {
            Output.json(head, streaming: "results", count: results.count) { number in NodeJSON.searchResult(results[number], in: catalog) }
            return
        }
        let nodeText = NodeText(width: Output.width)
        for result in results {
            let heading = catalog.node(result.key).map { TextSanitizer.line($0.heading) } ?? ""
            Output.line("\(result.key)  \(heading)")
            Output.line("    " + nodeText.breadcrumb(catalog.path(to: result.key) ?? [], tree: catalog.tree(result.key.tree)))
        }
    }

    /// Every fuzzy match as fzf would list it, through the catalog's snapshot when it is fresh.
    private func printFuzzyFast(_ text: String, limit: Int, library: Library) throws {
        let search = CatalogSearch(text, limit: limit, library: library, cache: CacheAccess.cache)
        Teardown.skip(search)
        let head: [(String, JSONValue)] = [("query", .string(text)), ("reading", .string(RankedSearch.Reading.fuzzy.rawValue))]
        if json && !Output.jsonIsPretty {
            Output.json(head, streaming: "results", count: search.count, pretty: false) { number, out in
                search.appendCompactJSON(number, to: &out)
            }
        } else if json {
            Output.json(head, streaming: "results", count: search.count) { number in
                NodeJSON.searchResult(search.result(number), in: search.catalog)
            }
        } else {
            print((0..<search.count).map(search.result), text: text, reading: .fuzzy, catalog: search.catalog)
        }
        if search.count == 0 {
            if !json { Output.error("nothing matches '\(TextSanitizer.line(text))'") }
            throw ExitCode(1)
        }
    }
}
