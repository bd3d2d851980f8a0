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
        let checkedSources = paths.map { TreeSources.Source(path: $0, layer: "--trees") }
        let contextSources = trees.sources.sources
        let allSources = TreeSources(sources: checkedSources + contextSources)
        let loaded = Library.load(allSources, loader: loader)
        let checkedFiles: [LoadedFile]
        if paths.isEmpty {
            checkedFiles = loaded.files
        } else {
            let wanted = Set(paths.flatMap { loader.load(path: $0) }.map { loader.fileSystem.canonicalPath($0.path) })
            checkedFiles = loaded.files.filter { wanted.contains(loader.fileSystem.canonicalPath($0.path)) }
        }
        let checkedPaths = Set(checkedFiles.map(\.path))
        let graph = Library.assemble(files: loaded.files, includeBroken: true)
        var diagnostics = checkedFiles.flatMap(\.diagnostics)
        diagnostics += loaded.crossFileDiagnostics.filter { checkedPaths.contains($0.location.file) || $0.code == "missing-source" }
        diagnostics += TreeValidator(catalog: graph.catalog).diagnostics(forFiles: checkedPaths)
        diagnostics = diagnostics.sortedByLocation
        if json {
            Output.json(.object([
                ("files", .int(checkedFiles.count)),
                ("errors", .int(diagnostics.errorCount)),
                ("warnings", .int(diagnostics.warningCount)),
                ("diagnostics", .array(diagnostics.map(NodeJSON.diagnostic))),
            ]))
        } else {
            for diagnostic in diagnostics {
                Output.line(diagnostic.description)
            }
            let files = checkedFiles.count == 1 ? "1 file" : "\(checkedFiles.count) files"
            Output.line("\(files) checked: \(plural(diagnostics.errorCount, "error")), \(plural(diagnostics.warningCount, "warning"))")
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
