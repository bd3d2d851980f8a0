import ArgumentParser
import CBuildInfo
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// The `trailhead` command: walks newcomers from Start to the tool they need.
@main
struct Trailhead: ParsableCommand {
    static let version = "0.1.0"
    /// What `--version` prints: the version, and the commit when the binary was built by `make dist`.
    static var versionText: String {
        let commit = String(cString: th_build_commit())
        return commit.isEmpty ? version : "\(version) (commit \(commit))"
    }
    static let maximumArguments = 1024

    static let configuration = CommandConfiguration(
        commandName: "trailhead",
        abstract: "Find the right tool or resource by answering a few questions.",
        discussion: """
        Exit status: 0 found, 1 not found or invalid answer, 2 usage error or invalid input.

        Examples:
          trailhead                               walk the trees from the start
          trailhead escape-vre/rucio-download     open one node
          printf '2\\n1\\n' | trailhead --plain    answer from a script
          trailhead walk escape-vre --answer find --answer 1 --json
          trailhead search how do I download a file
          rucio download x 2>&1 | trailhead explain
          trailhead history                       what you opened lately (r resumes in the interface)
          trailhead list --sources                where every tree and overridden node came from
          trailhead new my-tree; trailhead validate my-tree.yaml
          trailhead export escape-vre --format mermaid
        """,
        version: versionText,
        subcommands: [
            Browse.self, List.self, Show.self, Walk.self, Search.self, Explain.self, History.self,
            Validate.self, FlowTest.self, New.self, Export.self, Preview.self, CheckLinks.self, Sync.self, ShellInit.self,
        ],
        defaultSubcommand: Browse.self
    )

    /// Maps argument-parser's exit codes onto Trailhead's: usage errors exit 2, like grep.
    static func main() {
        MemoryTuning.apply()
        // A write past `ulimit -f` then fails with EFBIG, and the cache or progress write that
        // met it is dropped, instead of the signal ending every command that caches a tree.
        signal(SIGXFSZ, SIG_IGN)
        // The argument parser's time grows with the square of the argument count (4,000
        // `--set` options took 37 s): a bound keeps a runaway script from stalling a login node.
        let count = CommandLine.arguments.count - 1
        if count > maximumArguments {
            Output.error("\(count) arguments are more than the \(maximumArguments) Trailhead reads; pass a directory instead of many files")
            Glibc.exit(2)
        }
        let arguments = ArgumentOrder.normalized(Array(CommandLine.arguments.dropFirst()))
        Output.jsonRequested = asksForJSON(arguments)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            let text = betterParseError(error, arguments: arguments)
            Output.standardError(TextSanitizer.block(UsageError.text(for: text)))
            if Output.jsonRequested { Output.errorDocument(UsageError.reason(in: text), details: [("usage", .bool(true))]) }
            Glibc.exit(2)
        }
        do {
            try command.run()
        } catch let explicit as ExitCode {
            Glibc.exit(explicit.rawValue)
        } catch where exitCode(for: error) == .success {
            // `--help`, `help SUBCOMMAND`: parsed as a command whose run shows the help.
            print(fullMessage(for: error))
            Glibc.exit(0)
        } catch {
            // A check made while running (`--limit 0`, a bad `--set`) is about this subcommand:
            // its usage, not the top level's.
            let usage = usageString(for: type(of: command)).split(separator: "\n").map(String.init)
            Output.standardError(TextSanitizer.block(UsageError.text(message: message(for: error), usage: usage, help: helpName(of: type(of: command)))))
            if Output.jsonRequested { Output.errorDocument(UsageError.reason(in: message(for: error)), details: [("usage", .bool(true))]) }
            Glibc.exit(2)
        }
    }

    /// `--json`, `--format json` or `--format=json` before any `--`.
    private static func asksForJSON(_ arguments: [String]) -> Bool {
        let options = arguments.prefix { $0 != "--" }
        return options.contains("--json") || options.contains("--format=json")
            || zip(options, options.dropFirst()).contains { $0 == "--format" && $1 == "json" }
    }

    /// The argument parser names a missing positional before an unknown option (`show --bogus`);
    /// with a stand-in positional added, the unknown option is what it reports.
    private static func betterParseError(_ error: any Error, arguments: [String]) -> String {
        let first = fullMessage(for: error)
        guard first.hasPrefix("Error: Missing expected argument"), arguments.contains(where: { $0.hasPrefix("-") }) else { return first }
        do {
            _ = try parseAsRoot(arguments + ["trailhead-stand-in"])
        } catch {
            let second = fullMessage(for: error)
            if second.hasPrefix("Error: Unknown option") { return second }
        }
        return first
    }

    /// `trailhead show` for the `Show` command: how its `--help` is asked for.
    private static func helpName(of type: any ParsableCommand.Type) -> String {
        let name = type._commandName
        return name == configuration.commandName ? name : "\(configuration.commandName ?? "trailhead") \(name)"
    }
}
