import Foundation
import Testing

/// The exported HTML page walked in a real headless Chromium (Tests/Fixtures/export/browser-walk.js
/// drives it over the DevTools pipe): the same walk from Start as in the terminal.
struct BrowserExportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let node = ["/usr/bin/node", "/usr/bin/nodejs"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["TRAILHEAD_REQUIRE_BROWSER"] == "1"
    static let available = chromium != nil && node != nil

    /// Exports `tree`, opens it in Chromium, performs `actions` and returns what the page showed after each.
    static func walk(_ tree: String, trees: [String] = [], _ actions: [String]) throws -> [[String: Any]] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailhead-browser-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let page = directory + "/page.html"
        let exported = try CLIRunner.run(["export", tree, "--format", "html", "--output", page] + trees)
        #expect(exported.status == 0, "\(exported.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(node))
        process.arguments = [CLIRunner.fixtures + "/export/browser-walk.js", try #require(chromium), page] + actions
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "browser-walk.js failed: \(stderr)")
        return try String(decoding: stdout, as: UTF8.self).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func chromiumIsThereWhenCIRequiresIt() {
        #expect(!Self.required || Self.available, "CI sets TRAILHEAD_REQUIRE_BROWSER=1: install chromium and nodejs (make test-deps does it as root)")
    }

    @Test(.enabled(if: available, "needs chromium and node (make test-deps installs them as root)"))
    func theBundledTreeWalksFromStartToARucioLeafAndBack() throws {
        let steps = try Self.walk("escape-vre", ["choose:Find, download", "choose:The ESCAPE data lake", "choose:Download data", "back", "restart"])
        let headings = steps.map { $0["heading"] as? String }
        #expect(headings == [
            "What do you want to do?", "What kind of data are you after?", "What do you want to do in the data lake?",
            "Download data from the data lake", "What do you want to do in the data lake?", "What do you want to do?",
        ])
        #expect(steps[0]["backDisabled"] as? Bool == true)
        #expect(steps[3]["commands"] as? [String] == ["rucio download --dir {dir} {did}"])
        #expect(steps[3]["crumbs"] as? String == "StartFind, download or share dataThe ESCAPE data lake on the command lineDownload data")
        #expect(steps.allSatisfy { $0["scripts"] as? Int == 2 }, "only the page's data block and its own script")
    }

    @Test(.enabled(if: available, "needs chromium and node (make test-deps installs them as root)"))
    func aWalkCrossesIntoTheLoginNodeGuideOnTheSamePage() throws {
        let steps = try Self.walk("escape-vre", ["choose:Find, download", "choose:Copy files between", "choose:A single file"])
        #expect(steps.map { $0["heading"] as? String } == [
            "What do you want to do?", "What kind of data are you after?", "What do you want to move?", "Copy a single file with scp",
        ])
        #expect((steps[2]["crumbs"] as? String)?.hasSuffix("Copy files between my laptop and a cluster→ Your first day on an HPC login node") == true)
    }

    @Test(.enabled(if: available, "needs chromium and node (make test-deps installs them as root)"))
    func hostileTextStaysTextInTheBrowser() throws {
        let hostile = """
            format: 1
            id: hostile
            title: "</script><script>document.title='pwned'</script>"
            description: A tree whose text tries to become markup.
            start: start
            nodes:
              start:
                question: "<img src=x onerror=document.title='pwned'> What now?"
                choices:
                  - label: "<b>bold</b> & <!-- comment -->"
                    goto: leaf
              leaf:
                title: "Leaf <script>alert(1)</script>"
                links:
                  - url: "https://example.org/?a=1&b='2'"
                    label: "<a href=javascript:alert(1)>click</a>"

            """
        let directory = try CLIRunner.treeDirectory(["hostile.yaml": hostile])
        let steps = try Self.walk("hostile", trees: ["--trees", directory, "--no-default-trees"], ["choose:<b>bold</b>"])
        try #require(steps.count == 2, "the start and the leaf")
        #expect(steps[0]["heading"] as? String == "<img src=x onerror=document.title='pwned'> What now?")
        #expect(steps[0]["buttons"] as? [String] == ["<b>bold</b> & <!-- comment -->"])
        #expect(steps.allSatisfy { $0["images"] as? Int == 0 && $0["scripts"] as? Int == 2 })
        #expect(steps.allSatisfy { $0["title"] as? String == "</script><script>document.title='pwned'</script>" }, "no script ran")
        #expect(steps[1]["heading"] as? String == "Leaf <script>alert(1)</script>")
        let links = try #require(steps[1]["links"] as? [[String?]])
        #expect(links.first == ["<a href=javascript:alert(1)>click</a>", "https://example.org/?a=1&b='2'", "noopener noreferrer"])
    }
}
