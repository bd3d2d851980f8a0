/// The probe results known so far, shared by every page that asks the same thing.
public struct ProbeBoard: Sendable, Equatable {
    public private(set) var results: [String: ProbeResult] = [:]

    public init() {}

    public subscript(probe: Probe) -> ProbeResult? { results[probe.key] }

    public mutating func record(_ result: ProbeResult, for key: String) {
        results[key] = result
    }

    /// Every probe a node's page shows: its own, then the choices' `suggest-if`.
    public static func probes(of node: Node) -> [Probe] {
        node.probes + (node.question?.choices.compactMap(\.suggestIf) ?? [])
    }

    /// Evaluates a node's probes at once, for scripted commands (the interface runs them in the background).
    public static func evaluated(_ node: Node, on system: any ProbeSystem) -> ProbeBoard {
        var board = ProbeBoard()
        for probe in probes(of: node) where board[probe] == nil {
            board.record(ProbeEvaluator.evaluate(probe, on: system), for: probe.key)
        }
        return board
    }

    /// `✓ rucio found at /usr/bin/rucio`, or `… checking rucio` while the answer is pending.
    public func line(for probe: Probe) -> (text: String, outcome: ProbeResult.Outcome?) {
        guard let result = self[probe] else { return ("… checking \(probe.subject)", nil) }
        let mark = switch result.outcome {
        case .passed: "✓"
        case .failed: "✗"
        case .unknown: "?"
        }
        return ("\(mark) \(result.detail)", result.outcome)
    }

    /// Whether the probes suggest this choice: nil when it has no `suggest-if` or no answer yet.
    public func suggests(_ choice: Choice) -> Bool? {
        guard let probe = choice.suggestIf, let result = self[probe] else { return nil }
        return result.passed
    }
}
