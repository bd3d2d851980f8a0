import ArgumentParser
import Glibc
import TrailheadCore

/// `trailhead explain [TEXT]`: the nodes that answer an error message, from the trees' `errors:`.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Find the nodes that answer an error message (given as words, or piped in).",
        discussion: """
            Paths, host names, long numbers, times and quoted names in the message are set aside before it \
            is matched against the error fragments trees list, so a message from your machine matches the \
            one a tree quotes. Example: rucio download x 2>&1 | trailhead explain. Exit 0 when a node \
            answers, 1 when none does.
            """)

    /// More than a screenful of a log is not one message; the rest is not read.
    static let maximumBytes = 64 * 1024

    @OptionGroup var trees: TreeOptions

    @Flag(help: "Print JSON: {text, matches: [{tree, node, title, fragment, path}]}.")
    var json = false

    @Argument(help: "The message; read from standard input when left out.")
    var message: [String] = []

    func run() throws {
        if message.isEmpty && Environment.isTerminal(STDIN_FILENO) {
            Output.standardError("Paste the message, then press Ctrl-D on a line of its own.\n")
        }
        let text = message.isEmpty ? Self.readStandardInput() : message.joined(separator: " ")
        guard !text.trimmingSpaces.isEmpty else {
            Output.error("give the error message as words, or pipe it in: COMMAND 2>&1 | trailhead explain")
            throw ExitCode(2)
        }
        let library = try trees.loadUsableLibrary()
        let catalog = library.catalog
        let matches = WordIndex(catalog: catalog).explain(text)
        if json {
            Output.document(.object([
                ("text", .string(text)),
                ("matches", .array(matches.map { match in
                    .object(NodeJSON.identity(match.key) + [
                        ("title", .optional(catalog.node(match.key)?.heading)),
                        ("fragment", .string(match.fragment)),
                        ("path", NodeJSON.path(to: match.key, in: catalog)),
                    ])
                })),
            ]))
        } else if matches.isEmpty {
            Output.error("no tree knows this message; try: trailhead search WORDS FROM IT")
        } else {
            let nodeText = NodeText(width: Output.width)
            for match in matches {
                let heading = catalog.node(match.key).map { TextSanitizer.line($0.heading) } ?? ""
                Output.line("\(match.key)  \(heading)")
                Output.line("    matches: \(TextSanitizer.line(match.fragment))")
                Output.line("    " + nodeText.breadcrumb(catalog.path(to: match.key) ?? [], to: match.key, in: catalog))
            }
        }
        if matches.isEmpty { throw ExitCode(1) }
    }

    private static func readStandardInput() -> String {
        var bytes = [UInt8](repeating: 0, count: maximumBytes)
        var used = 0
        while used < maximumBytes {
            let count = bytes.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress! + used, maximumBytes - used) }
            if count > 0 {
                used += count
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        return String(decoding: bytes.prefix(used), as: UTF8.self)
    }
}
