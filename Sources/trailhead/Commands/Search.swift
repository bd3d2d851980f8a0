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

    @Option(help: "Show at most this many results (default: 20, or all with --json or --tsv).")
    var limit: Int?

    @Option(help: "Only nodes of this kind: question or resource.")
    var kind: NodeKind?

    @Flag(name: [.customShort("e"), .long], help: "Match each word as exact text, not letters in order (as fzf --exact); prints every match.")
    var exact = false

    @Flag(name: [.customShort("i"), .long], help: "Match case-insensitively even when a word has capitals (the default is smart case); prints every match.")
    var ignoreCase = false

    @Flag(help: "Print one line per result, fields separated by tabs (as fzf --filter): key, title, path unless --fields says otherwise.")
    var tsv = false

    @Option(help: ArgumentHelp("The columns of --tsv, comma-separated: key, tree, node, kind, title, score, field, matched, path.", valueName: "fields"))
    var fields: String = "key,title,path"

    /// What `--kind` selects.
    enum NodeKind: String, ExpressibleByArgument {
        case question, resource
    }

    static let tsvFields = ["key", "tree", "node", "kind", "title", "score", "field", "matched", "path"]

    @Argument(help: "The words to search for.")
    var query: [String]

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if json && tsv { throw ValidationError("--json and --tsv ask for different output; give one") }
        let unknown = fields.split(separator: ",").map(String.init).filter { !Self.tsvFields.contains($0) }
        if !unknown.isEmpty {
            throw ValidationError("--fields: unknown field \(unknown.map { "'\($0)'" }.joined(separator: ", ")); choose from \(Self.tsvFields.joined(separator: ", "))")
        }
        if query.allSatisfy({ $0.trimmingSpaces.isEmpty }) { throw ValidationError("give some words to search for") }
    }

    func run() throws {
        let library = try trees.loadUsableLibrary()
        let catalog = library.catalog
        let text = query.joined(separator: " ")
        let limit = self.limit ?? (json || tsv ? .max : 20)
        // --exact and --ignore-case are fzf's options, so the query is read in fzf's syntax, and
        // every match they find is printed (they are precise already).
        let precise = exact || ignoreCase
        let wanted: (NodeKey) -> Bool = { key in
            guard let kind else { return true }
            return catalog.node(key)?.isResource == (kind == .resource)
        }
        if precise || RankedSearch.reading(of: text) == .fuzzy {
            let everything = all || precise
            // Without --all the weak matches are skipped, so the best `limit` are looked for among all.
            let search = CatalogSearch(
                text, query: SearchQuery(text, exact: exact, ignoreCase: ignoreCase),
                limit: everything && kind == nil ? limit : .max, library: library, cache: CacheAccess.cache)
            Teardown.skip(search)
            let parsed = SearchQuery(text)
            let shown = Array((0..<search.count).lazy.filter { number in
                (kind == nil || wanted(search.key(number))) && (everything
                    || search.withFoldedText(number) { RankedSearch.isConfident(parsed, folded: $0) }
                    || (number < RankedSearch.judgedWhole && catalog.node(search.key(number)).map { RankedSearch.isConfident(parsed, node: $0) } == true))
            }.prefix(limit))
            if !shown.isEmpty || everything {
                try printFuzzy(search, numbers: shown, text: text)
                return
            }
        }
        // A question, or a fuzzy query nothing answers confidently: read as words.
        let words = RankedSearch.words(WordIndex(catalog: catalog).search(text, limit: kind == nil ? limit : .max))
        let shown = Array((all ? words.answers + words.weak : words.answers).lazy.filter { wanted($0.key) }.prefix(limit))
        print(shown, text: text, reading: .words, catalog: catalog)
        if shown.isEmpty {
            let weak = words.weak.count
            if !json { Output.error("nothing good matches '\(TextSanitizer.line(text))'" + (weak > 0 ? " (\(weak) weak match\(weak == 1 ? "" : "es"): --all shows them)" : "")) }
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
        if tsv {
            let columns = fields.split(separator: ",").map(String.init)
            for result in results { Output.line(tsvLine(result, columns: columns, catalog: catalog, nodeText: nodeText)) }
            return
        }
        for result in results {
            let heading = catalog.node(result.key).map { TextSanitizer.line($0.heading) } ?? ""
            Output.line("\(result.key)  \(heading)")
            Output.line("    " + nodeText.breadcrumb(catalog.path(to: result.key) ?? [], to: result.key, in: catalog))
        }
    }

    /// One result as `--tsv` writes it: the chosen fields, tabs and line breaks inside a value
    /// made spaces, so a line is a result and a tab a column.
    private func tsvLine(_ result: SearchResult, columns: [String], catalog: Catalog, nodeText: NodeText) -> String {
        let node = catalog.node(result.key)
        return columns.map { column -> String in
            let value: String = switch column {
            case "key": result.key.description
            case "tree": result.key.tree
            case "node": result.key.node
            case "kind": node?.isResource == true ? "resource" : "question"
            case "title": node?.heading ?? ""
            case "score": String(result.score)
            case "field": result.field.rawValue
            case "matched": result.matchedText
            default: nodeText.breadcrumb(catalog.path(to: result.key) ?? [], to: result.key, in: catalog)
            }
            return TextSanitizer.line(value.map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined())
        }.joined(separator: "\t")
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
