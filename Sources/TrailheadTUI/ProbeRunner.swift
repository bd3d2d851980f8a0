import Dispatch
import Synchronization
import TrailheadCore

/// Runs probes off the interface's thread, so a slow `--version` or NFS stat never delays a key.
/// The session asks for the probes of each page and collects the answers on its next turn.
public final class ProbeRunner: Sendable {
    private let system: any ProbeSystem
    private let state = Mutex(State())

    private struct State {
        var started: Set<String> = []
        var finished: [(key: String, result: ProbeResult)] = []
    }

    public init(system: any ProbeSystem) {
        self.system = system
    }

    /// Starts each probe not started before; answers arrive through `takeFinished`.
    public func start(_ probes: [Probe]) {
        for probe in probes {
            let isNew = state.withLock { $0.started.insert(probe.key).inserted }
            guard isNew else { continue }
            DispatchQueue.global().async { [self] in
                let result = ProbeEvaluator.evaluate(probe, on: system)
                state.withLock { $0.finished.append((probe.key, result)) }
            }
        }
    }

    /// The answers that arrived since the last call.
    public func takeFinished() -> [(key: String, result: ProbeResult)] {
        state.withLock { state in
            defer { state.finished.removeAll() }
            return state.finished
        }
    }
}
