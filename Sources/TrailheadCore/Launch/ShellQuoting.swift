/// Quotes values for POSIX shells (bash, zsh, sh) and fish, so a value is always one word.
public enum ShellQuoting {
    /// The value unchanged when it holds only characters no shell treats specially, else in
    /// single quotes, with each single quote and backslash closed, escaped and reopened: inside
    /// single quotes fish still reads `\\` and `\'`, so a backslash left there could change the
    /// value or, at its end, keep the quote open.
    public static func quote(_ value: String) -> String {
        if !value.isEmpty && value.unicodeScalars.allSatisfy(isSafe) { return value }
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

    static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "@", "%", "+", "=", ":", ",", ".", "/", "-": true
        default: false
        }
    }
}
