import ArgumentParser
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// `trailhead history`: the resources you read, opened, copied or printed recently.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the resources you recently read, opened, copied or printed, newest first.",
        discussion: """
        The full-screen interface remembers where you were in each tree and what you opened, in \
        $XDG_STATE_HOME/trailhead/progress (default ~/.local/state/trailhead/progress), and offers \
        to resume there (key r). Turn this off with `trailhead --no-state` or TRAILHEAD_NO_STATE=1.
        """)

    @OptionGroup var trees: TreeOptions

    @Option(help: "Show at most this many entries.")
    var limit = 20

    @Flag(help: "Also list what was merely read, not only what was opened, copied or printed.")
    var all = false

    @Flag(help: "Print JSON: {\"visits\": [{time, kind, tree, node, title, detail}], \"positions\": [{tree, node, time, route}]}.")
    var json = false

    @Flag(help: "Forget everything remembered so far.")
    var clear = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        guard let store = ProgressStore.standard(disabled: false) else {
            Output.warning("nothing is remembered: TRAILHEAD_NO_STATE is set, there is no absolute HOME, or its state directory is not yours")
            if json { Output.document(.object([("visits", .array([])), ("positions", .array([]))])) }
            return
        }
        if clear {
            if let reason = store.clear() {
                Output.error("could not forget your progress: \(TextSanitizer.line(store.path)) remains (\(reason))")
                throw ExitCode(1)
            }
            Output.line("Forgot your progress (\(TextSanitizer.line(store.path))).")
            return
        }
        let progress = store.load()
        let catalog = trees.loadLibrary().catalog
        let visits = progress.visits.reversed().filter { all || $0.kind != .viewed }.prefix(limit)
        if json {
            Output.document(.object([
                ("visits", .array(visits.map { visit in
                    .object(NodeJSON.identity(visit.node) + [
                        ("time", .int(visit.time)), ("kind", .string(visit.kind.rawValue)),
                        ("title", .optional(catalog.node(visit.node)?.heading)), ("detail", .string(visit.detail)),
                    ])
                })),
                ("positions", .array(progress.positions.map { position in
                    .object(NodeJSON.identity(NodeKey(tree: position.tree, node: position.route.last?.node ?? "")) + [
                        ("time", .int(position.time)), ("route", .array(position.route.map { .string($0.description) })),
                    ])
                })),
            ]))
            return
        }
        if visits.isEmpty {
            Output.line(all ? "Nothing yet: walk a tree with `trailhead`." : "Nothing opened yet (`--all` also lists what you read).")
            return
        }
        let kindWidth = visits.map(\.kind.rawValue.count).max() ?? 0
        for visit in visits {
            let title = catalog.node(visit.node)?.heading ?? visit.node.description
            let kind = visit.kind.rawValue + String(repeating: " ", count: kindWidth - visit.kind.rawValue.count)
            var line = "\(LocalTime.text(visit.time))  \(kind)  \(TextSanitizer.line(title))  (\(TextSanitizer.line(visit.node.description)))"
            if !visit.detail.isEmpty { line += "\n" + String(repeating: " ", count: 18 + kindWidth) + TextSanitizer.line(visit.detail) }
            Output.line(line)
        }
    }
}
