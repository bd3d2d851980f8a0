/// Which schema of docs/schemas a command line's JSON output follows.
enum JSONContract {
    static func schema(for arguments: [String]) -> String? {
        let options = arguments.prefix { $0 != "--" }
        let asksForJSON = options.contains("--json") || options.contains("--format=json")
            || zip(options, options.dropFirst()).contains { $0 == "--format" && $1 == "json" }
        guard asksForJSON, let subcommand = arguments.first else { return nil }
        switch subcommand {
        case "show", "walk": return options.contains("--command") ? "command.schema.json" : "\(subcommand).schema.json"
        case "list": return options.contains("--sources") ? "sources.schema.json" : "list.schema.json"
        case "search", "explain", "history", "validate", "test", "check-links", "sync": return "\(subcommand).schema.json"
        default: return nil
        }
    }
}
