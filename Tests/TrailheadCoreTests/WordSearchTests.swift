import Foundation
import Testing
@testable import TrailheadCore

/// Search in a newcomer's words: how a query is read, word relevance with stems, typos, aliases
/// and prefixes, error messages matched through their volatile parts, and the confidence line.
@Suite struct WordSearchTests {
    static let catalog = TestTrees.bundledLibrary.catalog
    static let words = WordIndex(catalog: catalog)

    static func first(_ query: String) -> String? {
        let ranked: RankedSearch
        if RankedSearch.reading(of: query) == .words {
            ranked = RankedSearch.words(words.search(query))
        } else {
            ranked = RankedSearch.fuzzy(SearchIndex(catalog: catalog).search(query, limit: 50), query: SearchQuery(query), text: query, catalog: catalog) { words }
        }
        return ranked.answers.first?.key.description
    }

    @Test(arguments: [
        ("rucio dl", RankedSearch.Reading.fuzzy), ("^cert", .fuzzy), ("sacct", .fuzzy), ("jupyter | binder", .fuzzy),
        ("how do I download a file", .words), ("where can I ask a question", .words), ("Permission denied (publickey)", .words),
        ("voms-proxy-init: command not found", .words), ("what is rucio?", .words), ("to download", .words), ("line one\nline two", .words),
        ("how do I 'download", .fuzzy),
    ])
    func queriesAreReadAsWordsOrAsFuzzyPatterns(query: String, reading: RankedSearch.Reading) {
        #expect(RankedSearch.reading(of: query) == reading)
    }

    /// The table of issue 20: each of these found the wrong node, or nothing, before word search.
    @Test(arguments: [
        ("how do I download a file", ["escape-vre/rucio-download", "escape-vre/rucio-first-download"]),
        ("where can I ask a question", ["escape-vre/mattermost", "escape-vre/help", "login-node/help"]),
        ("Permission denied (publickey)", ["login-node/ssh-troubleshoot"]),
        ("voms-proxy-init: command not found", ["escape-vre/voms-proxy"]),
        ("403 forbidden", ["escape-vre/rucio-auth-errors"]),
        ("slack", ["escape-vre/mattermost"]),
        ("sacct", ["login-node/slurm-after"]),
        ("gpu", ["login-node/slurm-gpu"]),
    ])
    func theNewcomersQueriesFindWhatTheyWantFirst(query: String, wanted: [String]) {
        let found = Self.first(query)
        #expect(found.map(wanted.contains) == true, "'\(query)' found \(found ?? "nothing") first")
    }

    /// Porter2, as Snowball's reference implementation stems (its published examples).
    @Test(arguments: [
        ("downloading", "download"), ("downloads", "download"), ("running", "run"), ("certificates", "certif"),
        ("generously", "generous"), ("consignment", "consign"), ("x509", "x509"), ("mattermost", "mattermost"),
    ])
    func theStemmerStemsAsSnowballDoes(word: String, stem: String) {
        #expect(Stemmer().stem(word) == stem)
    }

    @Test func stemsTyposPrefixesAndAliasesFindTheWord() {
        let slots = Self.words.slots("downloading mattermots jupyterh")
        #expect(slots.map(\.word) == ["downloading", "mattermots", "jupyterh"])
        #expect(slots.allSatisfy { !$0.candidates.isEmpty }, "the stem, the typo and the prefix each stand for a term")
        #expect(Self.first("mattermots") == "escape-vre/mattermost")
        #expect(Self.words.slots("how do I log in to the cluster").map(\.word) == ["login", "cluster"], "written apart, found as the trees write it")
        #expect(Self.words.slots("create a voms proxy").map(\.word) == ["create", "voms", "proxy"], "two known words stay two")
    }

    @Test func aTopicTheTreesDoNotCoverIsAnsweredNothingGood() {
        for query in ["how do I book a meeting room", "order a new laptop", "xylophone"] {
            #expect(Self.first(query) == nil, "'\(query)' should find nothing good")
        }
    }

