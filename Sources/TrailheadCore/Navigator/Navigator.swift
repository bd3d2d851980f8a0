/// The full-screen interface's state machine: actions in, new state and effects out.
///
/// Pure apart from building the search index on first use, so every behaviour of the
/// interface is tested without a terminal.
public struct Navigator: Sendable {
    public let catalog: Catalog
    public internal(set) var state: NavigatorState
    public let version: String
    /// Built on the first search unless an action delivers one sooner (`.searchIndexReady`).
    public internal(set) var searchIndex: (any SearchEngine)?
    /// Built on the first query that reads as words, or that fuzzy matching cannot answer.
    public internal(set) var wordIndex: WordIndex?
    /// Placeholder values given up front (`--set name=value`); those placeholders are not asked.
    public let prefilled: [String: String]
    /// `--print`: choosing a link prints it and quits instead of opening it (the footer says so).
    public let printsLinks: Bool

    /// Starts at `start` (with the breadcrumb of a walk to it), else at the only tree's start,
    /// else at the list of trees.
    public init(
        catalog: Catalog, start: NodeKey? = nil, size: ScreenSize, version: String,
        prefilled: [String: String] = [:], printsLinks: Bool = false
    ) {
        self.catalog = catalog
        self.version = version
        self.prefilled = prefilled
        self.printsLinks = printsLinks
        let place: NavigatorState.Place
        if let start {
            place = .node(Trail(arrivingAt: start, in: catalog))
        } else if catalog.trees.count == 1, let tree = catalog.trees.first {
            place = .node(Trail(at: catalog.startKey(of: tree)))
        } else {
            place = .treeList
        }
        state = NavigatorState(place: place, size: size)
        startReadingIfItemsAreBelow()
    }

    /// Rows available to the page between the breadcrumb bar and the status and key rows.
    public var bodyHeight: Int { max(1, state.size.rows - 3) }

    public var layout: PageLayout {
        PageLayout(place: state.place, catalog: catalog, width: state.size.columns - 2, probes: state.probes, revealHidden: state.revealHidden)
    }

    public var items: [PageItem] { PageItem.items(of: state.place, in: catalog, probes: state.probes, revealHidden: state.revealHidden) }

    /// The probes the current page shows that have no answer yet, for the caller to run.
    public var unansweredProbes: [Probe] {
        guard let trail = state.trail, let node = catalog.node(trail.current) else { return [] }
        return ProbeBoard.probes(of: node).filter { state.probes[$0] == nil }
    }

    @discardableResult
    public mutating func handle(_ action: Action) -> NavigatorEffect? {
        switch action {
        case .probeAnswered(let key, let result):
            state.probes.record(result, for: key)
            clampScroll()
            return nil
        case .searchIndexReady(let delivery):
            if searchIndex == nil { searchIndex = delivery.engine }
            return nil
        case .wordIndexReady(let delivery):
            if wordIndex == nil { wordIndex = delivery.index }
            return nil
        case .status(let message):
            state.status = message
            return nil
        case .offerResume(let offer):
            state.resumeOffer = offer
            return nil
        case .linkNotOpened(let url, let reason):
            if !state.printOnExit.contains(url) { state.printOnExit.append(url) }
            state.overlay = .link(url: url, reason: reason)
            return nil
        default:
            break
        }
        state.status = nil
        switch action {
        case .resize(let size):
            state.size = size
            clampScroll()
            revealSelection()
            if state.search != nil { revealSearchSelection() }
            return nil
        case .quit:
            return .quit(status: 0, output: state.printOnExit)
        case .interrupt:
            return .quit(status: 130, output: [])
        case .toggleHelp:
            state.overlay = state.overlay == .help ? nil : .help
            return nil
        default:
            break
        }
        if state.overlay != nil { return handleOverlay(action) }
        if state.form != nil { return handleForm(action) }
        if state.search != nil { return handleSearch(action) }
        return handlePage(action)
    }

    private mutating func handleOverlay(_ action: Action) -> NavigatorEffect? {
        switch (action, state.overlay) {
        case (.choose, .feedback(let url?, _)):
            state.overlay = nil
            return .openLink(url)
        case (.copy, .feedback(let url?, _)), (.copy, .link(let url, _)):
            return .copy(url, what: "Link")
        case (.scroll(let delta), .help):
            state.overlayScroll = max(0, state.overlayScroll + delta)
            return nil
        default:
            state.overlay = nil
            return nil
        }
    }

