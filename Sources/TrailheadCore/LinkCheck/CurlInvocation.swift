/// The `curl` command line that fetches one URL for `check-links`, and how to read what it printed.
public enum CurlInvocation {
    /// curl's exit status when `--max-time` ran out.
    static let timeoutStatus: Int32 = 28

    /// Arguments after `curl`: no user configuration (`-q` must come first), no redirects followed
    /// (so they can be reported), no globbing of `[]{}` in the URL, http and https only, the body
    /// thrown away, and the status and redirect target written on stdout. The URL is one argument
    /// after `--`, so it can never be read as an option.
    public static func arguments(for url: String, method: LinkProbeMethod, timeout: Double, userAgent: String) -> [String] {
        var arguments = [
            "-q", "--silent", "--show-error", "--globoff",
            "--proto", "=http,https",
            "--max-time", String(timeout),
            "--user-agent", userAgent,
            "--output", "/dev/null",
            "--write-out", "%{http_code} %{redirect_url}",
        ]
        if method == .head { arguments.append("--head") }
        return arguments + ["--", url]
    }

    /// Reads curl's exit status, stdout (the `--write-out` line) and stderr into a fetch result.
    public static func fetch(status: Int32, standardOutput: String, standardError: String) -> LinkFetch {
        if status == timeoutStatus { return .timedOut }
        let written = standardOutput.trimmingSpaces
        let code = written.prefix { $0 != " " }
        if status == 0, let http = Int(code), http > 0 {
            let location = written.dropFirst(code.count).trimmingSpaces
            return .response(status: http, location: location.isEmpty ? nil : location)
        }
        return .failed(reason(standardError) ?? "curl exited with status \(status)")
    }

    /// curl's message without its `curl: (7) ` prefix.
    static func reason(_ standardError: String) -> String? {
        guard var line = standardError.split(separator: "\n").map(\.trimmingSpaces).last(where: { !$0.isEmpty }) else {
            return nil
        }
        if line.hasPrefix("curl: ") { line.removeFirst(6) }
        if line.hasPrefix("("), let close = line.firstIndex(of: ")") {
            line = line[line.index(after: close)...].trimmingSpaces
        }
        return line
    }
}
