import Testing
import TrailheadCore

/// The terminal type drawn with when terminfo does not know `TERM`.
struct TerminalStandInTests {
    @Test(arguments: [
        ("xterm-kitty", "xterm-256color"), ("alacritty", "xterm-256color"), ("xterm-ghostty", "xterm-256color"),
        ("foot", "xterm-256color"), ("wezterm", "xterm-256color"), ("rxvt-unicode-256color", "xterm-256color"),
        ("xterm-direct", "xterm-256color"), ("xterm-new", "xterm"), ("xterm", "xterm"),
        ("tmux-direct", "tmux-256color"), ("tmux-256color", "tmux-256color"), ("tmux", "tmux"),
        ("screen.xterm-256color", "screen-256color"), ("screen-bce", "screen"), ("linux-16color", "linux"),
        ("vt220", "vt100"), ("VT100", "vt100"), ("st-256color", "xterm-256color"),
    ])
    func aKnownFamilyDrawsWithItsCommonType(term: String, standIn: String) {
        #expect(TerminalStandIn.type(for: term) == standIn)
    }

    @Test(arguments: ["", "dumb", "hp2621", "adm3a", "emacs"])
    func aTerminalOfNoKnownFamilyGetsNone(term: String) {
        #expect(TerminalStandIn.type(for: term) == nil)
    }
}
