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
        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
        """)

    @OptionGroup var trees: TreeOptions

    @Option(help: "text, json ({files, errors, warnings, diagnostics: [{file, line, column, severity, code, message}]}), github or gitlab.")
    var format: DiagnosticReport.Format?

    @Flag(help: "Same as --format json.")
    var json = false

    @Option(help: ArgumentHelp("Warn about nodes last reviewed more than this many days ago, or never ('reviewed:' on the node or its tree).", valueName: "days"))
    var maxAge: Int?

    @Argument(help: ArgumentHelp("Tree files or directories to check.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if let maxAge, maxAge < 0 { throw ValidationError("--max-age must be 0 or more days") }
        if json, let format, format != .json {
            throw ValidationError("--json and --format \(format.rawValue) ask for different output; give one")
        }
    }

    func run() throws {
        let loader = TreeLoader()
        for path in paths where !loader.fileSystem.exists(path) {
            Output.error("\(TextSanitizer.line(path)): no such file or directory")
            throw ExitCode(2)
        }
        let context = Library.load(trees.sources, loader: loader)
        let review = ReviewCheck(today: ReviewDate(secondsSince1970: Int(time(nil))), maxAge: maxAge)
        let run: ValidationRun
        if paths.isEmpty {
            run = ValidationRun(checked: context.files, context: [], contextDiagnostics: context.crossFileDiagnostics, review: review)
        } else {
            let checked = paths.flatMap { loader.load(path: $0) }
            let checkedCanonical = Set(checked.map { loader.fileSystem.canonicalPath($0.path) })
            let others = context.files.filter { !checkedCanonical.contains(loader.fileSystem.canonicalPath($0.path)) }
            run = ValidationRun(checked: checked, context: others, contextDiagnostics: context.crossFileDiagnostics, review: review)
        }
        DiagnosticReport.print(run.diagnostics, summary: run.summary, json: run.json, as: json ? .json : format ?? .text)
        if run.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
