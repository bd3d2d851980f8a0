/// The terminal type to draw with when the machine's terminfo database does not know `TERM`:
/// a newer emulator's name on an older login node (`xterm-kitty`, `alacritty`), or a static
/// binary on a host with no terminfo at all. Nearly every terminal met today speaks xterm's
/// dialect, so its family's common type draws correctly; a name with no family gets none.
public enum TerminalStandIn {
    public static func type(for term: String) -> String? {
        let name = term.lowercased()
        if name.isEmpty || name == "dumb" { return nil }
        let manyColours = name.contains("256") || name.hasSuffix("-direct") || name.contains("truecolor")
        if name.hasPrefix("screen") { return manyColours ? "screen-256color" : "screen" }
        if name.hasPrefix("tmux") { return manyColours ? "tmux-256color" : "tmux" }
        if name.hasPrefix("linux") { return "linux" }
        if name.hasPrefix("vt1") || name.hasPrefix("vt2") { return "vt100" }
        if manyColours { return "xterm-256color" }
        // Emulators that name themselves (`alacritty`, `xterm-kitty`) all draw 256 colours.
        let emulators = ["alacritty", "kitty", "ghostty", "wezterm", "foot", "rxvt", "konsole", "gnome",
                         "vte", "putty", "st-", "iterm", "contour", "mintty"]
        let bare = name.hasPrefix("xterm-") ? String(name.dropFirst(6)) : name
        if bare == "st" || emulators.contains(where: { bare.hasPrefix($0) }) { return "xterm-256color" }
        if name.hasPrefix("xterm") { return "xterm" }
        return nil
    }
}
