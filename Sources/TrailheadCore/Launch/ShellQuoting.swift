/// Quotes values for POSIX shells (bash, zsh, sh) and fish, so a value is always one word.
public enum ShellQuoting {
    /// The value unchanged when it holds only characters no shell treats specially, else in
    /// single quotes, with each single quote and backslash closed, escaped and reopened: inside
    /// single quotes fish still reads `\\` and `\'`, so a backslash left there could change the
    /// value or, at its end, keep the quote open.
    public static func quote(_ value: String) -> String {
        if isPlainWord(value) { return value }
        // Scalar by scalar: a quote followed by a combining mark is one Character, which a
        // Character-level replace would miss, leaving the quote to end the quoting.
        var quoted = String.UnicodeScalarView()
        quoted.append("'")
        for scalar in value.unicodeScalars {
            if scalar == "'" {
                quoted.append(contentsOf: "'\\''".unicodeScalars)
            } else if scalar == "\\" {
                quoted.append(contentsOf: "'\\\\'".unicodeScalars)
            } else {
                quoted.append(scalar)
            }
        }
        quoted.append("'")
        return String(quoted)
    }

    /// `value` quoted for the place it stands in a command, so it stays one literal piece of
    /// text there; nil where no quoting is safe. Inside quotes the quotes are closed around the
    /// quoted value and reopened, unless the value holds nothing those quotes act on.
    public static func quote(_ value: String, in context: ShellContext) -> String? {
        switch context {
        case .word:
            return quote(value)
        case .singleQuoted:
            return value.unicodeScalars.contains { $0 == "'" || $0 == "\\" } ? "'" + quote(value) + "'" : value
        case .doubleQuoted:
            return value.unicodeScalars.contains(where: actsInDoubleQuotes) ? "\"" + quote(value) + "\"" : value
        case .hereDocument(expanding: false):
            return value
        case .hereDocument(expanding: true):
            var escaped = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                if scalar == "\\" || scalar == "$" || scalar == "`" { escaped.append("\\") }
                escaped.append(scalar)
            }
            return String(escaped)
        case .unquotable:
            return nil
        }
    }

    /// `$`, backquote and backslash expand or escape inside double quotes, and `!` recalls
    /// history in interactive bash and zsh.
    private static func actsInDoubleQuotes(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "$" || scalar == "`" || scalar == "\\" || scalar == "\"" || scalar == "!"
    }

    /// A value no shell changes when it stands as a word of its own: only safe characters, and
    /// not starting with `=` (zsh expands `=name` to a program's path) or `%` (fish expands `%self`).
    static func isPlainWord(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first != "=", first != "%" else { return false }
        return value.unicodeScalars.allSatisfy(isSafe)
    }

    static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "@", "%", "+", "=", ":", ",", ".", "/", "-": true
        default: false
        }
    }
}
