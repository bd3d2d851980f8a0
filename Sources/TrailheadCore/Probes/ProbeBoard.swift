/// The probe results known so far, shared by every page that asks the same thing.
public struct ProbeBoard: Sendable, Equatable {
    public private(set) var results: [String: ProbeResult] = [:]

    public init() {}

    public subscript(probe: Probe) -> ProbeResult? { results[probe.key] }

    public mutating func record(_ result: ProbeResult, for key: String) {
        results[key] = result
    }

    /// Every probe a node's page needs: its own, the choices' `suggest-if`, then those its
    /// conditions ask (each once): of its text's sections, choices, links and commands.
    public static func probes(of node: Node) -> [Probe] {
        var probes = node.probes + (node.question?.choices.compactMap(\.suggestIf) ?? [])
        let resource = node.resource
        let conditions = DeclaredText.of(node).flatMap { $0.text.conditions.map { ($0, node.location) } }
            + (node.question?.choices.compactMap { choice in choice.when.map { ($0, choice.location) } } ?? [])
            + (resource?.links.compactMap { link in link.when.map { ($0, link.location) } } ?? [])
            + (resource?.commands.compactMap { command in command.when.map { ($0, command.location) } } ?? [])
        for (condition, location) in conditions {
            let probe = Probe(check: condition.probe, location: location)
            if !probes.contains(where: { $0.key == probe.key }) { probes.append(probe) }
        }
        return probes
    }

    /// Whether an item with this condition is shown: yes unless it is known to be false.
    public func shows(_ condition: Condition?) -> Bool {
        condition.map { $0.holds(in: self) != false } ?? true
    }

    public func shows(_ command: Command) -> Bool { shows(command.when) }

    public func shows(_ link: Link) -> Bool { shows(link.when) }

    public func shows(_ choice: Choice) -> Bool { shows(choice.when) }

    /// What a condition comes to here, said next to its item: "for rucio >= 37: yes, rucio
    /// 41.0.0 found at /usr/bin/rucio"; nil without a condition.
    public func note(for condition: Condition?) -> String? {
        guard let condition else { return nil }
        let result = results[condition.probe.key]
        switch (condition.holds(in: self), result) {
        case (true?, let result?): return "for \(condition): yes, \(result.detail)"
        case (false?, let result?): return "for \(condition): not here, \(result.detail)"
        case (nil, let result?): return "for \(condition): cannot tell, \(result.detail)"
        default: return "for \(condition)"
        }
    }

    /// "1 command is for other machines", "2 links and 1 section are …"; nil when nothing is hidden.
    public func hiddenSummary(of node: Node) -> String? {
        let sections = DeclaredText.of(node).reduce(0) { $0 + $1.text.hiddenSections { self.shows($0) } }
        let answers = node.question?.choices.filter { !shows($0) }.count ?? 0
        let links = node.resource?.links.filter { !shows($0) }.count ?? 0
        let commands = node.resource?.commands.filter { !shows($0) }.count ?? 0
        let counts = [(sections, "section"), (answers, "answer"), (links, "link"), (commands, "command")].filter { $0.0 > 0 }
        guard !counts.isEmpty else { return nil }
        let parts = counts.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        let listed = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        return listed + (counts.reduce(0) { $0 + $1.0 } == 1 ? " is" : " are") + " for other machines"
    }

    /// Evaluates a node's probes at once, for scripted commands (the interface runs them in the background).
    public static func evaluated(_ node: Node, on system: any ProbeSystem) -> ProbeBoard {
        var board = ProbeBoard()
        for probe in probes(of: node) where board[probe] == nil {
            board.record(ProbeEvaluator.evaluate(probe, on: system), for: probe.key)
        }
        return board
    }

    /// Every probe of `node` answered "unknown" with `reason`, none run (`--no-probes`).
    public static func unchecked(_ node: Node, reason: String) -> ProbeBoard {
        var board = ProbeBoard()
        for probe in probes(of: node) where board[probe] == nil {
            board.record(ProbeResult(.unknown, reason), for: probe.key)
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
