/// The `pattern` of a placeholder: a regular expression the whole value must match.
public enum PlaceholderPattern {
    public static func compile(_ pattern: String) -> Result<Regex<AnyRegexOutput>, PatternError> {
        do {
            return .success(try Regex(pattern))
        } catch {
            return .failure(PatternError(description: TextSanitizer.line(String(describing: error).prefix(120).description)))
        }
    }

    public static func matches(_ regex: Regex<AnyRegexOutput>, _ value: String) -> Bool {
        (try? regex.wholeMatch(in: value)) != nil
    }

    /// Why a pattern could not be compiled.
    public struct PatternError: Error, CustomStringConvertible {
        public var description: String
    }
}
