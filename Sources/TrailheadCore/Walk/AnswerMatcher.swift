/// Interprets a typed answer as one of a question's choices: a number, or the start of a label.
public enum AnswerMatcher {
    /// Why an answer did not pick exactly one choice.
    public enum Failure: Error, Equatable, Sendable {
        case noMatch
        case ambiguous([String])
    }

    /// The 0-based index of the chosen label. Numbers count from 1; labels match case- and
    /// accent-insensitively, an exact label first, then a unique prefix, then a unique word prefix.
    public static func choose(_ answer: String, among labels: [String]) -> Result<Int, Failure> {
        let trimmed = answer.trimmingSpaces
        if let number = Int(trimmed) {
            return (1...max(labels.count, 1)).contains(number) && !labels.isEmpty ? .success(number - 1) : .failure(.noMatch)
        }
        let wanted = TextFolding.fold(trimmed).lower
        guard !wanted.isEmpty else { return .failure(.noMatch) }
        let folded = labels.map { TextFolding.fold($0).lower }
        if let exact = folded.firstIndex(of: wanted) { return .success(exact) }
        for candidates in [
            folded.indices.filter { folded[$0].starts(with: wanted) },
            folded.indices.filter { index in words(of: folded[index]).contains { $0.starts(with: wanted) } },
        ] {
            if candidates.count == 1 { return .success(candidates[0]) }
            if candidates.count > 1 { return .failure(.ambiguous(candidates.map { labels[$0] })) }
        }
        return .failure(.noMatch)
    }

    private static func words(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(whereSeparator: { FuzzyMatcher.isSeparator($0) })
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line ends.
    public var trimmingSpaces: String {
        String(trimmingSpacesSubstring)
    }

    var trimmingSpacesSubstring: SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
