/// Rewrites a command line into the form the argument parser reads, without changing what it says.
enum ArgumentOrder {
    /// The subcommands that read trees, so take `--trees` and `--no-default-trees`.
    static let treeReading: Set<String> = [
        "browse", "list", "show", "walk", "search", "explain", "history", "validate", "test", "export", "preview", "check-links", "sync",
    ]
    /// Options whose value is a number, which may be negative (`--limit -1` is a value, to be refused
    /// as one, not an option `-1`).
    static let numericOptions: Set<String> = ["--limit", "--timeout", "--jobs", "--max-age", "--command"]

    /// `trailhead --trees DIR show X` as `trailhead show --trees DIR X` (the README's order: the
    /// tree options before the subcommand), and `--limit -1` as `--limit=-1`.
    static func normalized(_ arguments: [String]) -> [String] {
        var global: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--no-default-trees" || argument.hasPrefix("--trees=") {
                global.append(argument)
                index += 1
            } else if argument == "--trees", index + 1 < arguments.count {
                global += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        var result = arguments
        if !global.isEmpty, index < arguments.count, treeReading.contains(arguments[index]) {
            result = [arguments[index]] + global + arguments[(index + 1)...]
        }
        var joined: [String] = []
        var position = 0
        while position < result.count {
            let argument = result[position]
            if argument == "--" {
                joined += result[position...]
                break
            }
            if numericOptions.contains(argument), position + 1 < result.count, isNegativeNumber(result[position + 1]) {
                joined.append(argument + "=" + result[position + 1])
                position += 2
            } else {
                joined.append(argument)
                position += 1
            }
        }
        return joined
    }

    private static func isNegativeNumber(_ text: String) -> Bool {
        text.count > 1 && text.first == "-" && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }
}
