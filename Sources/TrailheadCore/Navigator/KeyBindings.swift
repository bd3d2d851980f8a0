/// The keys of the full-screen interface, per mode. The help overlay is generated from `help`.
public enum KeyBindings {
    public static func action(for key: KeyEvent, in state: NavigatorState) -> Action? {
        if key == .control("c") { return .interrupt }
        if case .mouse(let mouse) = key {
            switch mouse.kind {
            case .wheelUp: return .scroll(-3)
            case .wheelDown: return .scroll(3)
            case .click: return .click(column: mouse.column, row: mouse.row)
            }
        }
        if let overlay = state.overlay {
            switch (key, overlay) {
            case (.up, .help), (.character("k"), .help): return .scroll(-1)
            case (.down, .help), (.character("j"), .help): return .scroll(1)
            case (.pageUp, .help): return .scroll(-10)
            case (.pageDown, .help), (.character(" "), .help): return .scroll(10)
            case (.enter, .feedback): return .choose
            case (.character("c"), .feedback), (.character("c"), .link): return .copy
            default: return .closeOverlay
            }
        }
        if state.form != nil { return formAction(for: key) }
        if state.search != nil { return searchAction(for: key) }
        switch key {
        case .paste(let text): return .search(text)
        case .up, .character("k"), .control("p"): return .move(-1)
        case .down, .character("j"), .control("n"), .tab: return .move(1)
        case .backTab: return .move(-1)
        case .pageUp, .control("b"): return .pageUp
        case .pageDown, .control("f"), .character(" "): return .pageDown
        case .end, .character("G"): return .moveToLast
        case .enter, .right, .character("l"): return .choose
        case .escape, .left, .character("h"), .backspace: return .back
        case .home, .character("g"): return .home
        case .character("/"): return .openSearch
        case .character("?"): return .toggleHelp
        case .character("!"): return .showFeedback
        case .character("r"): return .resume
        case .character("v"): return .toggleHidden
        case .character("c"), .character("y"): return .copy
        case .character("q"): return .quit
        case .character(let character):
            if let digit = character.wholeNumberValue, (1...9).contains(digit), character.isASCII {
                return .chooseNumber(digit)
            }
            return nil
        default: return nil
        }
    }

    private static func formAction(for key: KeyEvent) -> Action? {
        switch key {
        case .escape: return .closeOverlay
        case .enter: return .choose
        case .backspace, .control("h"): return .deleteBackward
        case .control("w"): return .deleteWord
        case .control("u"): return .clearInput
        case .character(let character): return .type(String(character))
        case .paste(let text): return .type(String(text.prefix { $0 != "\n" }))
        default: return nil
        }
    }

    private static func searchAction(for key: KeyEvent) -> Action? {
        switch key {
        case .escape: return .closeOverlay
        case .enter: return .choose
        case .up, .control("p"), .control("k"), .backTab: return .move(-1)
        case .down, .control("n"), .control("j"), .tab: return .move(1)
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .backspace, .control("h"): return .deleteBackward
        case .control("w"): return .deleteWord
        case .control("u"): return .clearInput
        case .character(let character): return .type(String(character))
        case .paste(let text): return .type(text)
        default: return nil
        }
    }

    /// Every binding, for the help overlay: (keys, what they do), grouped by heading.
    public static let help: [(heading: String, entries: [(keys: String, does: String)])] = [
        ("Walking", [
            ("↑ ↓  j k", "move between choices"),
            ("Enter → l", "choose; open a link; print a command and quit"),
            ("c  y", "copy the selected link or command"),
            ("1 … 9", "choose that answer directly"),
            ("Esc ← h ⌫", "back one step"),
            ("g  Home", "back to the start"),
            ("r", "resume where the last session left off"),
            ("v", "also show commands for other machines"),
            ("PgUp PgDn", "scroll a page (also the mouse wheel)"),
            ("G  End", "the last choice or link"),
            ("click", "choose what you click"),
        ]),
        ("Search", [
            ("/", "search every tree"),
            ("type", "a question, a few words, or letters in order"),
            ("↑ ↓  Ctrl-P Ctrl-N", "move in the results"),
            ("Enter", "go there; no answer: tell us what you sought"),
            ("Ctrl-W  Ctrl-U", "delete a word / the whole query"),
            ("Esc", "close the search"),
        ]),
        ("Search syntax", SearchQuery.syntaxHelp.map { (keys: $0.example, does: $0.meaning) }),
        ("Commands with {fields}", [
            ("type", "fill in each field; the default is already there"),
            ("Enter", "accept (checked against the allowed pattern)"),
            ("Esc", "cancel"),
        ]),
        ("Other", [
            ("!", "this didn't help me: how to report it"),
            ("?", "this help"),
            ("q", "quit    Ctrl-C  quit at once"),
        ]),
    ]
}
