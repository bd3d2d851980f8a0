/// When a command applies, written as the user's machine would answer it: `rucio >= 37` (the
/// version `rucio --version` prints), `command rucio`, `file ~/.globus/usercert.pem`,
/// `env SLURM_CLUSTER_NAME`. Data only, answered by the probe machinery: no shell, an argv,
/// a deadline.
public struct Condition: Sendable, Equatable, CustomStringConvertible {
    public enum Comparison: String, Sendable, CaseIterable {
        case atLeast = ">=", above = ">", atMost = "<=", below = "<", equal = "=="
    }

    /// What is asked of the machine.
    public enum Test: Sendable, Equatable {
        case probe(Probe.Check)
        case version(command: String, Comparison, [Int])
    }

    public let test: Test
    /// As written, for messages and labels.
    public let description: String

    /// The condition `text` states, or why it states none.
    public static func parse(_ text: String) -> Result<Condition, ConditionError> {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let written = words.joined(separator: " ")
        if words.count == 2 {
            switch words[0] {
            case "command" where TreeDecoder.isCommandName(words[1]):
                return .success(Condition(test: .probe(.command(words[1], versionPattern: nil)), description: written))
            case "file" where words[1].hasPrefix("/") || words[1].hasPrefix("~/"):
                return .success(Condition(test: .probe(.file(words[1])), description: written))
            case "env" where TreeDecoder.isVariableName(words[1]):
                return .success(Condition(test: .probe(.environment(words[1])), description: written))
            default:
                break
            }
        }
        if words.count == 3, TreeDecoder.isCommandName(words[0]), let comparison = Comparison(rawValue: words[1]),
           let version = Self.version(words[2]) {
            return .success(Condition(test: .version(command: words[0], comparison, version), description: written))
        }
        return .failure(ConditionError(text: written))
    }

    /// The probe whose answer decides the condition.
    public var probe: Probe.Check {
        switch test {
        case .probe(let check): check
        case .version(let command, _, _): .version(command)
        }
    }

    /// True or false once the machine has answered; nil while it has not, or cannot (the
    /// command is missing or prints no version): such an item is shown, marked as unchecked.
    public func holds(in board: ProbeBoard) -> Bool? {
        guard let result = board.results[probe.key] else { return nil }
        switch test {
        case .probe:
            return result.outcome == .unknown ? nil : result.passed
        case .version(_, let comparison, let wanted):
            guard result.outcome == .passed, let found = result.version.flatMap(Self.version) else { return nil }
            let order = Self.compare(found, wanted)
            switch comparison {
            case .atLeast: return order >= 0
            case .above: return order > 0
            case .atMost: return order <= 0
            case .below: return order < 0
            case .equal: return order == 0
            }
        }
    }

    /// `41.0.0` as [41, 0, 0]; nil unless dot-separated numbers.
    static func version(_ text: String) -> [Int]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { part in part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && !part.isEmpty && part.count <= 9 ? Int(part) : nil }
        return numbers.count == parts.count && !numbers.isEmpty ? numbers : nil
    }

    /// Compares component by component, missing ones as 0 (37 == 37.0.0).
    static func compare(_ lhs: [Int], _ rhs: [Int]) -> Int {
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0, right = index < rhs.count ? rhs[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }
}

/// A `when:` that is not one of the forms a condition takes.
public struct ConditionError: Error, Sendable, CustomStringConvertible {
    public let text: String

    public var description: String {
        "'\(TextSanitizer.line(String(text.prefix(60))))' is not a condition; write 'NAME >= VERSION' (or >, <=, <, ==), 'command NAME', 'file PATH' or 'env NAME'"
    }
}
