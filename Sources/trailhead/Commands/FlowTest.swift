import ArgumentParser
import TrailheadCore

/// `trailhead test`: runs flow tests, scenarios that walk the trees and check where they end.
struct FlowTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run flow tests: scenarios that walk the trees and check where they end and what they show.",
        discussion: """
        A path is a *.test.yaml file or a directory holding some; a directory's trees are loaded too, \
        before the trees Trailhead loads (unless --no-default-trees). See docs/authoring.md for the \
        scenario format. Output and exit status as for validate: 0 all passed, 1 a scenario failed \
        or a file is broken, 2 usage error.
        """)

    @OptionGroup var trees: TreeOptions

    @Option(help: "text, json ({files, scenarios, passed, failed, diagnostics: [{file, line, column, severity, code, message}]}), github or gitlab.")
    var format: DiagnosticReport.Format?

    @Argument(help: ArgumentHelp("Flow-test files, or directories of them and the trees they test.", valueName: "path"))
    var paths: [String]

    func run() throws {
        let fileSystem = LocalFileSystem()
        var files: [(path: String, bytes: [UInt8])] = []
        var directories: [String] = []
        for path in paths {
            guard fileSystem.exists(path) else {
                Output.error("\(TextSanitizer.line(path)): no such file or directory")
                throw ExitCode(2)
            }
            var scenarioPaths = [path]
            if fileSystem.isDirectory(path) {
                directories.append(path)
                let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
                scenarioPaths = (fileSystem.entries(of: path) ?? []).filter(TreeLoader.isFlowTestFileName).sorted().map { "\(directory)/\($0)" }
            }
            for scenarioPath in scenarioPaths {
                guard case .bytes(let bytes) = fileSystem.contents(of: scenarioPath, limit: LoaderLimits.standard.maxFileBytes) else {
                    Output.error("\(TextSanitizer.line(scenarioPath)): cannot be read")
                    throw ExitCode(2)
                }
                files.append((scenarioPath, bytes))
            }
        }
        var options = trees
        options.directories = directories + options.directories
        let run = ScenarioRun(files: files, catalog: try options.loadCatalog())
        DiagnosticReport.print(run.diagnostics, summary: run.summary, json: run.json, as: format ?? .text)
        if run.diagnostics.hasErrors || run.scenarioCount == 0 { throw ExitCode(1) }
    }
}
