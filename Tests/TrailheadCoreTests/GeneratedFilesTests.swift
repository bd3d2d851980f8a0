import Foundation
import Testing
@testable import TrailheadCore

/// The files written from `FormatKeys` must be what it writes today. `make generated`
/// (TRAILHEAD_REGENERATE=1) rewrites them instead of failing.
@Suite struct GeneratedFilesTests {
    static let regenerate = ProcessInfo.processInfo.environment["TRAILHEAD_REGENERATE"] == "1"

    @Test func theSchemaIsWrittenFromTheKeyDeclarations() throws {
        try check(TestTrees.bundledTrees + "/trailhead.schema.json") { _ in FormatSchema.text() }
    }

    @Test func theFlowTestSchemaIsWrittenFromItsKeyDeclarations() throws {
        try check(TestTrees.bundledTrees + "/trailhead-test.schema.json") { _ in ScenarioSchema.text() }
    }

    @Test func theKeyTablesOfTheFormatDocAreWrittenFromTheKeyDeclarations() throws {
        try check(TestTrees.repositoryRoot + "/docs/tree-format.md") { current in
            try #require(FormatKeyTables.updating(current), "a key table's start marker has no end marker")
        }
        let doc = try String(fileContents: TestTrees.repositoryRoot + "/docs/tree-format.md")
        for place in FormatKey.Place.allCases {
            #expect(doc.contains(FormatKeyTables.start(of: place)), "docs/tree-format.md has no table of \(place) keys")
        }
    }

    /// The decoder accepts exactly the declared keys, in each mapping.
    @Test func theDecoderAllowsTheDeclaredKeys() {
        #expect(TreeDecoder.resourceKeys.names == ["title", "body", "tags", "links", "commands", "see-also", "errors", "probes", "owner", "reviewed"])
        #expect(TreeDecoder.overlayKeys.names == ["format", "description", "nodes", "overrides"])
        #expect(TreeDecoder.questionKeys.adding("id").names == FormatKeys.keys(in: .question).map(\.name))
    }

    private func check(_ path: String, expected: (String) throws -> String) throws {
        let current = (try? String(fileContents: path)) ?? ""
        let wanted = try expected(current)
        if Self.regenerate {
            try wanted.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == wanted, "\(path) is stale: run `make generated` and commit it")
    }
}
