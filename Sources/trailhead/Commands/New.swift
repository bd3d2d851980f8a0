import ArgumentParser
import TrailheadCore

/// `trailhead new TREE_ID`: writes a commented starting tree that `validate` accepts as it is.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new tree file: a small commented example to edit, which validates cleanly.",
        discussion: """
        Writes TREE_ID.yaml in the current directory unless --output says otherwise (- for stdout). \
        An existing file is never replaced without --force. Next: edit it, then run \
        trailhead validate TREE_ID.yaml and trailhead --trees TREE_ID.yaml TREE_ID (see docs/authoring.md).
        """)

    @Argument(help: ArgumentHelp("The new tree's id: lowercase letters, digits and -, at most 64 characters.", valueName: "tree-id"))
    var id: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (- for stdout) instead of TREE_ID.yaml.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func validate() throws {
        guard TreeScaffold.isValidID(id) else {
            throw ValidationError("'\(TextSanitizer.line(id))' is not a valid tree id: use lowercase letters, digits and -, starting with a letter or digit, at most 64 characters")
        }
    }

    func run() throws {
        let path = output ?? "\(id).yaml"
        try FileWriter.write(TreeScaffold.yaml(for: id), to: path, mode: force ? .replace : .createNew)
        if path != "-" {
            Output.line("wrote \(TextSanitizer.line(path)); check it with: trailhead validate \(TextSanitizer.line(path))")
        }
    }
}
