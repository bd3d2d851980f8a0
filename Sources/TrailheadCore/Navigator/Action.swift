/// What the user asked for, after key bindings were applied.
public enum Action: Equatable, Sendable {
    case move(Int)
    case moveToLast
    case pageUp, pageDown
    case scroll(Int)
    case choose
    case chooseNumber(Int)
    case back
    case home
    case openSearch
    /// Opens the search pane with this text in it: what a paste does outside the pane.
    case search(String)
    case type(String)
    case deleteBackward
    case deleteWord
    case clearInput
    case closeOverlay
    case toggleHelp
    case showFeedback
    case resume
    case copy
    case click(column: Int, row: Int)
    case resize(ScreenSize)
    case quit
    case interrupt
    /// Activate the page's item with this index, as Enter on it does (a plain-mode answer).
    case activate(Int)
    /// Go to a node with the path that leads there, as choosing a search result does.
    case jump(NodeKey)
    /// Show or hide the commands whose condition does not hold on this machine.
    case toggleHidden

    // What happened outside the keyboard comes in the same way, so every change of state is an
    // action the tests can replay. These leave the status row alone.

    /// A probe's answer arrived: the page shows it (and any choice it suggests) from now on.
    case probeAnswered(key: String, ProbeResult)
    /// An index built elsewhere (in the background at start, or mapped from the catalog's
    /// snapshot), so the first search does not pay for it.
    case searchIndexReady(SearchIndexDelivery)
    /// The word index, built in the background at start so the first question typed does not wait.
    case wordIndexReady(WordIndexDelivery)
    /// A message for the status row, until the next key.
    case status(String?)
    /// An offer, on the status row, to go back to where an earlier session left off.
    case offerResume(ResumeOffer?)
    /// A link could not be opened here: show it to click or copy, print it on exit.
    case linkNotOpened(url: String, reason: String)
}

/// A search index handed to the navigator; equal only to itself.
public final class SearchIndexDelivery: Equatable, Sendable {
    public let engine: any SearchEngine

    public init(_ engine: any SearchEngine) {
        self.engine = engine
    }

    public static func == (lhs: SearchIndexDelivery, rhs: SearchIndexDelivery) -> Bool {
        lhs === rhs
    }
}

/// A terminal's size in columns and rows.
public struct ScreenSize: Equatable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest terminal the full-screen interface draws in.
    public static let minimum = ScreenSize(columns: 40, rows: 10)

    public var isUsable: Bool { columns >= Self.minimum.columns && rows >= Self.minimum.rows }
}

/// A word index handed to the navigator; equal only to itself.
public final class WordIndexDelivery: Equatable, Sendable {
    public let index: WordIndex

    public init(_ index: WordIndex) {
        self.index = index
    }

    public static func == (lhs: WordIndexDelivery, rhs: WordIndexDelivery) -> Bool {
        lhs === rhs
    }
}
