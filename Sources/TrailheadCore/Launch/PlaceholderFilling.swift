/// Fills a command's `{name}` placeholders with values, quoting each for the shell.
public enum PlaceholderFilling {
    /// Why a value cannot be used.
    public enum Problem: Error, Equatable, Sendable {
        case missing(name: String, prompt: String)
        /// `requirement` is the placeholder's `pattern-hint`, or "it must match PATTERN".
        case invalid(name: String, value: String, pattern: String)
        /// Longer than a value checked against a pattern may be (`PatternSafety.maxValueLength`).
        case tooLong(name: String, length: Int)
        case unsafe(name: String, character: String)
        /// The command itself holds a character a shell line would hide or act on (an invisible,
        /// bidi or control character, or a line break without `multiline: true`).
        case unsafeCommand(character: String)
        /// The placeholder stands where no quoting keeps a value literal (`ShellContext.unquotable`).
        case unquotable(name: String, reason: String)
        /// The placeholder's pattern does not compile, so no value can be checked against it.
        case unusablePattern(name: String)
    }

    /// Why the command text itself must not be put into a shell line; nil when it may.
    ///
    /// The loader already refuses such trees; this guards the last step before a shell, so a
    /// command that reached the catalog some other way is still never inserted.
    public static func problem(with command: Command) -> Problem? {
        guard let hazard = TextSanitizer.firstHazard(in: command.run, multiline: command.multiline) else { return nil }
        return .unsafeCommand(character: hazard.scalar == "\n" ? "a line break" : TextSanitizer.codePoint(hazard.scalar))
    }

    /// Checks one value against the placeholder's rules; nil when it is fine.
    public static func problem(with value: String, for placeholder: Placeholder) -> Problem? {
        if let hazard = TextSanitizer.firstHazard(in: value, multiline: false) {
            return .unsafe(name: placeholder.name, character: TextSanitizer.codePoint(hazard.scalar))
        }
        if let pattern = placeholder.pattern {
            // A pattern the loader accepted always compiles; one that does not accepts nothing.
            guard case .success(let regex) = PlaceholderPattern.compile(pattern) else { return .unusablePattern(name: placeholder.name) }
            let length = value.unicodeScalars.count
            if length > PatternSafety.maxValueLength { return .tooLong(name: placeholder.name, length: length) }
            if !PlaceholderPattern.matches(regex, value) {
                return .invalid(name: placeholder.name, value: value, pattern: placeholder.patternHint ?? "it must match \(pattern)")
            }
        }
        return nil
    }

    /// The command with every placeholder replaced by its quoted value; a value missing from
    /// `values` falls back to the default, and with neither the result is `.missing`.
    public static func fill(_ command: Command, values: [String: String]) -> Result<String, Problem> {
        if let problem = problem(with: command) { return .failure(problem) }
        var filled = ""
        for (segment, context) in contextualSegments(of: command) {
            switch segment {
            case .literal(let text):
                filled += text
            case .placeholder(let name):
                guard let placeholder = command.placeholders.first(where: { $0.name == name }) else { continue }
                guard let value = values[name] ?? placeholder.defaultValue else {
                    return .failure(.missing(name: name, prompt: placeholder.prompt))
                }
                if let problem = problem(with: value, for: placeholder) { return .failure(problem) }
                guard let context, let quoted = ShellQuoting.quote(value, in: context) else {
                    if case .unquotable(let reason) = context { return .failure(.unquotable(name: name, reason: reason)) }
                    return .failure(.unquotable(name: name, reason: "its place in the command is unknown"))
                }
                filled += quoted
            }
        }
        return .success(filled)
    }

    /// The command's segments, each placeholder with the shell context it stands in.
    public static func contextualSegments(of command: Command) -> [(segment: PlaceholderScanner.Segment, context: ShellContext?)] {
        let segments = PlaceholderScanner.segments(of: command.run, declared: Set(command.placeholders.map(\.name)))
        var contexts = ShellContext.contexts(of: segments).makeIterator()
        return segments.map { segment in
            if case .placeholder = segment { return (segment, contexts.next()) }
            return (segment, nil)
        }
    }

    public static func describe(_ problem: Problem) -> String {
        switch problem {
        case .missing(let name, let prompt):
            return "no value for {\(name)} (\(TextSanitizer.line(prompt))); give one with --set \(name)=VALUE"
        case .invalid(let name, let value, let requirement):
            return "'\(TextSanitizer.line(value))' is not a valid {\(name)}: \(TextSanitizer.line(requirement))"
        case .tooLong(let name, let length):
            return "the value for {\(name)} is \(length) characters long; a value checked against a pattern may have at most \(PatternSafety.maxValueLength)"
        case .unsafe(let name, let character):
            return "the value for {\(name)} contains \(character); type it without invisible or control characters"
        case .unsafeCommand(let character):
            return "not used: the command contains \(character), which a shell line would hide or run early"
        case .unusablePattern(let name):
            return "{\(name)} cannot be filled: its pattern is not a valid or safe regular expression"
        case .unquotable(let name, let reason):
            return "not used: {\(name)} cannot be filled safely, because \(reason)"
        }
    }
}
