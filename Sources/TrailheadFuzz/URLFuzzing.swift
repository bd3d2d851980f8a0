import TrailheadCore

/// Arbitrary strings through the URL rules, shell quoting, the placeholder scanner, filling
/// and pattern compilation.
enum URLFuzzing {
    private static let declared: Set<String> = ["a", "did", "scope-1"]

    /// A command whose one placeholder stands alone, so the filled text must be two shell words.
    private static let echo = Command(
        run: "echo {a}", does: "prints it",
        placeholders: [Placeholder(name: "a", prompt: "anything", defaultValue: nil, pattern: nil, location: location)],
        multiline: false, location: location)
    private static let location = SourceLocation(file: "fuzz.yaml", line: 1, column: 1)

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        checkURL(text)
        checkQuoting(text)
        checkScanner(text)
        checkPattern(bytes)
    }

    private static func checkURL(_ url: String) {
        guard URLRules.problem(with: url) == nil else { return }
        let scheme = url.prefix { $0 != ":" }.lowercased()
        if !URLRules.allowedSchemes.contains(scheme) { fatalError("accepted scheme '\(scheme)' in \(url.debugDescription)") }
        if let bad = url.unicodeScalars.first(where: { $0.properties.isWhitespace || TerminalSafety.isObeyed($0) }) {
            fatalError("accepted URL with U+\(String(bad.value, radix: 16)): \(url.debugDescription)")
        }
    }

    private static func checkQuoting(_ value: String) {
        let quoted = ShellQuoting.quote(value)
        if ShellWords.split(quoted) != [value] {
            fatalError("\(quoted.debugDescription) is not the one word \(value.debugDescription)")
        }
        switch PlaceholderFilling.fill(echo, values: ["a": value]) {
        case .success(let filled):
            if ShellWords.split(filled) != ["echo", value] { fatalError("filled \(filled.debugDescription) is not two words") }
            if TextSanitizer.firstHazard(in: value, multiline: false) != nil { fatalError("filled a hazardous value") }
        case .failure(let problem):
            guard case .unsafe = problem else { fatalError("unexpected \(problem) for \(value.debugDescription)") }
        }
    }

    private static func checkScanner(_ text: String) {
        let segments = PlaceholderScanner.segments(of: text, declared: declared)
        let rebuilt = segments.map { segment in
            switch segment {
            case .literal(let literal): literal
            case .placeholder(let name): "{\(name)}"
            }
        }.joined()
        if rebuilt != text { fatalError("segments rebuild \(rebuilt.debugDescription), not \(text.debugDescription)") }
        for name in PlaceholderScanner.names(in: text, declared: declared) where !declared.contains(name) {
            fatalError("undeclared placeholder \(name) found")
        }
        for name in PlaceholderScanner.undeclaredNames(in: text, declared: declared) where declared.contains(name) || !PlaceholderScanner.isValidName(name.lowercased()) {
            fatalError("'\(name)' reported as an undeclared name")
        }
    }

    /// A pattern and a value split at the first zero byte. Patterns on which backtracking is
    /// exponential must be refused (`PatternSafety`), so the value may be long enough for one that
    /// slipped through to hit the fuzzer's one-second timeout; repetitions in a row, which cost a
    /// power of the length, stay far under it at 64 characters.
    private static func checkPattern(_ bytes: [UInt8]) {
        guard let zero = bytes.firstIndex(of: 0), zero <= 64, bytes.count - zero <= 65 else { return }
        let pattern = String(decoding: bytes[..<zero], as: UTF8.self)
        guard case .success(let regex) = PlaceholderPattern.compile(pattern) else { return }
        _ = PlaceholderPattern.matches(regex, String(decoding: bytes[(zero + 1)...], as: UTF8.self))
    }
}
