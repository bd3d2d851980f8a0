/// The facts about where Trailhead runs that decide how a link is opened or copied.
public struct LaunchEnvironment: Sendable, Equatable {
    public enum Platform: Sendable, Equatable {
        case linux, macOS
    }

    public var platform: Platform
    public var variables: [String: String]
    /// Programs found on PATH, by name (only the ones the plans ask about).
    public var availablePrograms: Set<String>

    public init(platform: Platform, variables: [String: String], availablePrograms: Set<String>) {
        self.platform = platform
        self.variables = variables
        self.availablePrograms = availablePrograms
    }

    func has(_ name: String) -> Bool {
        !(variables[name] ?? "").isEmpty
    }

    /// Logged in over SSH: a browser would open on the remote machine, if at all.
    public var isSSH: Bool { has("SSH_CONNECTION") || has("SSH_TTY") || has("SSH_CLIENT") }

    /// A graphical session Trailhead can open windows in.
    public var hasDisplay: Bool {
        platform == .macOS ? !isSSH : has("DISPLAY") || has("WAYLAND_DISPLAY")
    }

    public var isInsideTmux: Bool { has("TMUX") }
    public var isInsideScreen: Bool { has("STY") || (variables["TERM"] ?? "").hasPrefix("screen") && !isInsideTmux }

    /// The programs the plans may use, to look up on PATH: the openers and copiers, and the
    /// program of each `$BROWSER` entry.
    public static func interestingPrograms(variables: [String: String]) -> [String] {
        ["xdg-open", "open", "wl-copy", "xclip", "xsel", "pbcopy"] + BrowserVariable.commands(variables["BROWSER"] ?? "").map(\.program)
    }
}
