/// A key press or mouse event, independent of the terminal library that read it.
public enum KeyEvent: Equatable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, given as the lower-case letter (`ctrl("c")` is Ctrl-C).
    case control(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case mouse(MouseEvent)
    /// Text the terminal marked as pasted (bracketed paste), line breaks as `\n`.
    case paste(String)
    case resize
}

/// A mouse click or wheel step at a screen position (0-based column and row).
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case click, wheelUp, wheelDown
    }

    public var kind: Kind
    public var column: Int
    public var row: Int

    public init(kind: Kind, column: Int, row: Int) {
        self.kind = kind
        self.column = column
        self.row = row
    }
}
