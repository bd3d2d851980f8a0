import ArgumentParser
import TrailheadCore

/// `trailhead validate`: checks tree files and reports every problem as `file:line:col: severity: message`.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check tree files: syntax, keys, references, reachability, URLs and text.",
        discussion: """
        With no paths, checks every tree Trailhead would load. References to other trees are resolved \
        against the checked files and the trees Trailhead loads (unless --no-default-trees).
        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
        """)

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Print JSON: {files, errors, warnings, diagnostics: [{file, line, column, severity, code, message}]}.")
    var json = false

    @Argument(help: ArgumentHelp("Tree files or directories to check.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let loader = TreeLoader()
        for path in paths where !loader.fileSystem.exists(path) {
            Output.error("\(TextSanitizer.line(path)): no such file or directory")
            throw ExitCode(2)
        }
        let context = Library.load(trees.sources, loader: loader)
        let run: ValidationRun
        if paths.isEmpty {
            run = ValidationRun(checked: context.files, context: [], contextDiagnostics: context.crossFileDiagnostics)
        } else {
            let checked = paths.flatMap { loader.load(path: $0) }
            let checkedCanonical = Set(checked.map { loader.fileSystem.canonicalPath($0.path) })
            let others = context.files.filter { !checkedCanonical.contains(loader.fileSystem.canonicalPath($0.path)) }
            run = ValidationRun(checked: checked, context: others, contextDiagnostics: context.crossFileDiagnostics)
        }
        if json {
            Output.json(run.json)
        } else {
            for diagnostic in run.diagnostics {
                Output.line(diagnostic.description)
            }
            Output.line(run.summary)
        }
        if run.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
