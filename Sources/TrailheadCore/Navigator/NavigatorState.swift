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

        public var isFeedback: Bool {
            if case .feedback = self { return true }
            return false
        }
    }

    public var place: Place
    /// The selected item (choice, tree, link, command or see-also entry) of the page.
    public var selection: Int = 0
    /// The first body line shown.
    public var scroll: Int = 0
    public var overlay: Overlay?
    public var search: SearchPane?
    /// A one-line message for the status row, cleared by the next action.
    public var status: String?
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

/// The search pane's query, results and selection.
public struct SearchPane: Equatable, Sendable {
    public var query: String = ""
    public var results: [SearchResult] = []
    public var selection: Int = 0
    public var scroll: Int = 0

    public init() {}
}

/// What the interface must do outside itself after an action.
public enum NavigatorEffect: Equatable, Sendable {
    /// Leave the interface, restore the terminal, print `output` on stdout and exit with `status`.
    case quit(status: Int32, output: [String])
}
