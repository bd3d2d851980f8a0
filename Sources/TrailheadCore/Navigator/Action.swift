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
