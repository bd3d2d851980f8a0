/// Reads a flow-test file (`*.test.yaml`): a mapping with `scenarios:`, a list of scenarios.
/// Every problem is reported with its position, and decoding goes on after one.
struct ScenarioDecoder {
    private typealias Value = YAMLDocument.Value

    static let scenarioKeys = KeyNames(ScenarioSchema.scenarioKeys.map(\.name))
    static let expectKeys = KeyNames(ScenarioSchema.expectKeys.map(\.name))

    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private let document: YAMLDocument

    init(file: String, document: YAMLDocument) {
        self.file = file
        self.document = document
    }

    mutating func decode() -> [Scenario] {
        let root = document.root
        guard document.kind(of: root) == .mapping,
              let list = document.entries(of: root).first(where: { document.scalar($0.key, is: "scenarios") })?.value
        else {
            report("a flow-test file is a mapping with 'scenarios:', a list of scenarios", at: root)
            return []
        }
        for entry in document.entries(of: root) where !document.scalar(entry.key, is: "scenarios") {
            report("unknown key '\(String(document.string(entry.key).prefix(40)))'; a flow-test file has only 'scenarios'", at: entry.key)
        }
        guard document.kind(of: list) == .sequence else {
            report("'scenarios' must be a list of scenarios ('- name: …')", at: list)
            return []
        }
        var scenarios: [Scenario] = []
        for item in document.items(of: list) {
            if let decoded = scenario(item) { scenarios.append(decoded) }
        }
        return scenarios
    }

    private mutating func scenario(_ yaml: Value) -> Scenario? {
        guard let fields = mapping(yaml, allowed: Self.scenarioKeys, what: "a scenario") else { return nil }
        guard let name = text(fields["name"]), let start = text(fields["start"]) else {
            report("a scenario needs 'name' and 'start' (a tree id, or tree/node)", at: yaml)
            return nil
        }
        var scenario = Scenario(
            name: name.value, start: start, probes: [:], steps: [], endsAt: nil, shows: [], hides: [], location: location(of: yaml))
        if let probes = fields["probes"] {
            scenario.probes = decodeProbes(probes)
        }
        if let search = text(fields["search"]) {
            scenario.steps.append(.init(value: .search(search.value), location: search.location))
        }
        if let answers = fields["answers"] {
            if document.kind(of: answers) == .sequence {
                for item in document.items(of: answers) {
                    if let answer = text(item) { scenario.steps.append(.init(value: .answer(answer.value), location: answer.location)) }
                }
            } else {
                report("'answers' must be a list, such as [1, Rucio, 'Download data']", at: answers)
            }
        }
        if let expect = fields["expect"], let expected = mapping(expect, allowed: Self.expectKeys, what: "'expect'") {
            scenario.endsAt = text(expected["ends-at"])
            scenario.shows = patterns(expected["shows"])
            scenario.hides = patterns(expected["hides"])
            scenario.says = patterns(expected["says"])
            scenario.holds = texts(expected["holds"]).compactMap { written in
                switch Condition.parse(written.value) {
                case .success(let condition): return .init(value: condition, location: written.location)
                case .failure(let error):
                    diagnostics.append(.error("bad-scenario", "holds: \(error)", at: written.location))
                    return nil
                }
            }
            scenario.suggests = texts(expected["suggests"])
        }
        if !scenario.expectsSomething {
            report("scenario '\(TextSanitizer.line(name.value))' expects nothing; add 'expect:' with ends-at, shows, hides, says, holds or suggests", at: yaml)
        }
        return scenario
    }

    private mutating func decodeProbes(_ yaml: Value) -> [String: ProbeResult] {
        guard document.kind(of: yaml) == .mapping else {
            report("'probes' must map probe keys to results, such as 'command:rucio: passed'", at: yaml)
            return [:]
        }
        var results: [String: ProbeResult] = [:]
        for entry in document.entries(of: yaml) {
            let key = document.string(entry.key)
            let value = document.string(entry.value)
            if let outcome = ProbeResult.Outcome(rawValue: value) {
                results[key] = ProbeResult(outcome, "\(outcome.rawValue), as the scenario says")
            } else if key.hasPrefix("version:"), Condition.version(value) != nil {
                let name = key.dropFirst("version:".count)
                results[key] = ProbeResult(.passed, "\(name) \(value), as the scenario says", version: value)
            } else {
                report("a probe result is passed, failed or unknown, or for a version: key the version found (41.0.0)", at: entry.value)
            }
        }
        return results
    }

    /// One pattern or a list of them, each a regular expression that must compile.
    private mutating func patterns(_ yaml: Value?) -> [Scenario.Located<String>] {
        texts(yaml).filter { pattern in
            guard (try? Regex(pattern.value)) == nil else { return true }
            diagnostics.append(.error("bad-scenario", "'\(TextSanitizer.line(String(pattern.value.prefix(60))))' is not a valid regular expression", at: pattern.location))
            return false
        }
    }

    /// One text or a list of them.
    private mutating func texts(_ yaml: Value?) -> [Scenario.Located<String>] {
        guard let yaml else { return [] }
        let items = document.kind(of: yaml) == .sequence ? document.items(of: yaml) : [yaml]
        return items.compactMap { text($0) }
    }

    private mutating func mapping(_ yaml: Value, allowed: KeyNames, what: String) -> [String: Value]? {
        guard document.kind(of: yaml) == .mapping else {
            report("\(what) must be a mapping (key: value lines), not \(document.kindName(of: yaml))", at: yaml)
            return nil
        }
        var fields: [String: Value] = [:]
        for entry in document.entries(of: yaml) {
            guard let name = allowed.name(of: entry.key, in: document) else {
                let key = String(document.string(entry.key).prefix(40))
                let advice = Suggestion.closest(to: key, in: allowed.names).map { "did you mean '\($0)'?" } ?? "allowed keys are \(allowed.names.joined(separator: ", "))"
                report("unknown key '\(TextSanitizer.line(key))' in \(what); \(advice)", at: entry.key)
                continue
            }
            fields[name] = entry.value
        }
        return fields
    }

    private mutating func text(_ yaml: Value?) -> Scenario.Located<String>? {
        guard let yaml else { return nil }
        guard document.isScalar(yaml), !document.isNull(yaml) else {
            report("expected text here, not \(document.kindName(of: yaml))", at: yaml)
            return nil
        }
        return .init(value: document.string(yaml), location: location(of: yaml))
    }

    private func location(of yaml: Value) -> SourceLocation {
        SourceLocation(file: file, line: document.line(of: yaml), column: document.column(of: yaml))
    }

    private mutating func report(_ message: String, at yaml: Value) {
        diagnostics.append(.error("bad-scenario", message, at: location(of: yaml)))
    }
}