    private mutating func handlePage(_ action: Action) -> NavigatorEffect? {
        let count = items.count
        switch action {
        case .move(let delta):
            guard count > 0 else {
                scroll(by: delta)
                return nil
            }
            if state.selection < 0 {
                readOn(delta)
                return nil
            }
            select(min(max(state.selection + delta, 0), count - 1))
        case .moveToLast:
            select(max(count - 1, 0))
        case .pageDown, .pageUp:
            page(down: action == .pageDown)
        case .scroll(let delta):
            scroll(by: delta)
        case .choose:
            if state.selection < 0 {
                state.status = "Read on with ↓ to reach the links and commands"
                return nil
            }
            return activate(state.selection)
        case .chooseNumber(let number):
            return chooseNumber(number, count: count)
        case .activate(let item):
            return activate(item)
        case .toggleHidden:
            // The selected item stays selected when others appear or disappear around it.
            let selected = items.indices.contains(state.selection) ? items[state.selection] : nil
            state.revealHidden.toggle()
            state.status = state.revealHidden ? "Showing every command, also those for other machines" : "Showing the commands that apply here"
            select(selected.flatMap { items.firstIndex(of: $0) } ?? min(max(state.selection, 0), max(items.count - 1, 0)))
        case .jump(let key):
            jump(to: key)
        case .back:
            goBack()
        case .home:
            goHome()
        case .openSearch:
            state.search = SearchPane()
        case .search(let text):
            state.search = SearchPane()
            return handleSearch(.type(text))
        case .showFeedback:
            showFeedback()
        case .resume:
            guard let offer = state.resumeOffer else {
                state.status = "Nothing to resume: this is your first walk here"
                return nil
            }
            go(to: .node(offer.trail))
        case .copy:
            return copySelection()
        case .click(_, let row):
            let line = row - 1 + state.scroll
            let lines = layout.lines
            guard row >= 1, row <= bodyHeight, line < lines.count, let item = lines[line].item else { return nil }
            select(item)
            return activate(item)
        case .closeOverlay:
            goBack()
        default:
            break
        }
        return nil
    }

    private mutating func chooseNumber(_ number: Int, count: Int) -> NavigatorEffect? {
        guard number <= count else {
            state.status = count == 0 ? "Nothing to choose here" : "There is no choice \(number); choose 1 to \(min(count, 9))"
            return nil
        }
        select(number - 1)
        // On a resource a digit only selects, so a stray key never prints and quits.
        if case .node(let trail) = state.place, catalog.node(trail.current)?.isResource == true { return nil }
        return activate(number - 1)
    }

    // MARK: - Moving around

    mutating func activate(_ index: Int) -> NavigatorEffect? {
        let items = self.items
        guard items.indices.contains(index) else { return nil }
        switch (items[index], state.place) {
        case (.tree(let treeIndex), _):
            go(to: .node(Trail(at: catalog.startKey(of: catalog.trees[treeIndex]))))
        case (.choice(let choiceIndex), .node(var trail)):
            guard let choice = catalog.node(trail.current)?.question?.choices[choiceIndex] else { return nil }
            let target = choice.target.key(from: trail.current.tree)
            guard catalog.node(target) != nil else {
                state.status = "That choice leads to '\(target)', which is not loaded (see trailhead validate)"
                return nil
            }
            trail.follow(.choice(number: choiceIndex + 1, label: choice.label), to: target)
            go(to: .node(trail))
        case (.link(let linkIndex), .node(let trail)):
            guard let link = catalog.node(trail.current)?.resource?.links[linkIndex] else { return nil }
            return .openLink(link.url)
        case (.command(let commandIndex), .node(let trail)):
            return use(commandAt: commandIndex, of: trail.current, for: .print)
        case (.codeBlock(let blockIndex), .node(let trail)):
            return copyCodeBlock(blockIndex, of: trail.current)
        case (.seeAlso(let seeIndex), .node(var trail)):
            guard let reference = catalog.node(trail.current)?.resource?.seeAlso[seeIndex] else { return nil }
            let target = reference.key(from: trail.current.tree)
            guard catalog.node(target) != nil else {
                state.status = "'\(target)' is not loaded (see trailhead validate)"
                return nil
            }
            trail.follow(.seeAlso, to: target)
            go(to: .node(trail))
        default:
            break
        }
        return nil
    }

    private mutating func go(to place: NavigatorState.Place, selecting selection: Int = 0) {
        state.resumeOffer = nil
        state.place = place
        state.scroll = 0
        state.selection = min(selection, max(items.count - 1, 0))
        startReadingIfItemsAreBelow()
        revealSelection()
    }

    /// A resource whose first link or command is below the screen opens at its title, with
    /// nothing selected, so the text is read first; ↓ scrolls on and then selects.
    mutating func startReadingIfItemsAreBelow() {
        guard case .node(let trail) = state.place, catalog.node(trail.current)?.isResource == true,
              state.selection == 0, let first = layout.lineRange(ofItem: 0), first.lowerBound >= bodyHeight
        else { return }
        state.selection = -1
    }