    @Test func pastedMessagesAreMatchedThroughPathsNumbersAndHosts() {
        #expect(ErrorText.normalized("scp: /home/ab12/x: Permission denied (publickey).") == "scp: <path>: permission denied (publickey).")
        #expect(ErrorText.normalized("ssh: connect to host login01.example.org port 22: Connection timed out")
            == "ssh: connect to host <host> port 22: connection timed out")
        #expect(ErrorText.normalized("job 123456 CANCELLED AT 2026-12-06T10:00:00 DUE TO TIME LIMIT") == "job <n> cancelled at <time> due to time limit")
        #expect(ErrorText.match(ErrorText.pieces(of: "CANCELLED AT * DUE TO TIME LIMIT"), in: ErrorText.normalized("*** JOB 9 CANCELLED AT 10:00:00 DUE TO TIME LIMIT ***")) != nil)
        #expect(ErrorText.match(ErrorText.pieces(of: "DUE TO TIME LIMIT * CANCELLED"), in: "cancelled due to time limit") == nil, "pieces match in order")
        let explained = Self.words.explain("sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified")
        #expect(explained.first?.key == NodeKey(tree: "login-node", node: "slurm-account"))
    }

    @Test func errorsAndAliasesAreCheckedWhereTheyAreWritten() {
        let yaml = TestTrees.minimal().replacingOccurrences(of: "nodes:\n", with: """
            aliases:
              - [chat, mattermost]
              - [slack]
              - [forum, chat]
            nodes:

            """) + """
              broken:
                title: Broken
                body: Text.
                errors: ["* 12 *", "Disk quota exceeded", "disk quota  EXCEEDED"]

            """
        #expect(TestTrees.diagnostics(yaml).filter { !$0.contains("cannot be reached") } == [
            "test.yaml:8:5: error: alias group 2 needs at least two words that mean the same",
            "test.yaml:9:5: error: alias group 3 needs at least two words that mean the same",
            "test.yaml:9:13: error: 'chat' is already in alias group 1; a word belongs to one group",
            "test.yaml:34:14: error: the error fragment '* 12 *' has too little literal text to match one message; quote more of it",
            "test.yaml:34:47: warning: the error fragment 'disk quota  EXCEEDED' is listed twice",
        ])
    }

    /// A common word touches most of a large catalog: its best are picked with a heap, in the
    /// order a full sort gives, ties to the earlier node; no limit means all of them.
    @Test func theBestAreThoseAFullSortGives() {
        let scores: [Float] = (0..<1000).map { Float(($0 * 7919) % 250) / 10 }
        let nodes = (0..<1000).map(Int32.init)
        let sorted = nodes.sorted { scores[Int($0)] != scores[Int($1)] ? scores[Int($0)] > scores[Int($1)] : $0 < $1 }
        #expect(WordIndex.best(nodes, by: scores, limit: 10) == Array(sorted.prefix(10)))
        #expect(WordIndex.best(nodes, by: scores, limit: .max) == sorted)
    }

    /// bench/queries.tsv, written from the trees: the floor under which search has regressed.
    @Test func theEvaluationSetKeepsItsFloor() throws {
        let tsv = try String(contentsOfFile: TestTrees.bundledTrees + "/../bench/queries.tsv", encoding: .utf8)
        let rows = SearchEvaluation.rows(tsv: tsv)
        #expect(rows.count >= 80)
        let report = SearchEvaluation.run(rows, catalog: Self.catalog)
        let misses = report.misses.joined(separator: "\n")
        #expect(report.topThree >= 0.9, "\(report.summary)\n\(misses)")
        #expect(report.topOne >= 0.75, "\(report.summary)\n\(misses)")
        #expect(report.uncoveredAnsweredNothing >= 0.9, "\(report.summary)\n\(misses)")
    }
}
