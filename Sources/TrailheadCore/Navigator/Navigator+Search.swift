extension Navigator {
    /// How many results the pane keeps; the pane shows a window of them.
    static let searchResultLimit = 200

    /// Where the search pane puts its results at the current size.
    public var searchLayout: SearchPaneLayout {
        SearchPaneLayout(bodyHeight: bodyHeight)
    }

    mutating func handleSearch(_ action: Action) -> NavigatorEffect? {
        guard var pane = state.search else { return nil }
        switch action {
        case .type(let text):
            pane.query += text
            runSearch(&pane)
        case .deleteBackward:
            if pane.query.isEmpty {
                state.search = nil
                return nil
            }
            pane.query.removeLast()
            runSearch(&pane)
        case .deleteWord:
            while pane.query.last == " " { pane.query.removeLast() }
            while let last = pane.query.last, last != " " { pane.query.removeLast() }
            runSearch(&pane)
        case .clearInput:
            pane.query = ""
            runSearch(&pane)
        case .move(let delta):
            if pane.results.isEmpty, !pane.weak.isEmpty, delta > 0 {
                pane.results = pane.weak
                pane.showsWeak = true
            } else {
                pane.selection = min(max(pane.selection + delta, 0), max(pane.results.count - 1, 0))
            }
        case .pageDown, .pageUp, .scroll:
            let perPage = searchLayout.visibleResults
            var delta = action == .pageUp ? -perPage : perPage
            if case .scroll(let lines) = action { delta = lines > 0 ? 1 : -1 }
            pane.selection = min(max(pane.selection + delta, 0), max(pane.results.count - 1, 0))
        case .choose:
            guard pane.results.indices.contains(pane.selection) else {
                if pane.query.trimmingSpaces.isEmpty {
                    state.status = "Type what you are looking for"
                } else {
                    reportUnanswered(pane.query)
                }
                return nil
            }
            jump(to: pane.results[pane.selection].key)
            return nil
        case .click(_, let row):
            guard let index = searchLayout.result(atScreenRow: row, scroll: pane.scroll), pane.results.indices.contains(index) else { return nil }
            jump(to: pane.results[index].key)
            return nil
        case .closeOverlay, .back:
            state.search = nil
            return nil
        default:
            return nil
        }
        state.search = pane
        revealSearchSelection()
        return nil
    }

    private mutating func runSearch(_ pane: inout SearchPane) {
        pane.selection = 0
        pane.scroll = 0
        pane.showsWeak = false
        let query = SearchQuery(pane.query)
        guard !query.isEmpty else {
            pane.results = []
            pane.weak = []
            pane.matchedQuery = ""
            pane.matched = []
            pane.settled = nil
            return
        }
        let ranked: RankedSearch
        if RankedSearch.reading(of: pane.query) == .words {
            ranked = RankedSearch.words(words().search(pane.query, limit: Self.searchResultLimit))
            // A word search leaves nothing a longer fuzzy query could narrow.
            pane.matchedQuery = ""
            pane.matched = []
            pane.settled = nil
        } else {
            let index: any SearchEngine = searchIndex ?? SearchIndex(catalog: catalog)
            searchIndex = index
            let narrows = Self.narrows(pane.query, previous: pane.matchedQuery)
            let outcome = index.search(
                query, limit: Self.searchResultLimit, within: narrows ? pane.matched : nil, settled: narrows ? pane.settled : nil)
            pane.matched = outcome.matches
            pane.settled = outcome.settled
            pane.matchedQuery = pane.query
            ranked = RankedSearch.fuzzy(outcome.results, query: query, text: pane.query, catalog: catalog) { words() }
        }
        pane.results = ranked.answers
        pane.weak = ranked.weak
        pane.reading = ranked.reading
    }

    /// The word index, built on first use and kept.
    private mutating func words() -> WordIndex {
        if let wordIndex { return wordIndex }
        let built = WordIndex(catalog: catalog)
        wordIndex = built
        return built
    }

    /// "Tell us what you looked for": the feedback window, with the query in the link.
    private mutating func reportUnanswered(_ query: String) {
        let tree = state.trail.map(\.current.tree) ?? catalog.trees.first?.id ?? ""
        state.search = nil
        state.overlay = .feedback(url: FeedbackLink.url(forSearch: query, tree: tree, in: catalog, version: version), tree: tree)
    }

    /// A query that only adds to a previous plain fuzzy query matches a subset of its nodes,
    /// so only those need searching: typing gets faster as the query grows.
    public static func narrows(_ query: String, previous: String) -> Bool {
        let special: Set<Character> = ["'", "^", "$", "!", "|"]
        return !previous.trimmingSpaces.isEmpty && query.hasPrefix(previous)
            && !query.contains(where: special.contains)
    }

    /// Jumps to a node with the breadcrumb of a walk from its tree's start, so back retraces it.
    mutating func jump(to key: NodeKey) {
        state.search = nil
        state.place = .node(Trail(arrivingAt: key, in: catalog))
        state.selection = 0
        state.scroll = 0
        startReadingIfItemsAreBelow()
        revealSelection()
    }

    mutating func revealSearchSelection() {
        guard var pane = state.search else { return }
        let visible = searchLayout.visibleResults
        if pane.selection >= pane.scroll + visible { pane.scroll = pane.selection - visible + 1 }
        if pane.selection < pane.scroll { pane.scroll = pane.selection }
        pane.scroll = max(0, min(pane.scroll, max(0, pane.results.count - visible)))
        state.search = pane
    }
}
