/// Error messages as pasted, made comparable with the fragments trees list under `errors:`:
/// lower case, one space between words, and the parts that differ from one machine or run to the
/// next (paths, host names, numbers of four or more digits, times, quoted names, user@host)
/// replaced by a placeholder, in both the pasted text and the fragment.
public enum ErrorText {
    /// `text` with its volatile parts replaced: `scp: /home/ab12/x: Permission denied (publickey).`
    /// reads `scp: <path>: permission denied (publickey).`.
    public static func normalized(_ text: String) -> String {
        var out: [String] = []
        for token in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            out.append(normalizedToken(token))
        }
        return out.joined(separator: " ")
    }

    /// A fragment with `*` wildcards, as its literal pieces in order, each normalised.
    public static func pieces(of fragment: String) -> [String] {
        fragment.split(separator: "*").map { normalized(String($0)) }.filter { !$0.isEmpty }
    }

    /// Whether the pieces occur in `normalizedText` in order; the length of text they cover when they do.
    public static func match(_ pieces: [String], in normalizedText: String) -> Int? {
        guard !pieces.isEmpty else { return nil }
        var rest = normalizedText[...]
        var covered = 0
        for piece in pieces {
            guard let range = rest.firstRange(of: piece) else { return nil }
            covered += piece.count
            rest = rest[range.upperBound...]
        }
        return covered
    }

    private static func normalizedToken(_ token: Substring) -> String {
        // Punctuation around a token stays, so "(publickey)." still reads as in the message.
        let leading = token.prefix { "([{'\"`<".contains($0) }
        let trailing = token.reversed().prefix { ")]}'\"`>.,;:!?".contains($0) }
        guard leading.count + trailing.count < token.count else { return String(token) }
        let core = token.dropFirst(leading.count).dropLast(trailing.count)
        let replaced: String
        if (leading.last == "'" || leading.last == "\"" || leading.last == "`") && !core.isEmpty {
            replaced = "<q>"
        } else if core.contains("/") && (core.hasPrefix("/") || core.hasPrefix("~") || core.hasPrefix(".") || core.contains("://")) {
            replaced = "<path>"
        } else if core.contains("@") && !core.hasPrefix("@") && !core.hasSuffix("@") {
            replaced = "<user@host>"
        } else if isTime(core) {
            replaced = "<time>"
        } else if isHost(core) {
            replaced = "<host>"
        } else if core.count >= 4 && core.allSatisfy({ $0.isASCII && $0.isNumber }) {
            replaced = "<n>"
        } else {
            replaced = String(core)
        }
        return String(leading) + replaced + String(trailing.reversed())
    }

    /// `12:34:56`, `2026-12-06`, `2026-12-06T12:34:56Z`.
    private static func isTime(_ token: Substring) -> Bool {
        let digits = token.filter { $0.isASCII && $0.isNumber }.count
        return digits >= 4 && token.allSatisfy { ($0.isASCII && $0.isNumber) || ":-.tzTZ+".contains($0) }
            && (token.contains(":") || token.filter { $0 == "-" }.count == 2)
    }

    /// `vre-rucio.cern.ch`, `login01.example.org`: labels of letters, digits and `-`, joined by dots,
    /// the last of letters only.
    private static func isHost(_ token: Substring) -> Bool {
        let labels = token.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 3, let last = labels.last, last.count >= 2, last.allSatisfy({ $0.isLetter && $0.isASCII }) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
        }
    }
}
