/// The outcome of checking every URL of a catalog, as text lines and as JSON.
public struct LinkCheckReport: Sendable {
    /// One distinct URL and what checking it gave.
    public struct Entry: Sendable, Equatable {
        public var target: LinkInventory.Target
        public var verdict: LinkVerdict

        public init(target: LinkInventory.Target, verdict: LinkVerdict) {
            self.target = target
            self.verdict = verdict
        }
    }

    public var entries: [Entry]
    public var skipped: [LinkOccurrence]

    /// Pairs each target of `inventory` with its verdict; `verdicts` are in the inventory's order.
    public init(inventory: LinkInventory, verdicts: [LinkVerdict]) {
        precondition(inventory.targets.count == verdicts.count, "one verdict per target")
        entries = zip(inventory.targets, verdicts).map { Entry(target: $0, verdict: $1) }
        skipped = inventory.skipped
    }

    public var okCount: Int { entries.count { if case .ok = $0.verdict { true } else { false } } }
    public var redirectedCount: Int { entries.count { if case .redirected = $0.verdict { true } else { false } } }
    public var deadCount: Int { entries.count { $0.verdict.isDead } }
    public var hasDead: Bool { deadCount > 0 }

    /// One `file:line:col: dead|redirected: …` line per place a problem URL appears, sorted by place,
    /// made safe for a terminal.
    public var lines: [String] {
        var located: [(SourceLocation, String)] = []
        for entry in entries {
            guard let finding = Self.finding(entry) else { continue }
            for occurrence in entry.target.occurrences {
                located.append((occurrence.location, "\(occurrence.location): \(finding) in \(occurrence.place)"))
            }
        }
        return located
            .sorted { ($0.0.file, $0.0.line, $0.0.column) < ($1.0.file, $1.0.line, $1.0.column) }
            .map { TextSanitizer.line($0.1) }
    }

    public var summary: String {
        let places = entries.reduce(0) { $0 + $1.target.occurrences.count }
        var text = "checked \(Self.counted(entries.count, "URL")) in \(Self.counted(places, "place")): "
            + "\(okCount) ok, \(redirectedCount) redirected, \(deadCount) dead"
        if !skipped.isEmpty {
            text += "; skipped \(Self.counted(skipped.count, "link")) that \(skipped.count == 1 ? "is" : "are") not http or https"
        }
        return text
    }

    public var json: JSONValue {
        .object([
            ("summary", .object([
                ("urls", .int(entries.count)),
                ("places", .int(entries.reduce(0) { $0 + $1.target.occurrences.count })),
                ("ok", .int(okCount)),
                ("redirected", .int(redirectedCount)),
                ("dead", .int(deadCount)),
                ("skipped", .int(skipped.count)),
            ])),
            ("urls", .array(entries.map(Self.json))),
            ("skipped", .array(skipped.map(Self.json))),
        ])
    }

    private static func finding(_ entry: Entry) -> String? {
        switch entry.verdict {
        case .ok:
            return nil
        case .redirected(let status, let location):
            let destination = location.map { " -> \($0)" } ?? ""
            return "redirected: \(entry.target.url)\(destination) (HTTP \(status))"
        case .dead(let problem):
            return "dead: \(entry.target.url) (\(reason(problem)))"
        }
    }

    private static func reason(_ problem: LinkVerdict.Problem) -> String {
        switch problem {
        case .status(let status): "HTTP \(status)"
        case .timedOut(let seconds): "timed out after \(formatted(seconds)) s"
        case .unreachable(let message): "unreachable: \(message)"
        }
    }

    private static func problemCode(_ verdict: LinkVerdict) -> String? {
        guard case .dead(let problem) = verdict else { return nil }
        switch problem {
        case .status: return "http-status"
        case .timedOut: return "timeout"
        case .unreachable: return "unreachable"
        }
    }

    private static func json(_ entry: Entry) -> JSONValue {
        var location: String?
        var reasonText: String?
        switch entry.verdict {
        case .redirected(_, let target): location = target
        case .dead(let problem): reasonText = reason(problem)
        case .ok: break
        }
        return .object([
            ("url", .string(entry.target.url)),
            ("status", .string(entry.verdict.name)),
            ("code", entry.verdict.status.map(JSONValue.int) ?? .null),
            ("location", .optional(location)),
            ("problem", .optional(problemCode(entry.verdict))),
            ("reason", .optional(reasonText)),
            ("occurrences", .array(entry.target.occurrences.map(json))),
        ])
    }

    private static func json(_ occurrence: LinkOccurrence) -> JSONValue {
        .object([
            ("url", .string(occurrence.url)),
            ("field", .string(occurrence.field.rawValue)),
            ("tree", .string(occurrence.tree)),
            ("node", .optional(occurrence.node)),
            ("key", .optional(occurrence.node.map { NodeKey(tree: occurrence.tree, node: $0).description })),
            ("source", NodeJSON.location(occurrence.location)),
        ])
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Whole seconds without a fraction, others with one decimal.
    private static func formatted(_ seconds: Double) -> String {
        if seconds == seconds.rounded() { return String(Int(seconds)) }
        return String(Double(Int(seconds * 10)) / 10)
    }
}