    private mutating func readOn(_ delta: Int) {
        if delta > 0, let first = layout.lineRange(ofItem: 0), first.lowerBound < state.scroll + bodyHeight {
            select(0)
        } else {
            scroll(by: delta * 3)
        }
    }

    private mutating func goBack() {
        switch state.place {
        case .treeList:
            state.status = "This is the start"
        case .node(var trail):
            let previous = trail.steps.last
            if trail.back() {
                var selection = 0
                if case .choice(let number, _)? = previous?.via {
                    let items = PageItem.items(of: .node(trail), in: catalog, probes: state.probes, revealHidden: state.revealHidden)
                    selection = items.firstIndex(of: .choice(number - 1)) ?? 0
                }
                go(to: .node(trail), selecting: selection)
            } else if catalog.trees.count > 1 {
                let treeIndex = catalog.trees.firstIndex { $0.id == trail.current.tree } ?? 0
                go(to: .treeList, selecting: treeIndex)
            } else {
                state.status = "This is the start"
            }
        }
    }

    private mutating func goHome() {
        guard case .node(let trail) = state.place, let tree = catalog.tree(trail.current.tree) else {
            state.status = "This is the start"
            return
        }
        if trail.isAtBeginning && trail.current == catalog.startKey(of: tree) && catalog.trees.count > 1 {
            go(to: .treeList, selecting: catalog.trees.firstIndex { $0.id == tree.id } ?? 0)
        } else {
            go(to: .node(Trail(at: catalog.startKey(of: tree))))
        }
    }

    private mutating func copySelection() -> NavigatorEffect? {
        let items = self.items
        guard case .node(let trail) = state.place, items.indices.contains(state.selection) else {
            state.status = "Select a link, command or code block to copy"
            return nil
        }
        switch items[state.selection] {
        case .link(let index):
            guard let link = catalog.node(trail.current)?.resource?.links[index] else { return nil }
            return .copy(link.url, what: "Link")
        case .command(let index):
            return use(commandAt: index, of: trail.current, for: .copy)
        case .codeBlock(let index):
            return copyCodeBlock(index, of: trail.current)
        default:
            state.status = "Select a link, command or code block to copy"
            return nil
        }
    }

    private func copyCodeBlock(_ index: Int, of key: NodeKey) -> NavigatorEffect? {
        let blocks = catalog.node(key)?.resource?.codeBlocks(probes: state.probes, revealHidden: state.revealHidden) ?? []
        return blocks.indices.contains(index) ? .copy(blocks[index], what: "Code") : nil
    }

    private mutating func showFeedback() {
        guard case .node(let trail) = state.place else {
            state.status = "Choose a guide first; each guide says where to report problems"
            return
        }
        let url = FeedbackLink.url(for: trail.current, trail: trail.steps, in: catalog, version: version)
        state.overlay = .feedback(url: url, tree: trail.current.tree)
    }

    // MARK: - Scrolling

    private mutating func select(_ index: Int) {
        state.selection = index
        revealSelection()
    }

    /// Scrolls so the selected item is fully visible (or at least its first line).
    mutating func revealSelection() {
        let layout = self.layout
        guard state.selection >= 0, let range = layout.lineRange(ofItem: state.selection) else {
            clampScroll(lineCount: layout.lines.count)
            return
        }
        if range.upperBound >= state.scroll + bodyHeight {
            state.scroll = range.upperBound - bodyHeight + 1
        }
        if range.lowerBound < state.scroll {
            state.scroll = range.lowerBound
        }
        // Show the page's heading when the first item fits below it.
        if state.selection == 0, range.upperBound < bodyHeight {
            state.scroll = 0
        }
        clampScroll(lineCount: layout.lines.count)
    }

    private mutating func scroll(by delta: Int) {
        state.scroll += delta
        clampScroll()
    }

    mutating func clampScroll(lineCount: Int? = nil) {
        let maximum = max(0, (lineCount ?? layout.lines.count) - bodyHeight)
        state.scroll = min(max(state.scroll, 0), maximum)
    }

    private mutating func page(down: Bool) {
        let step = max(1, bodyHeight - 1)
        scroll(by: down ? step : -step)
        let lines = layout.lines
        let visible = state.scroll..<min(lines.count, state.scroll + bodyHeight)
        let visibleItems = visible.compactMap { lines[$0].item }
        guard let first = visibleItems.first, let last = visibleItems.last else { return }
        if state.selection < first || state.selection > last {
            state.selection = down ? first : last
        } else if down && visible.upperBound >= lines.count {
            state.selection = last
        } else if !down && state.scroll == 0 {
            state.selection = first
        }
    }
}
