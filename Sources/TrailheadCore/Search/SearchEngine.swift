/// What a search pane searches: an index built in memory or a snapshot mapped from disk.
public protocol SearchEngine: Sendable {
    /// Matches of `query`, the best `limit` first; only among `candidates` (an earlier search's
    /// matches, which this query narrows) when given, reusing the scores that search `settled`.
    func search(_ query: SearchQuery, limit: Int, within candidates: [Int32]?, settled: SettledScores?) -> SearchOutcome
}
