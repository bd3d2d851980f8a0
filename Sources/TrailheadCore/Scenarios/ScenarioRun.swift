/// Runs flow tests (`trailhead test`) against a catalog, through the same navigator the
/// interface and plain mode drive: answers become activations of the page's choices, a search
/// jumps to its best result, preset probe answers arrive as they would from the machine.
public struct ScenarioRun: Sendable {
    public private(set) var fileCount = 0
    public private(set) var scenarioCount = 0
    public private(set) var failedCount = 0
    /// Problems reading the files, and one error per failed expectation, where it is written.
    public private(set) var diagnostics: [Diagnostic] = []

    /// `files` are paths with their bytes, in the order given.
    public init(files: [(path: String, bytes: [UInt8])], catalog: Catalog) {
        var index: SearchIndex?
        for file in files {
            fileCount += 1
            let document: YAMLDocument
            switch file.bytes.withUnsafeBytes({ YAMLReader().read($0) }) {
            case .failure(let error):
                diagnostics.append(.error(error.code, error.message, at: SourceLocation(file: file.path, line: error.line, column: error.column)))
                continue
            case .success(let read):
                document = read
            }
            var decoder = ScenarioDecoder(file: file.path, document: document)
            let scenarios = decoder.decode()
            diagnostics += decoder.diagnostics
            for scenario in scenarios {
                scenarioCount += 1
                let failures = Self.run(scenario, in: catalog) {
                    if let index { return index }
                    let built = SearchIndex(catalog: catalog)
                    index = built
                    return built
                }
                if !failures.isEmpty { failedCount += 1 }
                diagnostics += failures
            }
        }
        diagnostics = diagnostics.sortedByLocation
    }

    public var summary: String {
        let files = fileCount == 1 ? "1 file" : "\(fileCount) files"
        return "\(files), \(scenarioCount) scenario\(scenarioCount == 1 ? "" : "s"): \(scenarioCount - failedCount) passed, \(failedCount) failed"
    }

    public var json: JSONValue {
        .object([
            ("files", .int(fileCount)),
            ("scenarios", .int(scenarioCount)),
            ("passed", .int(scenarioCount - failedCount)),
            ("failed", .int(failedCount)),
            ("diagnostics", .array(diagnostics.map(NodeJSON.diagnostic))),
        ])
    }

