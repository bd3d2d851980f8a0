#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses regular expressions that Swift's backtracking matcher could take hours on, since
/// tree files come from many contributors and a pattern is matched while loading (against its
/// default) and on every value typed. A failing match tries every way the pattern could match
/// the value, and the ways multiply: measured on 256 characters, `^a*a*a*a*$` took 25 s,
/// `^(a?){16}a{16}$` 61 s, sixteen `a?` in a row 13 s. So a repeated group whose content can
/// itself vary (`(a+)+`, `(a|b){3}`, `(\.\d+){2}`) is refused outright, as are back-references;
/// only `?` may follow such a group. Everything else is weighed in bits, at most `maxBits`: a
/// repetition (`*`, `+`, `{n,}`) 8, an optional part 2, `{n,m}` and alternatives twice log2
/// of their choices. Values longer than `maxValueLength` never match, and probes search the
/// first `maxSearchedLength` characters.
public enum PatternSafety {
    public static let maxValueLength = 256
    public static let maxSearchedLength = 64
    /// Three repetitions in a row and an optional part (`^v?\d+\.\d+\.\d+$`; `^a*a*a*$` took
    /// 0.4 s at worst), or thirteen optional parts.
    static let maxBits = 26.0
    static let repetitionBits = 8.0
    /// A counted group repeated more times than this is treated as unbounded: `(a|b){1,100}`
    /// explodes as `(a|b)+` does.
    static let largestCount = 16

    /// Why matching `pattern` could take too long, as a sentence; nil when it cannot.
    public static func problem(in pattern: String) -> String? {
        var scanner = Scanner(Array(pattern.unicodeScalars))
        return scanner.problem()
    }

    private struct Group {
        /// log2 of the ways what the group holds so far can match one text.
        var bits = 0.0
        var branches = 1
        /// Whether anything inside can match in more than one way.
        var varies = false
        var start: Int

        var total: Double { bits + 2 * log2(Double(branches)) }
    }

    private enum Quantifier {
        case none
        case optional
        /// Exactly n times, n > 1: a sequence, not a choice of lengths.
        case counted
        case variable(lower: Int, upper: Int)
        case unbounded

        /// The weight of choosing how many times, in the bits `maxBits` bounds.
        var bits: Double {
            switch self {
            case .none, .counted: 0
            case .optional: 2
            case .variable(let lower, let upper): 2 * log2(Double(upper - lower + 1))
            case .unbounded: PatternSafety.repetitionBits
            }
        }
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
                    let inside = closed.total
                    let quantifier = quantifier()
                    let varies = closed.varies || closed.branches > 1
                    if varies || quantifier.bits > 0 { groups[groups.count - 1].varies = true }
                    switch quantifier {
                    case .unbounded where varies, .variable where varies, .counted where varies:
                        let whole = String(String.UnicodeScalarView(scalars[closed.start..<end]))
                        let text = whole.count > 40 ? whole.prefix(39) + "…" : whole
                        if closed.branches > 1 {
                            return "it repeats '\(text)', which has alternatives: that can take exponential time on some input; use a character class, e.g. '[ab]+' rather than '(a|b)+'"
                        }
                        return "it repeats '\(text)', which itself can match in several ways: that can take exponential time on some input; write it out, e.g. '\\d+\\.\\d+' rather than '(\\d+\\.?){2}', or use one character class, e.g. '[a-z.]+' rather than '([a-z]+\\.?)+'"
                    case .none, .optional, .counted, .variable, .unbounded:
                        if let problem = add(inside + quantifier.bits) { return problem }
                    }
                    continue
                case "|":
                    groups[groups.count - 1].branches += 1
                    position += 1
                    continue
                default:
                    position += 1
                }
                if let problem = add(quantifier().bits) { return problem }
            }
            return nil
        }

        /// Adds to the innermost open group; a closed group's total is added to the group around
        /// it, so the open groups together hold the whole pattern's.
        private mutating func add(_ bits: Double) -> String? {
            if bits > 0 { groups[groups.count - 1].varies = true }
            groups[groups.count - 1].bits += bits
            let total = groups.reduce(0) { $0 + $1.total }
            guard total > PatternSafety.maxBits else { return nil }
            return "it can match the same text in too many ways: repetitions in a row, optional parts and alternatives multiply them; simplify it, e.g. with one character class"
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
                found = .optional
                position += 1
            case "{":
                guard let (lower, upper, end) = countedRange(from: position) else { return .none }
                if upper < 0 || upper > PatternSafety.largestCount {
                    found = .unbounded
                } else if upper > lower {
                    found = .variable(lower: lower, upper: upper)
                } else {
                    found = upper > 1 ? .counted : .none
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
