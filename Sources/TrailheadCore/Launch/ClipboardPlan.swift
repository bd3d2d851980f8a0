/// How to copy text here: escape sequences to the terminal, a clipboard program, or both.
public struct ClipboardPlan: Sendable, Equatable {
    /// Bytes to write to the terminal (OSC 52, wrapped for tmux or screen), if any.
    public var terminalSequence: String?
    /// A program that reads the text on stdin, if one is available with a local display.
    public var program: (name: String, arguments: [String])?

    public static func == (lhs: ClipboardPlan, rhs: ClipboardPlan) -> Bool {
        lhs.terminalSequence == rhs.terminalSequence
            && lhs.program?.name == rhs.program?.name && lhs.program?.arguments == rhs.program?.arguments
    }

    public init(terminalSequence: String?, program: (name: String, arguments: [String])?) {
        self.terminalSequence = terminalSequence
        self.program = program
    }

    /// OSC 52 is always sent (it is how copying works over SSH and in most terminals); with a
    /// local display, a clipboard program is used as well, since some terminals ignore OSC 52.
    public static func plan(for text: String, in environment: LaunchEnvironment) -> ClipboardPlan {
        let sequence = TerminalSequences.clipboard(text, insideTmux: environment.isInsideTmux, insideScreen: environment.isInsideScreen)
        var program: (String, [String])?
        if environment.hasDisplay && !environment.isSSH {
            let candidates: [(String, [String], Bool)] = [
                ("pbcopy", [], environment.platform == .macOS),
                ("wl-copy", [], environment.has("WAYLAND_DISPLAY")),
                ("xclip", ["-selection", "clipboard"], environment.has("DISPLAY")),
                ("xsel", ["--clipboard", "--input"], environment.has("DISPLAY")),
            ]
            if let found = candidates.first(where: { $0.2 && environment.availablePrograms.contains($0.0) }) {
                program = (found.0, found.1)
            }
        }
        return ClipboardPlan(terminalSequence: sequence, program: program)
    }
}
