extension Navigator {
    /// How many results the pane keeps; the pane shows a window of them.
    static let searchResultLimit = 200

    /// Rows the results list gets; the rest of the body shows a preview of the selected result.
    public var searchListHeight: Int {
        let available = bodyHeight - 1
        return available >= 12 ? available * 3 / 5 : available
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
            pane.selection = min(max(pane.selection + delta, 0), max(pane.results.count - 1, 0))
        case .pageDown, .pageUp, .scroll:
            let perPage = max(1, searchListHeight / 2)
            var delta = action == .pageUp ? -perPage : perPage
            if case .scroll(let lines) = action { delta = lines > 0 ? 1 : -1 }
            pane.selection = min(max(pane.selection + delta, 0), max(pane.results.count - 1, 0))
        case .choose:
            guard pane.results.indices.contains(pane.selection) else {
                state.status = pane.query.isEmpty ? "Type what you are looking for" : "Nothing matches"
                return nil
            }
            jump(to: pane.results[pane.selection].key)
            return nil
        case .click(_, let row):
            let index = pane.scroll + (row - 2) / 2
            guard row >= 2, row - 2 < searchListHeight, pane.results.indices.contains(index) else { return nil }
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

    /// An index built elsewhere (the interface builds one in the background at start, or maps
    /// the catalog's snapshot), so the first search does not pay for it.
    public mutating func useSearchIndex(_ index: any SearchEngine) {
        if searchIndex == nil { searchIndex = index }
    }

    private mutating func runSearch(_ pane: inout SearchPane) {
        let index: any SearchEngine = searchIndex ?? SearchIndex(catalog: catalog)
        searchIndex = index
        pane.selection = 0
        pane.scroll = 0
        let query = SearchQuery(pane.query)
        guard !query.isEmpty else {
            pane.results = []
            pane.matchedQuery = ""
            pane.matched = []
            pane.settled = nil
            return
        }
        let narrows = Self.narrows(pane.query, previous: pane.matchedQuery)
        let outcome = index.search(
            query, limit: Self.searchResultLimit, within: narrows ? pane.matched : nil, settled: narrows ? pane.settled : nil)
        pane.results = outcome.results
        pane.matched = outcome.matches
        pane.settled = outcome.settled
        pane.matchedQuery = pane.query
    }

    /// A query that only adds to a previous plain fuzzy query matches a subset of its nodes,
    /// so only those need searching: typing gets faster as the query grows.
    public static func narrows(_ query: String, previous: String) -> Bool {
        let special: Set<Character> = ["'", "^", "$", "!", "|"]
        return !previous.trimmingSpaces.isEmpty && query.hasPrefix(previous)
            && !query.contains(where: special.contains)
    }

    /// Jumps to a node with the breadcrumb of a walk from its tree's start, so back retraces it.
    private mutating func jump(to key: NodeKey) {
        state.search = nil
        state.place = .node(Trail(arrivingAt: key, in: catalog))
        state.selection = 0
        state.scroll = 0
        startReadingIfItemsAreBelow()
        revealSelection()
    }

    mutating func revealSearchSelection() {
        guard var pane = state.search else { return }
        let visible = max(1, searchListHeight / 2)
        if pane.selection >= pane.scroll + visible { pane.scroll = pane.selection - visible + 1 }
        if pane.selection < pane.scroll { pane.scroll = pane.selection }
        pane.scroll = max(0, min(pane.scroll, max(0, pane.results.count - visible)))
        state.search = pane
    }
}
