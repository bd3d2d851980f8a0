/// A POSIX shell's word splitting and quote removal, for checking that quoting yields one literal word.
enum ShellWords {
    /// The words of `line` after quote removal, or nil when an unquoted character would make a
    /// shell expand, glob, redirect or end the command, or a quote is left open.
    static func split(_ line: String) -> [String]? {
        let scalars = Array(line.unicodeScalars)
        var words: [String] = []
        var word: String.UnicodeScalarView?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case " ", "\t", "\n":
                if let finished = word { words.append(String(finished)) }
                word = nil
            case "'":
                guard let close = scalars[index...].firstIndex(of: "'") else { return nil }
                word = (word ?? String.UnicodeScalarView()) + scalars[index..<close]
                index = close + 1
            case "\"":
                guard let (text, next) = doubleQuoted(scalars, from: index) else { return nil }
                word = (word ?? String.UnicodeScalarView()) + text
                index = next
            case "\\":
                guard index < scalars.count else { return nil }
                if scalars[index] != "\n" { word = (word ?? String.UnicodeScalarView()) + [scalars[index]] }
                index += 1
            case "|", "&", ";", "<", ">", "(", ")", "$", "`", "*", "?", "[", "{", "}", "!":
                return nil
            case "#" where word == nil, "~" where word == nil:
                return nil
            default:
                word = (word ?? String.UnicodeScalarView()) + [scalar]
            }
        }
        if let finished = word { words.append(String(finished)) }
        return words
    }

    /// The text inside double quotes starting at `start`, and the index after the closing quote;
    /// nil when it is unclosed or would expand something.
    private static func doubleQuoted(_ scalars: [Unicode.Scalar], from start: Int) -> (String.UnicodeScalarView, Int)? {
        var text = String.UnicodeScalarView()
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\"":
                return (text, index)
            case "$", "`", "!":
                return nil
            case "\\" where index < scalars.count && "$`\"\\\n".unicodeScalars.contains(scalars[index]):
                if scalars[index] != "\n" { text.append(scalars[index]) }
                index += 1
            default:
                text.append(scalar)
            }
        }
        return nil
    }
}
