/// Refuses regular expressions that Swift's backtracking matcher could take hours on, since
/// tree files come from many contributors and a pattern is matched while loading (against its
/// default) and on every value typed. Backtracking explodes when a repeated group can match the
/// same text in many ways: a repetition inside a repeated group (`(a+)+`) or alternatives inside
/// one (`(a|a)+`); back-references make matching harder still. Repetitions in a row cost a power
/// of the input's length (Swift's matcher takes about a microsecond a step: `^a*a*a*a*$` against
/// 256 characters took 25 s), so a pattern has at most `maxRepetitions` of them (`*`, `+`,
/// `{n,m}`; one inside a group counted `{n}` times counts n times, and so do alternatives; an
/// exact `{n}` is not one) and is only matched against `maxValueLength` characters, or searched
/// in `maxSearchedLength`.
public enum PatternSafety {
    public static let maxRepetitions = 3
    public static let maxValueLength = 256
    public static let maxSearchedLength = 128
    /// A counted group repeated more times than this is treated as unbounded: `(a|b){1,100}`
    /// explodes as `(a|b)+` does.
    static let largestCount = 16

    /// Why matching `pattern` could take too long, as a sentence; nil when it cannot.
    public static func problem(in pattern: String) -> String? {
        var scanner = Scanner(Array(pattern.unicodeScalars))
        return scanner.problem()
    }

    private struct Group {
        /// Unbounded repetitions inside, weighted by the counts of groups nested within.
        var repetitions = 0
        var alternates = false
        var start: Int
    }

    private enum Quantifier {
        case none
        /// Exactly this many times: a sequence, not a choice of lengths.
        case counted(Int)
        /// Between a few and at most this many times: a repetition, of bounded reach.
        case variable(Int)
        case unbounded
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0
        var groups: [Group] = [Group(start: 0)]

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        mutating func problem() -> String? {
            while position < scalars.count {
                let scalar = scalars[position]
                switch scalar {
                case "\\":
                    if let problem = skipEscape() { return problem }
                case "[":
                    skipClass()
                case "(":
                    skipGroupOpening()
                    continue
                case ")":
                    guard groups.count > 1, let closed = groups.popLast() else {
                        position += 1
                        continue
                    }
                    position += 1
                    let end = position
                    switch quantifier() {
                    case .unbounded:
                        let whole = String(String.UnicodeScalarView(scalars[closed.start..<end]))
                        let text = whole.count > 40 ? whole.prefix(39) + "…" : whole
                        if closed.repetitions > 0 {
                            return "it repeats '\(text)', which itself repeats: that can take exponential time on some input; repeat only once, e.g. '[a-z.]+' rather than '([a-z]+\\.?)+'"
                        }
                        if closed.alternates {
                            return "it repeats '\(text)', which has alternatives: that can take exponential time on some input; use a character class, e.g. '[ab]+' rather than '(a|b)+'"
                        }
                        if let problem = count(1) { return problem }
                    case .variable(let times):
                        // Each pass through alternatives multiplies the ways to match, as a repetition does.
                        let inside = closed.repetitions + (closed.alternates ? 1 : 0)
                        if let problem = count(inside == 0 ? 1 : inside * times) { return problem }
                    case .counted(let times):
                        if let problem = count((closed.repetitions + (closed.alternates ? 1 : 0)) * times) { return problem }
                    case .none:
                        if let problem = count(closed.repetitions) { return problem }
                    }
                    continue
                case "|":
                    groups[groups.count - 1].alternates = true
                    position += 1
                    continue
                default:
                    position += 1
                }
                switch quantifier() {
                case .unbounded, .variable:
                    if let problem = count(1) { return problem }
                case .counted, .none:
                    break
                }
            }
            return nil
        }

        /// Adds repetitions to the innermost open group; a closed group's are added to the
        /// group around it, so the outermost group's count is the whole pattern's.
        private mutating func count(_ added: Int) -> String? {
            groups[groups.count - 1].repetitions += added
            guard groups[0].repetitions + groups.dropFirst().reduce(0, { $0 + $1.repetitions }) > PatternSafety.maxRepetitions else { return nil }
            return "it has more than \(PatternSafety.maxRepetitions) repetitions ('*', '+', '{n,m}'): several in a row can take a very long time on some input; simplify it"
        }

