/// How to open a link here, decided from the environment alone so it can be tested as a table.
public enum LinkPlan: Sendable, Equatable {
    /// Start this program with exactly these arguments (never through a shell).
    case launch(program: String, arguments: [String], displayName: String)
    /// No browser can be opened here: show the link (as an OSC 8 hyperlink), print it on exit,
    /// and offer to copy it.
    case show(reason: String)
    /// The link is not one Trailhead opens.
    case refuse(reason: String)

    public static func plan(for url: String, in environment: LaunchEnvironment) -> LinkPlan {
        if let problem = URLRules.problem(with: url) {
            return .refuse(reason: problem)
        }
        // Over SSH a browser would open on the remote machine (or through slow X forwarding).
        if environment.isSSH {
            return .show(reason: "No browser here (SSH session)")
        }
        guard environment.hasDisplay else {
            return .show(reason: "No browser here (no display)")
        }
        let launched = URLRules.launchForm(of: url)
        // The first entry of `$BROWSER` that is installed and would not run the URL as code.
        if let command = BrowserVariable.commands(environment.variables["BROWSER"] ?? "").first(where: {
            !$0.runsURLAsCode && environment.availablePrograms.contains($0.program)
        }) {
            return .launch(program: command.program, arguments: command.arguments(for: launched), displayName: command.displayName)
        }
        switch environment.platform {
        case .macOS:
            return .launch(program: "open", arguments: [launched], displayName: "your browser")
        case .linux:
            guard environment.availablePrograms.contains("xdg-open") else {
                return .show(reason: "No browser opener here (xdg-open is not installed)")
            }
            return .launch(program: "xdg-open", arguments: [launched], displayName: "your browser")
        }
    }
}

/// Reads `$BROWSER`: a colon-separated list of commands, each optionally with `%s` for the URL.
enum BrowserVariable {
    struct Command: Equatable {
        var program: String
        var fixedArguments: [String]
        var urlSlot: Int?

        var displayName: String {
            program.split(separator: "/").last.map(String.init) ?? program
        }

        /// A shell, `env`, or an interpreter given the URL as its code (`sh -c %s`, `python3 -c %s`):
        /// the URL would be run, not opened.
        var runsURLAsCode: Bool {
            if Self.runners.contains(displayName) { return true }
            guard let urlSlot, urlSlot > 0 else { return false }
            return ["-c", "-e", "--command", "--eval", "-Command", "/c"].contains(fixedArguments[urlSlot - 1])
        }

        private static let runners: Set = ["sh", "bash", "dash", "zsh", "ksh", "mksh", "yash", "fish", "csh", "tcsh", "busybox", "env", "sudo", "eval"]

        /// The URL always becomes exactly one argument, and never one that looks like an option.
        func arguments(for url: String) -> [String] {
            if let urlSlot {
                var arguments = fixedArguments
                arguments[urlSlot] = url
                return arguments
            }
            return fixedArguments + [url]
        }
    }

    /// Every entry, in order; words are split on spaces (no shell quoting is interpreted).
    static func commands(_ value: String) -> [Command] {
        value.split(separator: ":").compactMap { entry in
            let words = entry.split(separator: " ").map(String.init)
            guard let program = words.first, !program.isEmpty else { return nil }
            let rest = Array(words.dropFirst())
            return Command(program: program, fixedArguments: rest, urlSlot: rest.firstIndex(of: "%s"))
        }
    }
}
