extension SearchQuery.Kind {
    /// Where a term of this kind matches `text[from..<to]`: its first and last byte, or nil.
    /// The one definition of the kinds, used both to score and to report positions.
    @inline(__always)
    func bounds(of termBytes: FuzzyMatcher.Bytes, in text: FuzzyMatcher.Bytes, from: Int, to: Int) -> (start: Int, end: Int)? {
        let length = termBytes.count
        switch self {
        case .fuzzy:
            return FuzzyMatcher.fuzzyBounds(termBytes, in: text, from: from, to: to)
        case .exact:
            return FuzzyMatcher.exactStart(termBytes, in: text, from: from, to: to).map { ($0, $0 + length - 1) }
        case .prefix, .equal:
            // `^word$` is a prefix that is also the whole field.
            guard to - from >= length, self != .equal || to - from == length,
                  FuzzyMatcher.exactStart(termBytes, in: text, from: from, to: from + length) == from else { return nil }
            return (from, from + length - 1)
        case .suffix:
            guard to - from >= length, FuzzyMatcher.exactStart(termBytes, in: text, from: to - length, to: to) == to - length else { return nil }
            return (to - length, to - 1)
        }
    }
}
