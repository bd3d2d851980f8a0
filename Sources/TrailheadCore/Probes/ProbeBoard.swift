/// The probe results known so far, shared by every page that asks the same thing.
public struct ProbeBoard: Sendable, Equatable {
    public private(set) var results: [String: ProbeResult] = [:]

    public init() {}

    public subscript(probe: Probe) -> ProbeResult? { results[probe.key] }

    public mutating func record(_ result: ProbeResult, for key: String) {
        results[key] = result
    }

    /// Every probe a node's page needs: its own, the choices' `suggest-if`, then those its
    /// commands' conditions ask (each once).
    public static func probes(of node: Node) -> [Probe] {
        var probes = node.probes + (node.question?.choices.compactMap(\.suggestIf) ?? [])
        for command in node.resource?.commands ?? [] {
            guard let condition = command.when else { continue }
            let probe = Probe(check: condition.probe, location: command.location)
            if !probes.contains(where: { $0.key == probe.key }) { probes.append(probe) }
        }
        return probes
    }

    /// Whether a command is shown: yes unless its condition is known to be false.
    public func shows(_ command: Command) -> Bool {
        command.when.map { $0.holds(in: self) != false } ?? true
    }

    /// What a command's condition comes to here, said next to it: "for rucio >= 37: yes, rucio
    /// 41.0.0 found at /usr/bin/rucio"; nil for a command without one.
    public func note(for command: Command) -> String? {
        guard let condition = command.when else { return nil }
        let result = results[Probe(check: condition.probe, location: command.location).key]
        switch (condition.holds(in: self), result) {
        case (true?, let result?): return "for \(condition): yes, \(result.detail)"
        case (false?, let result?): return "for \(condition): not here, \(result.detail)"
        case (nil, let result?): return "for \(condition): cannot tell, \(result.detail)"
        default: return "for \(condition)"
        }
    }

    /// How many of a resource's commands are hidden here.
    public func hiddenCount(in resource: Resource) -> Int {
        resource.commands.filter { !shows($0) }.count
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
