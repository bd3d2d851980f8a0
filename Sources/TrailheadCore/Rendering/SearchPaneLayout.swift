/// Where the search pane puts things on the screen, shared by its renderer (to draw) and the
/// navigator (to scroll and to map a click to a result), as `PageLayout` is for pages.
public struct SearchPaneLayout: Sendable, Equatable {
    /// Each result takes two rows: its heading and match, then the path to it.
    public static let rowsPerResult = 2
    /// The screen row of the first result: the breadcrumb bar is row 0, the query row 1.
    public static let firstResultRow = 2

    /// Rows the results list gets; the rest of the body shows a preview of the selected result.
    public let listHeight: Int

    /// The pane in a body of `bodyHeight` rows (between the bar and the status row).
    public init(bodyHeight: Int) {
        let available = bodyHeight - 1
        listHeight = available >= 12 ? available * 3 / 5 : available
    }

    /// How many results fit in the list at once.
    public var visibleResults: Int { max(1, listHeight / Self.rowsPerResult) }

    /// Whether result `offset` of the window (from 0) is drawn whole.
    public func fits(_ offset: Int) -> Bool {
        (offset + 1) * Self.rowsPerResult <= listHeight
    }

    /// The result drawn at a screen row, with the list scrolled to `scroll`; nil off the list.
    public func result(atScreenRow row: Int, scroll: Int) -> Int? {
        let listRow = row - Self.firstResultRow
        guard listRow >= 0, listRow < listHeight, fits(listRow / Self.rowsPerResult) else { return nil }
        return scroll + listRow / Self.rowsPerResult
    }
}
