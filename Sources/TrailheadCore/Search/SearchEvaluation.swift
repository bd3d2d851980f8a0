/// How well search answers a set of newcomer queries (`bench/queries.tsv`): each query with the
/// nodes that must come first, or none when the trees do not cover it. `make bench` prints the
/// report; a test keeps its floor.
public struct SearchEvaluation: Sendable {
    public struct Row: Sendable, Equatable {
        public var query: String
        /// Any of these first is right; empty when nothing good should match.
        public var wanted: [NodeKey]
        public var kind: String
    }

    public struct Report: Sendable {
        public var rows: Int
        /// Rows with wanted nodes whose first answer is one of them.
        public var topOne: Double
        public var topThree: Double
        public var meanReciprocalRank: Double
        /// Rows for topics the trees do not cover that were answered "nothing good".
        public var uncoveredAnsweredNothing: Double
        /// Each row that missed, as `kind  query → first answers`.
        public var misses: [String]

        public var summary: String {
            func percent(_ value: Double) -> String { String(Int((value * 100).rounded())) + "%" }
            return "\(rows) queries: top-1 \(percent(topOne)), top-3 \(percent(topThree)), MRR \(String(Int((meanReciprocalRank * 100).rounded())))/100, "
                + "uncovered answered \"nothing good\" \(percent(uncoveredAnsweredNothing)) (junk rate \(percent(1 - uncoveredAnsweredNothing)))"
        }
    }

    /// The rows of a TSV: query, wanted nodes (comma-separated, or `none`), kind; `#` starts a comment.
    public static func rows(tsv: String) -> [Row] {
        tsv.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 2 else { return nil }
            let wanted = columns[1] == "none" ? [] : columns[1].split(separator: ",").compactMap { NodeKey(parsing: String($0)) }
            return Row(query: columns[0], wanted: wanted, kind: columns.count > 2 ? columns[2] : "")
        }
    }

    /// Runs every row as the search pane does (`RankedSearch`) and scores the answers.
    public static func run(_ rows: [Row], catalog: Catalog) -> Report {
        let fuzzy = SearchIndex(catalog: catalog)
        let words = WordIndex(catalog: catalog)
        var covered = 0, topOne = 0, topThree = 0, uncovered = 0, nothing = 0
        var reciprocal = 0.0
        var misses: [String] = []
        for row in rows {
            let ranked: RankedSearch
            if RankedSearch.reading(of: row.query) == .words {
                ranked = RankedSearch.words(words.search(row.query, limit: 20))
            } else {
                ranked = RankedSearch.fuzzy(fuzzy.search(row.query, limit: 20), query: SearchQuery(row.query), text: row.query, catalog: catalog) { words }
            }
            let answers = ranked.answers.map(\.key)
            let shown = answers.prefix(3).map(\.description).joined(separator: ", ")
            guard !row.wanted.isEmpty else {
                uncovered += 1
                if answers.isEmpty { nothing += 1 } else { misses.append("\(row.kind)  \(row.query) → \(shown) (wanted nothing)") }
                continue
            }
            covered += 1
            let rank = answers.firstIndex { row.wanted.contains($0) }
            if rank == 0 { topOne += 1 }
            if let rank, rank < 3 { topThree += 1 }
            if let rank { reciprocal += 1 / Double(rank + 1) }
            if rank != 0 { misses.append("\(row.kind)  \(row.query) → \(shown.isEmpty ? "nothing" : shown)") }
        }
        return Report(
            rows: rows.count, topOne: Double(topOne) / Double(max(covered, 1)), topThree: Double(topThree) / Double(max(covered, 1)),
            meanReciprocalRank: reciprocal / Double(max(covered, 1)), uncoveredAnsweredNothing: Double(nothing) / Double(max(uncovered, 1)),
            misses: misses)
    }
}
