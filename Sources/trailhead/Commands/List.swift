import ArgumentParser
import TrailheadCore

/// `trailhead list`: the loaded trees and their start questions.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the trees and their start questions.")

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Print JSON: {\"trees\": [{id, title, description, file, nodes, start: {node, question}}]}.")
    var json = false

    @Flag(help: "Show where trees are looked for, which file and layer each tree came from, and which nodes overlays replaced.")
    var sources = false

    func run() throws {
        let library = trees.loadLibrary()
        if sources {
            let fileSystem = LocalFileSystem()
            let report = SourceReport(sources: trees.sources, library: library, exists: fileSystem.exists)
            if json {
                Output.document(report.json)
            } else {
                report.lines.forEach(Output.line)
            }
            return
        }
        let catalog = library.catalog
        if catalog.trees.isEmpty {
            Output.error(TreeOptions.nothingLoaded)
            throw ExitCode(1)
        }
        if json {
            Output.document(.object([("trees", .array(catalog.trees.map { tree in
                .object([
                    ("id", .string(tree.id)),
                    ("title", .string(tree.title)),
                    ("description", .string(tree.description)),
                    ("file", .string(tree.file)),
                    ("nodes", .int(tree.nodeCount)),
                    ("start", .object(NodeJSON.identity(NodeKey(tree: tree.id, node: tree.startID)) + [
                        ("title", .optional(tree.startHeading)),
                    ])),
                ])
            }))]))
        } else {
            let width = catalog.trees.map(\.id.count).max() ?? 0
            for tree in catalog.trees {
                let pad = String(repeating: " ", count: width - tree.id.count)
                Output.line("\(tree.id)\(pad)  \(TextSanitizer.line(tree.title)) (\(tree.nodeCount) nodes)")
                let indent = String(repeating: " ", count: width + 2)
                for line in TextWrapper.wrap(TextSanitizer.line(tree.description), width: max(30, Output.width - indent.count)) {
                    Output.line(indent + line)
                }
                if let start = tree.startHeading {
                    Output.line(indent + "Start: " + TextSanitizer.line(start))
                }
            }
        }
    }
}
