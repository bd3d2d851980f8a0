import Foundation
import Testing
@testable import TrailheadCore

/// `export --format html`: one page with no outside resources, whose embedded JSON is the tree.
@Suite struct HTMLExportTests {
    /// The text between `<script type="application/json" …>` and the next `</script>`.
    private func embedded(_ page: String) throws -> String {
        let opening = "<script type=\"application/json\" id=\"\(HTMLExport.dataElementID)\">"
        let start = try #require(page.range(of: opening)).upperBound
        let end = try #require(page.range(of: "</script>", range: start..<page.endIndex)).lowerBound
        return String(page[start..<end])
    }

    private func object(_ json: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func embedsExactlyTheTreeJSON() throws {
        let page = HTMLExport.render(ExportTrees.demo)
        #expect(count("<script", in: page) == 2)
        #expect(count("</script>", in: page) == 2)
        let document = try object(embedded(page)).mutableCopy() as? NSMutableDictionary
        #expect((document?["linked"] as? [Any])?.isEmpty == true, "no linked trees were given")
        document?.removeObject(forKey: "linked")
        #expect(document == (try object(TreeJSONExport.render(ExportTrees.demo))))
    }

    @Test func carriesTheTreesItsAnswersLeadInto() throws {
        let catalog = TestTrees.bundledLibrary.catalog
        #expect(catalog.treesLinked(from: "escape-vre").map(\.id) == ["login-node"])
        #expect(catalog.treesLinked(from: "login-node").map(\.id) == ["escape-vre"])
        let a = TestTrees.minimal(id: "a").replacing("goto: docs", with: "goto: b/start")
        let b = TestTrees.minimal(id: "b").replacing("goto: docs", with: "goto: c/start")
        let c = TestTrees.minimal(id: "c").replacing("goto: docs", with: "goto: missing/start")
        let chain = TestTrees.catalog([a, b, c])
        #expect(chain.treesLinked(from: "a").map(\.id) == ["b", "c"], "followed through b, and a tree that is not loaded is left out")
        let tree = try #require(chain.tree("a"))
        let page = HTMLExport.render(tree, linked: chain.treesLinked(from: "a"))
        let linked = try #require(try object(embedded(page))["linked"] as? [NSDictionary])
        #expect(linked.map { $0["id"] as? String } == ["b", "c"])
        #expect(try linked[0] == object(TreeJSONExport.render(#require(chain.tree("b")))))
    }

    @Test func hostileTextCannotCloseTheScriptOrOpenAComment() throws {
        let page = HTMLExport.render(ExportTrees.hostile)
        #expect(count("<script", in: page) == 2)
        #expect(count("</script>", in: page) == 2)
        #expect(!page.contains("<!--"))
        let json = try embedded(page)
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        let document = try object(json).mutableCopy() as? NSMutableDictionary
        document?.removeObject(forKey: "linked")
        #expect(document == (try object(TreeJSONExport.render(ExportTrees.hostile))))
        #expect(page.contains("<title>Tree &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- &quot;q&quot;</title>"))
    }

    @Test func loadsNothingFromOutside() throws {
        let page = HTMLExport.render(ExportTrees.demo)
        let template = page.replacingOccurrences(of: try embedded(page), with: "")
        for outside in ["://", " src=", "href=", "<link", "@import", "url(", "<iframe", "<img", "fetch(", "XMLHttpRequest", "import("] {
            #expect(!template.contains(outside), "\(outside)")
        }
        #expect(page.contains("Content-Security-Policy\" content=\"default-src 'none';"))
        // The only addresses in the whole page are the tree's own links, inside its JSON.
        #expect(count("://", in: page) == 1)
        #expect(page.contains("https://data.example.org/portal?a=1\\u0026b=2"))
    }

    @Test func insertsTextOnlyWithTextContent() {
        let page = HTMLExport.render(ExportTrees.demo)
        for unsafe in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
            #expect(!page.contains(unsafe), "\(unsafe)")
        }
        #expect(page.contains(".textContent = "))
        #expect(page.contains("anchor.rel = \"noopener noreferrer\""))
    }

    @Test func refusedLinksAndHazardsNeverReachThePage() throws {
        let page = HTMLExport.render(ExportTrees.unchecked)
        #expect(!page.contains("javascript:"))
        #expect(!page.contains("\u{1B}") && !page.contains("\u{202E}"))
        let nodes = try #require(try object(embedded(page))["nodes"] as? [[String: Any]])
        #expect(nodes[0]["question"] as? String == "Line one\nline two \u{1B}[2J\u{202E}")
        #expect((nodes[2]["links"] as? [Any])?.count == 1)
    }
}
