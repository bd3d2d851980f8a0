import Foundation
import Testing
@testable import TrailheadCore

/// `export --format json`: the whole tree, each node in the shape `show --json` prints.
@Suite struct TreeJSONExportTests {
    private func parsed(_ tree: Tree) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(TreeJSONExport.render(tree).utf8))
        return try #require(object as? [String: Any])
    }

    @Test func holdsTheTreeAndEveryNodeInFileOrder() throws {
        let json = try parsed(ExportTrees.demo)
        #expect(json["format"] as? Int == 1)
        #expect(json["id"] as? String == "demo")
        #expect(json["title"] as? String == "Demo tree")
        #expect(json["start"] as? String == "start")
        #expect(json["feedback"] is NSNull)
        let source = try #require(json["source"] as? [String: Any])
        #expect(source["file"] as? String == "trees/t.yaml")
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["node"] as? String } == ["start", "start.3", "data"])
    }

    @Test func choicesNameTheirTargetsAsTreeSlashNode() throws {
        let nodes = try #require(try parsed(ExportTrees.demo)["nodes"] as? [[String: Any]])
        let choices = try #require(nodes[0]["choices"] as? [[String: Any]])
        #expect(choices.map { $0["target"] as? String } == ["demo/data", "escape-vre/start", "demo/start.3"])
        #expect(choices.map { $0["label"] as? String } == ["Data", "Compute", "Help"])
    }

    @Test func resourcesKeepLinksCommandsAndSeeAlso() throws {
        let nodes = try #require(try parsed(ExportTrees.demo)["nodes"] as? [[String: Any]])
        let data = nodes[2]
        #expect(data["kind"] as? String == "resource")
        #expect(data["body"] as? String == "Use the portal.")
        let links = try #require(data["links"] as? [[String: Any]])
        #expect(links.first?["url"] as? String == "https://data.example.org/portal?a=1&b=2")
        let command = try #require((data["commands"] as? [[String: Any]])?.first)
        #expect(command["run"] as? String == "rucio download {did}")
        let placeholder = try #require((command["placeholders"] as? [[String: Any]])?.first)
        #expect(placeholder["default"] as? String == "user.jdoe:file.root")
        let seeAlso = try #require(data["seeAlso"] as? [[String: Any]])
        #expect(seeAlso.first?["target"] as? String == "demo/start.3")
        #expect(seeAlso.first?["title"] as? String == "Ask for help")
    }

    @Test func hostileTextRoundTrips() throws {
        let json = try parsed(ExportTrees.hostile)
        #expect(json["title"] as? String == "Tree </script><script>alert(1)</script> & <!-- \"q\"")
    }
}