        /// Skips the quantifier at `position`, if any.
        private mutating func quantifier() -> Quantifier {
            guard position < scalars.count else { return .none }
            let found: Quantifier
            switch scalars[position] {
            case "*", "+":
                found = .unbounded
                position += 1
            case "?":
                found = .none
                position += 1
            case "{":
                guard let (lower, upper, end) = countedRange(from: position) else { return .none }
                if upper < 0 || upper > PatternSafety.largestCount {
                    found = .unbounded
                } else if upper < 2 {
                    found = .none
                } else {
                    found = upper > lower ? .variable(upper) : .counted(upper)
                }
                position = end
            default:
                return .none
            }
            // A lazy or possessive mark changes the order of attempts, not their number.
            if position < scalars.count, scalars[position] == "?" || scalars[position] == "+" { position += 1 }
            return found
        }

        /// `{n}`, `{n,}` or `{n,m}` starting at `start`: its bounds (-1 for no upper bound) and
        /// where it ends; nil when the brace is a literal.
        private func countedRange(from start: Int) -> (Int, Int, Int)? {
            var index = start + 1
            var numbers: [Int] = [0]
            var sawComma = false
            var sawDigit = false
            while index < scalars.count, scalars[index] != "}" {
                let scalar = scalars[index]
                if scalar == ",", !sawComma {
                    sawComma = true
                    numbers.append(-1)
                } else if ("0"..."9").contains(scalar) {
                    sawDigit = true
                    numbers[numbers.count - 1] = min(1_000_000, max(0, numbers[numbers.count - 1]) * 10 + Int(scalar.value - 48))
                } else {
                    return nil
                }
                index += 1
            }
            guard index < scalars.count, sawDigit else { return nil }
            return (max(0, numbers[0]), numbers.count == 2 ? numbers[1] : numbers[0], index + 1)
        }

        private mutating func skipEscape() -> String? {
            guard position + 1 < scalars.count else {
                position += 1
                return nil
            }
            let next = scalars[position + 1]
            if ("1"..."9").contains(next) || next == "k" || next == "g" {
                return "it refers back to a group ('\\\(next)'), which can take exponential time on some input; match the text again instead"
            }
            position += 2
            if next == "Q" {
                while position + 1 < scalars.count, !(scalars[position] == "\\" && scalars[position + 1] == "E") { position += 1 }
                position = min(scalars.count, position + 2)
            } else if "pPxuNo".unicodeScalars.contains(next), position < scalars.count, scalars[position] == "{" {
                while position < scalars.count, scalars[position] != "}" { position += 1 }
                position = min(scalars.count, position + 1)
            }
            return nil
        }

        /// A character class, nested classes and escapes included, is one atom.
        private mutating func skipClass() {
            var depth = 0
            repeat {
                switch scalars[position] {
                case "\\": position += 1
                case "[": depth += 1
                case "]": depth -= 1
                default: break
                }
                position += 1
                // A `]` right after the opening `[` or `[^` is a literal.
                if depth > 0, position < scalars.count, scalars[position] == "]",
                   scalars[position - 1] == "[" || (scalars[position - 1] == "^" && scalars[position - 2] == "[") {
                    position += 1
                }
            } while depth > 0 && position < scalars.count
        }

        /// Opens a group, skipping its kind (`?:`, `?<name>`, `?=`, `?i:`…); a comment `(?#…)`
        /// and a flag setting `(?i)` open nothing.
        private mutating func skipGroupOpening() {
            let start = position
            position += 1
            guard position < scalars.count, scalars[position] == "?" else {
                groups.append(Group(start: start))
                return
            }
            position += 1
            if position < scalars.count, scalars[position] == "#" {
                while position < scalars.count, scalars[position] != ")" { position += 1 }
                position = min(scalars.count, position + 1)
                return
            }
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == ")" {
                    position += 1
                    return
                }
                position += 1
                if scalar == ":" || scalar == "=" || scalar == "!" || scalar == ">" || scalar == "|" || scalar == "'" {
                    break
                }
                if scalar == "<", position < scalars.count, scalars[position] == "=" || scalars[position] == "!" {
                    position += 1
                    break
                }
            }
            groups.append(Group(start: start))
        }
    }
}
