/// The `pattern` of a placeholder: a regular expression the whole value must match.
public enum PlaceholderPattern {
    /// The compiled pattern; refused when it is not valid, or when matching it could take
    /// exponential time (see `PatternSafety`).
    public static func compile(_ pattern: String) -> Result<Regex<AnyRegexOutput>, PatternError> {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            return .failure(PatternError(description: TextSanitizer.line(String(describing: error).prefix(120).description)))
        }
        if let problem = PatternSafety.problem(in: pattern) {
            return .failure(PatternError(description: TextSanitizer.line(problem), isSlow: true))
        }
        return .success(regex)
    }

    /// Whether the whole value matches; a value longer than `PatternSafety.maxValueLength` never
    /// does, since the time to match can grow with a power of the length.
    public static func matches(_ regex: Regex<AnyRegexOutput>, _ value: String) -> Bool {
        value.unicodeScalars.count <= PatternSafety.maxValueLength && (try? regex.wholeMatch(in: value)) != nil
    }

    /// Why a pattern could not be compiled, or is refused as too slow to match.
    public struct PatternError: Error, CustomStringConvertible {
        public var description: String
        public var isSlow = false

        /// How a diagnostic about `key` begins.
        func lead(for key: String) -> String {
            isSlow ? "'\(key)' is refused" : "'\(key)' is not a valid regular expression"
        }
    }
}
