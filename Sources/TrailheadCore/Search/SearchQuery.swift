/// A parsed search query, in fzf's syntax.
///
/// Space-separated terms must all match. A term is fuzzy unless marked: `'word` matches the
/// exact text, `^word` a field's start, `word$` a field's end, `!word` excludes nodes that
/// contain it (`!^word`, `!word$` too). `a | b` matches either. Smart case: a term with an
/// upper-case letter matches case-sensitively.
public struct SearchQuery: Equatable, Sendable {
    /// How a term is matched.
    public enum Kind: Equatable, Sendable {
        case fuzzy, exact, prefix, suffix, equal
    }

    /// One thing to look for.
    public struct Term: Equatable, Sendable {
        public var text: String
        public var kind: Kind
        public var inverse: Bool
        public var caseSensitive: Bool
        /// The term folded the way the index is (accents removed; lower-cased unless case-sensitive).
        public var bytes: [UInt8]

        init(text: String, kind: Kind, inverse: Bool, ignoreCase: Bool = false) {
            self.text = text
            self.kind = kind
            self.inverse = inverse
            caseSensitive = !ignoreCase && text.contains { $0.isUppercase }
            bytes = TextFolding.foldQuery(text, caseSensitive: caseSensitive)
        }
    }

    /// Every group must match; within a group (`a | b`), any term may.
    public var groups: [[Term]]

    public var isEmpty: Bool { groups.isEmpty }

    /// Whether the text ended with a space after the last group: more typing starts a new group
    /// rather than changing that one.
    public var lastGroupIsComplete: Bool

    /// `exact` reads every fuzzy term as exact text (fzf's `--exact`); `ignoreCase` turns smart
    /// case off (fzf's `-i`).
    public init(_ query: String, exact: Bool = false, ignoreCase: Bool = false) {
        var groups: [[Term]] = []
        var joinNext = false
        for word in query.split(separator: " ") {
            if word == "|" {
                joinNext = !groups.isEmpty
                continue
            }
            guard let term = Self.term(String(word), exact: exact, ignoreCase: ignoreCase) else { continue }
            if joinNext, !groups.isEmpty {
                groups[groups.count - 1].append(term)
            } else {
                groups.append([term])
            }
            joinNext = false
        }
        self.groups = groups
        lastGroupIsComplete = query.last == " " && !joinNext
    }

    static func term(_ word: String, exact: Bool = false, ignoreCase: Bool = false) -> Term? {
        var text = Substring(word)
        var inverse = false
        if text.hasPrefix("!") && text.count > 1 {
            inverse = true
            text = text.dropFirst()
        }
        var kind: Kind = inverse ? .exact : .fuzzy
        if text.hasPrefix("'") && text.count > 1 {
            kind = .exact
            text = text.dropFirst()
        } else if text.hasPrefix("^") && text.count > 1 {
            kind = .prefix
            text = text.dropFirst()
            if text.hasSuffix("$") && text.count > 1 {
                kind = .equal
                text = text.dropLast()
            }
        } else if text.hasSuffix("$") && text.count > 1 && !text.hasSuffix("\\$") {
            kind = .suffix
            text = text.dropLast()
        }
        guard !text.isEmpty else { return nil }
        if exact && kind == .fuzzy { kind = .exact }
        return Term(text: String(text), kind: kind, inverse: inverse, ignoreCase: ignoreCase)
    }

    /// The syntax, for the help overlay and `--help`.
    public static let syntaxHelp: [(example: String, meaning: String)] = [
        ("rucio dl", "fuzzy: the letters in order, all words must match"),
        ("'download", "exact text"),
        ("^rucio", "a title, label or text starting with it"),
        ("cfg$", "ending with it"),
        ("!legacy", "leave out nodes that contain it"),
        ("jupyter | binder", "either word"),
    ]
}
