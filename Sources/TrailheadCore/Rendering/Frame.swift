/// A styled run of text on one row.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// How a span looks; the terminal adapter maps each to colours or, with `NO_COLOR`, attributes.
public enum Style: Equatable, Sendable, CaseIterable {
    case plain, bold, dim, title, selected, selectedDim, match, selectedMatch, bar, barDim
    case link, command, warning, frame
}

/// A region of the screen that the terminal should make clickable (OSC 8).
public struct Hyperlink: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var text: String
    public var url: String
}

/// One screen: rows of spans, each row exactly as wide as the screen, and where the cursor goes.
public struct Frame: Equatable, Sendable {
    public var size: ScreenSize
    public var rows: [[Span]]
    /// Where the terminal cursor is shown (the search input), or nil to hide it.
    public var cursor: (column: Int, row: Int)?
    /// Text already drawn in `rows` that is also a link, for terminals that support OSC 8.
    public var hyperlinks: [Hyperlink] = []

    public init(size: ScreenSize, rows: [[Span]], cursor: (column: Int, row: Int)? = nil) {
        self.size = size
        self.rows = rows
        self.cursor = cursor
    }

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.size == rhs.size && lhs.rows == rhs.rows && lhs.cursor?.column == rhs.cursor?.column
            && lhs.cursor?.row == rhs.cursor?.row && lhs.hyperlinks == rhs.hyperlinks
    }

    /// The frame as plain text, trailing spaces removed: what a screenshot would read.
    public var text: String {
        rows.map { row in
            var line = row.map(\.text).joined()
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
