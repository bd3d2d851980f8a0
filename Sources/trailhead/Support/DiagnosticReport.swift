import TrailheadCore
import ArgumentParser

/// Prints diagnostics the way `validate` and `test` both do, in the format asked for.
enum DiagnosticReport {
    /// How the diagnostics are printed.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json, github, gitlab
    }

    /// `json` is the whole run as `--format json` prints it; `summary` ends the text and github forms.
    static func print(_ diagnostics: [Diagnostic], summary: String, json: JSONValue, as format: Format) {
        switch format {
        case .text:
            diagnostics.forEach { Output.line($0.description) }
            Output.line(summary)
        case .json:
            Output.document(json)
        case .github:
            GitHubAnnotations.lines(for: diagnostics).forEach(Output.line)
            Output.line(summary)
        case .gitlab:
            Output.json(GitLabCodeQuality.report(for: diagnostics))
        }
    }
}
