import ArgumentParser
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// `trailhead validate`: checks tree files and reports every problem as `file:line:col: severity: message`.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check tree files: syntax, keys, references, reachability, URLs and text.",
        discussion: """
        With no paths, checks every tree Trailhead would load. References to other trees are resolved \
        against the checked files and the trees Trailhead loads (unless --no-default-trees).
        --format github prints GitHub Actions annotations; --format gitlab prints a GitLab Code \
        Quality report (see docs/authoring.md for CI examples).
        --style adds warnings where the house style is not followed: a question that does not end \
        with '?', a question with one answer, a label over 80 characters, an acronym neither \
        written out nor glossed in its tree or a tree it leads into (docs/authoring.md). --watch \
        checks again each time a checked file (or a tree file in a checked directory) is saved, \
        until Ctrl-C.
        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
        """)

    @OptionGroup var trees: TreeOptions

    @Option(help: "text, json ({files, errors, warnings, diagnostics: [{file, line, column, severity, code, message}]}), github or gitlab.")
    var format: DiagnosticReport.Format?

    @Flag(help: "Same as --format json.")
    var json = false

    @Option(help: ArgumentHelp("Warn about nodes last reviewed more than this many days ago, or never ('reviewed:' on the node or its tree).", valueName: "days"))
    var maxAge: Int?

    @Flag(help: "Also warn where the house style is not followed (questions end with '?', more than one answer, labels up to 80 characters, acronyms written out).")
    var style = false

    @Flag(help: "Check again each time a checked file is saved, until Ctrl-C (text output only).")
    var watch = false

    @Argument(help: ArgumentHelp("Tree files or directories to check.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if let maxAge, maxAge < 0 { throw ValidationError("--max-age must be 0 or more days") }
        if json, let format, format != .json {
            throw ValidationError("--json and --format \(format.rawValue) ask for different output; give one")
        }
        if watch && (json || (format ?? .text) != .text) {
            throw ValidationError("--watch prints text for a person reading along; leave out --json and --format")
        }
    }

    func run() throws {
        let loader = TreeLoader()
        for path in paths where !loader.fileSystem.exists(path) {
            Output.error("\(TextSanitizer.line(path)): no such file or directory")
            throw ExitCode(2)
        }
        let run = check(loader: loader)
        DiagnosticReport.print(run.diagnostics, summary: run.summary, json: run.json, as: json ? .json : format ?? .text)
        if watch { keepWatching(loader: loader) }
        if run.diagnostics.hasErrors { throw ExitCode(1) }
    }

    private func check(loader: TreeLoader) -> ValidationRun {
        let context = Library.load(trees.sources, loader: loader)
        let review = ReviewCheck(today: ReviewDate(secondsSince1970: Int(time(nil))), maxAge: maxAge)
        if paths.isEmpty {
            return ValidationRun(checked: context.files, context: [], contextDiagnostics: context.crossFileDiagnostics, review: review, style: style)
        }
        let checked = paths.flatMap { loader.load(path: $0) }
        let checkedCanonical = Set(checked.map { loader.fileSystem.canonicalPath($0.path) })
        let others = context.files.filter { !checkedCanonical.contains(loader.fileSystem.canonicalPath($0.path)) }
        return ValidationRun(checked: checked, context: others, contextDiagnostics: context.crossFileDiagnostics, review: review, style: style)
    }

    /// Checks again whenever a watched file changes, once it has stayed unchanged for a moment
    /// (an editor may write a file in several steps). Ends only with the process (Ctrl-C).
    private func keepWatching(loader: TreeLoader) -> Never {
        // Only a signal ends the watch: one a parent left blocked (a thread pool's mask, passed on
        // to a child) would leave it running forever.
        var endings = sigset_t()
        sigemptyset(&endings)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&endings, signal) }
        sigprocmask(SIG_UNBLOCK, &endings, nil)
        var files = FileWatch(paths: paths.isEmpty ? trees.sources.sources.map(\.path) : paths)
        Output.line("Watching \(files.files.count == 1 ? "1 file" : "\(files.files.count) files") for changes; Ctrl-C stops.")
        fflush(nil)
        while true {
            usleep(Self.pollInterval)
            var changed = files.changes()
            guard !changed.isEmpty else { continue }
            while true {
                usleep(Self.settleInterval)
                let more = files.changes()
                if more.isEmpty { break }
                changed += more
            }
            let names = Array(Set(changed)).sorted().map { TextSanitizer.line($0) }
            Output.line("")
            Output.line("\(LocalTime.clock) changed: \(names.joined(separator: ", "))")
            let run = check(loader: loader)
            DiagnosticReport.print(run.diagnostics, summary: run.summary, json: run.json, as: .text)
            fflush(nil)
        }
    }

    private static let pollInterval: useconds_t = 300_000
    private static let settleInterval: useconds_t = 150_000
}
