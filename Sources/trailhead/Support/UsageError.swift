/// How a usage error reads: `trailhead: error:` and the reason on one line, then the usage of
/// the subcommand it concerns and where its help is, on stderr (exit status 2).
enum UsageError {
    /// From the argument parser's full message (`Error: …`, `Help: …`, `Usage: …`, `See …`).
    static func text(for fullMessage: String) -> String {
        var lines = fullMessage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return "trailhead: error: invalid arguments\n" }
        lines[0] = "trailhead: error: " + strippingErrorPrefix(lines[0])
        return lines.joined(separator: "\n") + "\n"
    }

    /// From a reason found while running, with the subcommand's usage lines.
    static func text(message: String, usage: [String], help: String) -> String {
        var lines = ["trailhead: error: " + strippingErrorPrefix(message)]
        if let first = usage.first {
            lines.append(first.hasPrefix("Usage:") ? first : "Usage: " + first)
            lines += usage.dropFirst()
        }
        lines.append("  See '\(help) --help' for more information.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The reason alone: the first line, without `Error: `.
    static func reason(in message: String) -> String {
        strippingErrorPrefix(String(message.split(separator: "\n", maxSplits: 1).first ?? ""))
    }

    private static func strippingErrorPrefix(_ line: String) -> String {
        line.hasPrefix("Error: ") ? String(line.dropFirst("Error: ".count)) : line
    }
}
