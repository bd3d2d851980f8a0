import Foundation
import Testing

/// The search pane in a newcomer's words: a question finds the leaf, a query nothing answers
/// says so with the weak matches one key away, and Enter offers to tell the guide's team.
@Suite(.timeLimit(.minutes(1)))
struct WordSearchSessionTests {
    @Test func aQuestionFindsTheLeafAndNothingGoodSaysSo() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        try await session.openTrailhead([])
        try session.send("/")
        try await session.waitFor("/ to open the search pane") { $0.contains("Type to search") }
        try session.type("how do I download a file")
        try await session.waitFor("the question to put the download leaf first") {
            $0.selectedRow?.hasPrefix(" ▸ Download data from the data lake") == true
        }

        try session.send("C-u")
        try session.type("how do I book a meeting room")
        let nothing = try await session.waitFor("an uncovered topic to be answered nothing good") { screen in
            screen.contains("Nothing good matches 'how do I book a meeting room'.") && screen.contains("weak match")
                && screen.contains("Enter: tell us what you looked for") && screen.footerRow.contains("Enter tell us")
        }
        #expect(nothing.selectedRow == nil, "no weak match is offered as an answer\n\(nothing)")
        try session.send("Down")
        try await session.waitFor("↓ to list the weak matches") { $0.contains(" weak") && $0.selectedRow != nil }

        try session.send("C-u")
        try session.type("qqqzzzxx")
        try await session.waitFor("nothing at all to match") { $0.contains("Nothing good matches 'qqqzzzxx'.") }
        try session.send("Enter")
        try await session.waitFor("Enter to offer the feedback link") { $0.boxRows(titled: "This didn't help me") != nil }
        try session.send("c")
        try await session.waitFor("c to copy the link") { $0.statusRow.contains("copied") }
        let link = try session.showBuffer()
        #expect(link.contains("search%3Aqqqzzzxx"), "the link carries the query: \(link)")
        try session.send("Escape")
        try await session.quitTrailhead()
    }

    /// A pasted message, line breaks and all, opens the search with the nodes that answer it;
    /// its line breaks are text, not Enter.
    @Test func aPastedErrorMessageFindsTheNodeThatAnswersIt() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        try await session.openTrailhead(["login-node"])
        try session.paste("$ sbatch job.sh\nsbatch: error: Batch job submission failed: Invalid account or account/partition combination specified\n")
        let found = try await session.waitFor("the paste to open the search with the Slurm account leaf first") { screen in
            screen.row(0).hasSuffix("› Search") && screen.selectedRow?.hasPrefix(" ▸ Choose your account and partition") == true
        }
        #expect(!found.contains("Nothing good"), "\(found)")
        try session.send("Enter")
        try await session.waitFor("Enter to open the leaf") { $0.row(1) == " Choose your account and partition" }
        try await session.quitTrailhead()
    }
}
