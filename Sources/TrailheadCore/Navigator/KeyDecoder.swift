/// Turns what ncurses' `wget_wch` returns into `KeyEvent`s.
///
/// The key codes are ncurses' fixed ABI values (`KEY_DOWN` is 0402 and so on), so decoding
/// is a pure function that tests can drive without a terminal.
public enum KeyDecoder {
    public enum Code {
        public static let down: UInt32 = 0o402
        public static let up: UInt32 = 0o403
        public static let left: UInt32 = 0o404
        public static let right: UInt32 = 0o405
        public static let home: UInt32 = 0o406
        public static let backspace: UInt32 = 0o407
        public static let delete: UInt32 = 0o512
        public static let pageDown: UInt32 = 0o522
        public static let pageUp: UInt32 = 0o523
        public static let enter: UInt32 = 0o527
        public static let backTab: UInt32 = 0o541
        public static let end: UInt32 = 0o550
        public static let mouse: UInt32 = 0o631
        public static let resize: UInt32 = 0o632
        /// Bound with `define_key` to the terminal's bracketed-paste markers (`ESC [200~`, `ESC [201~`).
        public static let pasteStart: UInt32 = 0o1101
        public static let pasteEnd: UInt32 = 0o1102
    }

    /// Decodes one `wget_wch` result: `isKeyCode` is true when it returned `KEY_CODE_YES`.
    /// Mouse events are decoded separately (`decodeMouse`), since their details come from `getmouse`.
    public static func decode(isKeyCode: Bool, value: UInt32) -> KeyEvent? {
        if isKeyCode {
            switch value {
            case Code.down: return .down
            case Code.up: return .up
            case Code.left: return .left
            case Code.right: return .right
            case Code.home: return .home
            case Code.end: return .end
            case Code.backspace: return .backspace
            case Code.delete: return .delete
            case Code.pageDown: return .pageDown
            case Code.pageUp: return .pageUp
            case Code.enter: return .enter
            case Code.backTab: return .backTab
            case Code.resize: return .resize
            default: return nil
            }
        }
        switch value {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0x00, 0x1C...0x1F: return nil
        default:
            guard let scalar = Unicode.Scalar(value), TextSanitizer.hazard(of: scalar) == nil else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The ncurses mouse button bits this decoder understands, for one ncurses build.
    public struct MouseMasks: Sendable {
        public var click: UInt
        public var wheelUp: UInt
        public var wheelDown: UInt

        public init(click: UInt, wheelUp: UInt, wheelDown: UInt) {
            self.click = click
            self.wheelUp = wheelUp
            self.wheelDown = wheelDown
        }
    }

    public static func decodeMouse(state: UInt, column: Int, row: Int, masks: MouseMasks) -> KeyEvent? {
        let kind: MouseEvent.Kind
        if state & masks.wheelUp != 0 {
            kind = .wheelUp
        } else if state & masks.wheelDown != 0 {
            kind = .wheelDown
        } else if state & masks.click != 0 {
            kind = .click
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind: kind, column: column, row: row))
    }
}
