import ArgumentParser
import TrailheadCore
import TrailheadProcess

/// Whether a scripted command (`show`, `walk`) checks the machine before printing a node.
struct ProbeOptions: ParsableArguments {
    /// All of a node's probes together finish within this many seconds in a scripted command
    /// (each `--version` also has its own deadline, `TRAILHEAD_PROBE_TIMEOUT`).
    static let totalSeconds = 3.0

    @Flag(help: "Do not check this machine (no `--version` runs): every condition prints as unknown.")
    var noProbes = false

    /// The answers to a node's probes, or every one "not checked" with `--no-probes`.
    func board(for key: NodeKey, in catalog: Catalog) -> ProbeBoard {
        guard let node = catalog.node(key) else { return ProbeBoard() }
        if noProbes { return ProbeBoard.unchecked(node, reason: "not checked (--no-probes)") }
        let system = LocalProbeSystem(environment: Environment.variables).limited(toTotal: Self.totalSeconds)
        return ProbeBoard.evaluated(node, on: system)
    }
}