    /// Every failed expectation of one scenario; the first step that cannot be taken ends it.
    static func run(_ scenario: Scenario, in catalog: Catalog, index: () -> SearchIndex) -> [Diagnostic] {
        func failure(_ message: String, at location: SourceLocation) -> Diagnostic {
            .error("scenario-failed", "scenario '\(TextSanitizer.line(scenario.name))': \(message)", at: location)
        }
        guard let start = Self.resolve(scenario.start.value, from: nil, in: catalog) else {
            return [failure("'\(TextSanitizer.line(scenario.start.value))' is not a loaded tree or node", at: scenario.start.location)]
        }
        var navigator = Navigator(catalog: catalog, start: start, size: ScreenSize(columns: 80, rows: 1_000_000), version: "test")
        for (key, result) in scenario.probes.sorted(by: { $0.key < $1.key }) {
            navigator.handle(.probeAnswered(key: key, result))
        }
        for step in scenario.steps {
            let here = navigator.state.trail?.current ?? start
            switch step.value {
            case .search(let query):
                guard let best = index().search(query, limit: 1).first else {
                    return [failure("the search '\(TextSanitizer.line(query))' finds nothing", at: step.location)]
                }
                navigator.handle(.jump(best.key))
            case .answer(let answer):
                guard let question = catalog.node(here)?.question else {
                    return [failure("'\(here)' is a resource; there is no question left to answer '\(TextSanitizer.line(answer))'", at: step.location)]
                }
                let labels = question.choices.map(\.label)
                guard case .success(let choice) = AnswerMatcher.choose(answer, among: labels) else {
                    return [failure("'\(TextSanitizer.line(answer))' is not one choice of '\(here)'; its choices are \(labels.map { "'\(TextSanitizer.line($0))'" }.joined(separator: ", "))", at: step.location)]
                }
                guard let item = navigator.items.firstIndex(of: .choice(choice)) else {
                    let condition = question.choices[choice].when?.description ?? ""
                    return [failure("'\(TextSanitizer.line(labels[choice]))' is hidden on this machine: 'when: \(condition)' is false with the scenario's probes", at: step.location)]
                }
                navigator.handle(.activate(item))
                if navigator.state.trail?.current == here {
                    return [failure(TextSanitizer.line(navigator.state.status ?? "the answer '\(answer)' led nowhere"), at: step.location)]
                }
            }
        }
        let end = navigator.state.trail?.current ?? start
        var failures: [Diagnostic] = []
        if let expected = scenario.endsAt, Self.resolve(expected.value, from: start.tree, in: catalog, mustExist: false) != end {
            failures.append(failure("ended at '\(end)', not at '\(TextSanitizer.line(expected.value))'", at: expected.location))
        }
        // What the page shows on that machine: a command whose condition is false is not there.
        let board = navigator.state.probes
        let commands = (catalog.node(end)?.resource?.commands ?? []).filter(board.shows).map(\.run)
        // Patterns compiled when the file was read; one that does not compile was reported then.
        for pattern in scenario.shows {
            guard let regex = try? Regex(pattern.value), !commands.contains(where: { $0.contains(regex) }) else { continue }
            failures.append(failure("no command of '\(end)' matches '\(TextSanitizer.line(pattern.value))'", at: pattern.location))
        }
        for pattern in scenario.hides {
            guard let regex = try? Regex(pattern.value) else { continue }
            if let shown = commands.first(where: { $0.contains(regex) }) {
                failures.append(failure("'\(end)' shows a command matching '\(TextSanitizer.line(pattern.value))': \(TextSanitizer.line(shown))", at: pattern.location))
            }
        }
        if !scenario.says.isEmpty {
            let page = NodeText(width: 100_000).lines(for: end, in: catalog, probes: board).joined(separator: "\n")
            for pattern in scenario.says {
                guard let regex = try? Regex(pattern.value), !page.contains(regex) else { continue }
                failures.append(failure("the page of '\(end)' does not say anything matching '\(TextSanitizer.line(pattern.value))'", at: pattern.location))
            }
        }
        for condition in scenario.holds {
            let answer = condition.value.holds(in: board).map { $0 ? "true" : "false" }
            if answer != "true" {
                let advice = answer == "false" ? "is false with the scenario's probes" : "cannot be told without its probe's result; give it in 'probes:'"
                failures.append(failure("'\(condition.value)' \(advice)", at: condition.location))
            }
        }
        let choices = catalog.node(end)?.question?.choices ?? []
        for label in scenario.suggests {
            guard case .success(let index) = AnswerMatcher.choose(label.value, among: choices.map(\.label)) else {
                failures.append(failure("'\(TextSanitizer.line(label.value))' is not one choice of '\(end)'", at: label.location))
                continue
            }
            if board.suggests(choices[index]) != true {
                failures.append(failure("'\(TextSanitizer.line(choices[index].label))' is not suggested with the scenario's probes", at: label.location))
            }
        }
        return failures
    }

    /// `tree`, `tree/node`, or (for an expectation) `node` in the start's tree.
    static func resolve(_ text: String, from tree: String?, in catalog: Catalog, mustExist: Bool = true) -> NodeKey? {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        let key: NodeKey
        if parts.count == 2 {
            key = NodeKey(tree: parts[0], node: parts[1])
        } else if let tree {
            key = NodeKey(tree: tree, node: text)
        } else if let loaded = catalog.tree(text) {
            key = catalog.startKey(of: loaded)
        } else {
            return nil
        }
        return !mustExist || catalog.node(key) != nil ? key : nil
    }
}
