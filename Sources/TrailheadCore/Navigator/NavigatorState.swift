/// Everything the full-screen interface shows, as a value: where the user is, what is selected,
/// what is open on top. `Navigator` changes it; `Renderer` draws it.
public struct NavigatorState: Equatable, Sendable {
    /// Where the user is: the list of trees, or a node reached along a trail.
    public enum Place: Equatable, Sendable {
        case treeList
        case node(Trail)
    }

    /// A window drawn over the page.
    public enum Overlay: Equatable, Sendable {
        case help
        case feedback(url: String?, tree: String)
        /// A link that could not be opened here, shown to click or copy (and printed on exit).
        case link(url: String, reason: String)
    }

    public var place: Place
    /// The selected item (choice, tree, link, command or see-also entry) of the page.
    public var selection: Int = 0
    /// The first body line shown.
    public var scroll: Int = 0
    public var overlay: Overlay? {
        didSet { overlayScroll = 0 }
    }
    /// The first line of a long overlay's text shown (the help scrolls on small terminals).
    public var overlayScroll: Int = 0
    public var search: SearchPane?
    /// Filling in a command's placeholders before it is printed or copied.
    public var form: PlaceholderForm?
    /// Links that could not be opened, printed on stdout when the interface closes.
    public var printOnExit: [String] = []
    /// A one-line message for the status row, cleared by the next action.
    public var status: String?
    /// Where the last session left off, offered (key `r`) until the user goes somewhere.
    public var resumeOffer: ResumeOffer?
    /// What the probes of the pages seen so far found; filled in the background.
    public var probes = ProbeBoard()
    /// Commands whose condition is false here are shown too (key `v`).
    public var revealHidden = false
    public var size: ScreenSize

    public init(place: Place, size: ScreenSize) {
        self.place = place
        self.size = size
    }

    public var trail: Trail? {
        if case .node(let trail) = place { return trail }
        return nil
    }
}

/// A place from an earlier session that the user can go back to with one key.
public struct ResumeOffer: Equatable, Sendable {
    public var trail: Trail
    /// When the place was left, said the way people say it ("3 hours ago").
    public var ago: String

    public init(trail: Trail, ago: String) {
        self.trail = trail
        self.ago = ago
    }
}

/// The search pane's query, results and selection.
public struct SearchPane: Equatable, Sendable {
    public var query: String = ""
    /// The results listed: the confident ones, or the weak ones once asked for.
    public var results: [SearchResult] = []
    /// Matches below the confidence line, listed only when there is no answer and the user asks.
    public var weak: [SearchResult] = []
    public var showsWeak = false
    public var reading: RankedSearch.Reading = .fuzzy
    /// Every node the last search matched, and its query: a longer query searches only these.
    var matchedQuery: String = ""
    var matched: [Int32] = []
    /// What that search settled about the groups a longer query keeps.
    var settled: SettledScores?
    public var selection: Int = 0
    public var scroll: Int = 0

    public init() {}
}

/// What the interface must do outside itself after an action.
public enum NavigatorEffect: Equatable, Sendable {
    /// Leave the interface, restore the terminal, print `output` on stdout and exit with `status`.
    case quit(status: Int32, output: [String])
    /// Open a link as the launch plan says (a browser, or show it when there is none).
    case openLink(String)
    /// Copy text to the clipboard; `what` names it for the status line ("Link", "Command").
    case copy(String, what: String)
}

/// The values typed so far for a command's placeholders, one placeholder at a time.
public struct PlaceholderForm: Equatable, Sendable {
    /// What happens to the command once every placeholder has a value.
    public enum Purpose: Equatable, Sendable {
        case print, copy
    }

    public var node: NodeKey
    public var commandIndex: Int
    public var purpose: Purpose
    /// Index of the placeholder being asked for.
    public var step: Int = 0
    public var values: [String: String] = [:]
    public var input: String
    public var error: String?

    public init(node: NodeKey, commandIndex: Int, purpose: Purpose, input: String) {
        self.node = node
        self.commandIndex = commandIndex
        self.purpose = purpose
        self.input = input
    }
}
