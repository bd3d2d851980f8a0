/// Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…::message`), which
/// GitHub shows as annotations on the changed lines of a pull request.
public enum GitHubAnnotations {
    public static func lines(for diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map(line)
    }

    public static func line(for diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let properties = [
            "file=" + escapedProperty(CIPath.relative(location.file)),
            "line=\(location.line)",
            "col=\(location.column)",
            "title=" + escapedProperty(diagnostic.code),
        ]
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapedData(diagnostic.message))"
    }

    /// The message part: GitHub decodes `%25`, `%0D` and `%0A`, so a newline in tree text can
    /// never start a second workflow command.
    public static func escapedData(_ text: String) -> String {
        escaped(text, extra: [:])
    }

    /// A property value, where `:` and `,` would also end the value early.
    public static func escapedProperty(_ text: String) -> String {
        escaped(text, extra: [":": "%3A", ",": "%2C"])
    }

    /// One pass: GitHub's escapes first, then any other hazardous character made visible, so the
    /// log stays safe on a terminal too.
    private static func escaped(_ text: String, extra: [Unicode.Scalar: String]) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if let replacement = extra[scalar] {
                    out += replacement
                } else if TextSanitizer.hazard(of: scalar, previous: previous) != nil {
                    out += TextSanitizer.visibleForm(of: scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
