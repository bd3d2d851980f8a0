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
        if RankedSearch.reading(of: text) == .fuzzy {
            // Without --all the weak matches are skipped, so the best `limit` are looked for among all.
            let search = CatalogSearch(text, limit: all ? limit : .max, library: library, cache: CacheAccess.cache)
            Teardown.skip(search)
            let parsed = SearchQuery(text)
            let shown = all ? Array(0..<search.count) : Array((0..<search.count).lazy.filter { number in
                search.withFoldedText(number) { RankedSearch.isConfident(parsed, folded: $0) }
                    || (number < RankedSearch.judgedWhole && library.catalog.node(search.key(number)).map { RankedSearch.isConfident(parsed, node: $0) } == true)
            }.prefix(limit))
            if !shown.isEmpty || all {
                try printFuzzy(search, numbers: shown, text: text)
                return
            }
        }
        // A question, or a fuzzy query nothing answers confidently: read as words.
        let words = RankedSearch.words(WordIndex(catalog: library.catalog).search(text, limit: limit))
        let shown = Array((all ? words.answers + words.weak : words.answers).prefix(limit))
        print(shown, text: text, reading: .words, catalog: library.catalog)
        if shown.isEmpty {
            if !json {
                let weak = words.weak.count
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

    /// The fuzzy matches `numbers` names, through the catalog's snapshot when it is fresh (the
    /// compact JSON is written from its stored fragments).
    private func printFuzzy(_ search: CatalogSearch, numbers: [Int], text: String) throws {
        let head: [(String, JSONValue)] = [("query", .string(text)), ("reading", .string(RankedSearch.Reading.fuzzy.rawValue))]
        if json && !Output.jsonIsPretty {
            Output.json(head, streaming: "results", count: numbers.count, pretty: false) { index, out in
                search.appendCompactJSON(numbers[index], to: &out)
            }
        } else if json {
            Output.json(head, streaming: "results", count: numbers.count) { index in
                NodeJSON.searchResult(search.result(numbers[index]), in: search.catalog)
            }
        } else {
            print(numbers.map(search.result), text: text, reading: .fuzzy, catalog: search.catalog)
        }
        if numbers.isEmpty {
            if !json { Output.error("nothing matches '\(TextSanitizer.line(text))'") }
            throw ExitCode(1)
        }
    }
}
