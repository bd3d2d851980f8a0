import Foundation
import Testing

/// `export`: each format on the bundled trees, the HTML page walked by its own script, and errors.
@Suite struct ExportCommandTests {
    @Test func mermaidDrawsTheBundledTree() throws {
        let outcome = try CLIRunner.run(["export", "login-node", "--format", "mermaid"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("flowchart TD\n"))
        #expect(outcome.stdout.contains(":::external"))
        #expect(outcome.stderr.isEmpty)
    }

    @Test func mermaidIsTheDefault() throws {
        #expect(try CLIRunner.run(["export", "login-node"]).stdout.hasPrefix("flowchart TD\n"))
    }

    @Test func dotDrawsTheBundledTree() throws {
        let outcome = try CLIRunner.run(["export", "escape-vre", "--format", "dot"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("digraph \"escape-vre\" {\n"))
        #expect(outcome.stdout.hasSuffix("}\n"))
    }

    @Test func jsonHoldsEveryNode() throws {
        let outcome = try CLIRunner.run(["export", "escape-vre", "--format", "json"])
        #expect(outcome.status == 0)
        let json = try outcome.json
        #expect(json["id"] as? String == "escape-vre")
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let list = try CLIRunner.run(["list", "--json"]).json
        let trees = try #require(list["trees"] as? [[String: Any]])
        #expect(nodes.count == trees.first { $0["id"] as? String == "escape-vre" }?["nodes"] as? Int)
    }

    @Test func htmlGoesToTheOutputFile() throws {
        let directory = try CLIRunner.treeDirectory([:])
        let outcome = try CLIRunner.run(["export", "login-node", "--format", "html", "--output", directory + "/page.html"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
        let page = try String(contentsOfFile: directory + "/page.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func anUnknownTreeExitsOneWithASuggestion() throws {
        let outcome = try CLIRunner.run(["export", "login-nod"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("no tree 'login-nod'; did you mean 'login-node'?"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let outcome = try CLIRunner.run(["export", "login-node", "--format", "svg"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("mermaid"))
    }

    @Test func aNodeInsteadOfATreeIsAUsageError() throws {
        #expect(try CLIRunner.run(["export", "login-node/start"]).status == 2)
    }

    static let nodeAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/node")

    /// The page's own script under Node against a small DOM (Tests/Fixtures/export/walk-page.js),
    /// which also checks that it never touches innerHTML; BrowserExportTests walks it in Chromium.
    @Test(.enabled(if: nodeAvailable, "needs /usr/bin/node"))
    func htmlPageWalksFromTheStart() throws {
        let page = try CLIRunner.run(["export", "demo", "--format", "html", "--trees", try demoDirectory(), "--no-default-trees"]).stdout
        let steps = try walk(page, ["button:1", "back", "button:2", "crumb:1", "button:1", "button:1"])
        #expect(steps[0]["heading"] as? String == "What do you need?")
        #expect(steps[0]["buttons"] as? [String] == ["Data", "Compute", "Help"])
        #expect(steps[0]["backDisabled"] as? Bool == true)
        #expect(steps[0]["title"] as? String == "Demo <tree> & \"more\"")

        #expect(steps[1]["heading"] as? String == "Get data")
        #expect(steps[1]["crumbs"] as? [String] == ["Start", "Data"])
        #expect(steps[1]["backDisabled"] as? Bool == false)
        let links = try #require(steps[1]["links"] as? [[String: String]])
        #expect(links == [["text": "Data <portal>", "href": "https://data.example.org/?a=1&b=2", "rel": "noopener noreferrer", "target": "_blank"]])
        #expect(steps[1]["code"] as? [String] == ["rucio download {did}"])

        #expect(steps[2]["heading"] as? String == "What do you need?")
        #expect(steps[3]["heading"] as? String == "This continues in another guide")
        #expect(steps[3]["code"] as? [String] == ["trailhead escape-vre/start"])
        #expect(steps[4]["heading"] as? String == "What do you need?")
        #expect(steps[4]["crumbs"] as? [String] == ["Start"])
        #expect(steps[5]["heading"] as? String == "Get data")
        // The see-also entry leads to the inline node, and the breadcrumb records how.
        #expect(steps[6]["heading"] as? String == "Ask for help")
        #expect(steps[6]["crumbs"] as? [String] == ["Start", "Data", "See also: Ask for help"])
    }

    /// An answer that leads into another loaded guide goes on into it on the same page: the page
    /// carries the trees it links into, and the breadcrumb says where one guide hands over.
    @Test(.enabled(if: nodeAvailable, "needs /usr/bin/node"))
    func htmlPageGoesOnIntoTheGuidesItLeadsTo() throws {
        let page = try CLIRunner.run(["export", "demo", "--format", "html", "--trees", try demoDirectory()]).stdout
        let steps = try walk(page, ["button:2", "button:1"])
        #expect(steps[0]["handover"] as? [String] == [])
        #expect(steps[1]["heading"] as? String == "What do you want to do?")
        #expect(steps[1]["handover"] as? [String] == ["From the guide “ESCAPE Virtual Research Environment”"])
        #expect(steps[1]["crumbs"] as? [String] == ["Start", "Compute", "→ ESCAPE Virtual Research Environment"])
        #expect(steps[2]["heading"] as? String == "What do you need to get access?")
        #expect(steps[2]["crumbs"] as? [String] == ["Start", "Compute", "→ ESCAPE Virtual Research Environment", "Get access (account, certificate, tokens)"])
    }

    /// A file names what to export: the tree it defines, or for an overlay the tree it changes
    /// with the overlay applied; a file with an error is not exported.
    @Test func aTreeFileIsExportedAsTheTreeItDefinesOrChanges() throws {
        let directory = try CLIRunner.treeDirectory([
            "lab.yml": try String(contentsOfFile: demoDirectory() + "/demo.yaml", encoding: .utf8),
            "site-ca.yaml": """
            format: 1
            overrides: escape-vre
            nodes:
              cert-cern:
                title: Get a grid certificate from our CA
                body: Staff ask the site portal.
            """,
            "broken.yaml": "format: 1\nid: broken\ntitle: B\nstart: s\nnodes:\n  s:\n    title: S\n",
        ])
        let lab = try CLIRunner.run(["export", directory + "/lab.yml", "--format", "json"])
        #expect(lab.status == 0, "\(lab.stderr)")
        #expect(try lab.json["id"] as? String == "demo")
        let overlay = try CLIRunner.run(["export", directory + "/site-ca.yaml", "--format", "html"])
        #expect(overlay.status == 0, "\(overlay.stderr)")
        #expect(overlay.stdout.contains("Get a grid certificate from our CA"))
        #expect(overlay.stdout.contains("<title>ESCAPE Virtual Research Environment</title>"))
        let broken = try CLIRunner.run(["export", directory + "/broken.yaml"])
        #expect(broken.status == 1)
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr.contains("broken.yaml:1:1: error: the tree is missing 'description'"))
        #expect(broken.stderr.contains("has errors and was not exported"))
        #expect(try CLIRunner.run(["export", directory + "/absent.yaml"]).status == 2)
    }

    /// Rich text reaches the page as elements: inline and block code, list items, callouts, and a
    /// `when` section shown with its condition, since a page cannot ask the reader's machine.
    @Test(.enabled(if: nodeAvailable, "needs /usr/bin/node"))
    func htmlPageDrawsRichText() throws {
        let directory = try CLIRunner.treeDirectory(["rich.yaml": """
        format: 1
        id: rich
        title: Rich
        description: A tree for tests.
        start: leaf
        nodes:
          leaf:
            title: Configure
            body: |
              Set `auth_type`:

              - first <b>item</b>

              ```
              [client]
              auth_type = oidc
              ```

              ::: warning
              Tokens expire.
              :::

              ::: when rucio >= 37
              New client.
              :::
        """])
        let page = try CLIRunner.run(["export", "rich", "--format", "html", "--trees", directory]).stdout
        let step = try #require(try walk(page, []).first)
        #expect(step["code"] as? [String] == ["[client]\nauth_type = oidc"])
        #expect(step["allCode"] as? [String] == ["auth_type", "[client]\nauth_type = oidc"])
        #expect(step["items"] as? [String] == ["first <b>item</b>"])
        #expect(step["callouts"] as? [String] == ["callout warning: WarningTokens expire.", "callout note: For rucio >= 37New client."])
    }

    private func demoDirectory() throws -> String {
        try CLIRunner.treeDirectory(["demo.yaml": """
        format: 1
        id: demo
        title: Demo <tree> & "more"
        description: A tree for tests.
        start: start
        nodes:
          start:
            question: What do you need?
            choices:
              - label: Data
                goto: data
              - label: Compute
                goto: escape-vre/start
              - label: Help
                node:
                  title: Ask for help
                  body: Write to the desk.
          data:
            title: Get data
            body: Use the portal.
            links:
              - url: https://data.example.org/?a=1&b=2
                label: Data <portal>
            commands:
              - run: rucio download {did}
                does: Downloads a file.
                placeholders:
                  did:
                    prompt: Data identifier
            see-also: [start.3]
        """])
    }

    private func walk(_ page: String, _ actions: [String]) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/node")
        process.arguments = [CLIRunner.fixtures + "/export/walk-page.js"] + actions
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(page.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }
}
