import ArgumentParser
import TrailheadCore

/// `--command N` with `--set name=value`: prints a node's command with its placeholders filled
/// and shell-quoted, for scripts. A missing or invalid value exits 2 and names the placeholder.
struct CommandFilling: ParsableArguments {
    @Option(name: .customLong("command"), help: ArgumentHelp("Print only command N of the node (from 1), placeholders filled.", valueName: "n"))
    var index: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("A placeholder value for --command (repeatable).", valueName: "name=value"))
    var values: [String] = []

    /// True when it printed the command (so the caller prints nothing else).
    func printIfRequested(_ key: NodeKey, in catalog: Catalog, json: Bool) throws -> Bool {
        guard let index else {
            if !values.isEmpty { throw ValidationError("--set needs --command N to say which command to fill") }
            return false
        }
        let commands = catalog.node(key)?.resource?.commands ?? []
        guard commands.indices.contains(index - 1) else {
            Output.error("'\(key)' has \(commands.count == 0 ? "no commands" : "commands 1 to \(commands.count)"), not \(index)")
            throw ExitCode(1)
        }
        let command = commands[index - 1]
        let given = try PlaceholderValues.parse(values)
        // A mistyped name would otherwise leave its field at the default, silently.
        let fields = command.placeholders.map(\.name)
        let unknown = given.keys.filter { !fields.contains($0) }.sorted()
        if !unknown.isEmpty {
            let names = unknown.map { "'\(TextSanitizer.line($0))'" }.joined(separator: ", ")
            let known = fields.isEmpty ? "it has no fields" : "its fields are " + fields.joined(separator: ", ")
            Output.error("command \(index) of '\(key)' has no field \(names); \(known)")
            throw ExitCode(2)
        }
        switch PlaceholderFilling.fill(command, values: given) {
        case .failure(let problem):
            Output.error(PlaceholderFilling.describe(problem))
            throw ExitCode(2)
        case .success(let filled):
            if json {
                Output.document(NodeJSON.identity(key) + [("command", .int(index)), ("run", .string(filled))])
            } else {
                Output.line(TextSanitizer.block(filled))
            }
        }
        return true
    }
}
