import Foundation
import Testing

/// Site and project layers as a user meets them: `list --sources` and overridden nodes in `show`.
struct LayerCommandTests {
    static let certificateOverlay = """
    format: 1
    overrides: escape-vre
    description: Our site's certificate authority.
    nodes:
      cert-cern:
        title: Get a certificate from the site CA
        body: The site CA issues grid certificates to staff.
        links:
          - url: https://ca.example.org/
            label: Site CA

    """

    static let projectTree = """
    format: 1
    id: our-analysis
    title: Our analysis
    description: How this repository is run.
    start: start
    nodes:
      start:
        title: Run the analysis
        body: Run make in the repository root.

    """

    /// A repository with `.trailhead/` and a site directory with an overlay, in a fresh temp dir.
    static func layout() throws -> (repository: String, site: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trailhead-layers-\(UUID().uuidString)").path
        let project = root + "/repo/.trailhead"
        let site = root + "/site/trailhead/trees"
        for directory in [project, root + "/repo/src", site] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        try Data(projectTree.utf8).write(to: URL(fileURLWithPath: project + "/analysis.yaml"))
        try Data(certificateOverlay.utf8).write(to: URL(fileURLWithPath: site + "/ca.yaml"))
        return (root + "/repo", root + "/site")
    }

    @Test func listSourcesNamesEveryLayerAndTheOverriddenNode() throws {
        let (repository, site) = try Self.layout()
        let loginNode = try String(contentsOfFile: CLIRunner.trees + "/login-node.yaml", encoding: .utf8)
        let own = try CLIRunner.treeDirectory(["login-node.yaml": loginNode])
        let outcome = try CLIRunner.run(["list", "--sources", "--trees", own],
                                        environment: ["XDG_CONFIG_DIRS": site], directory: repository + "/src")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("project") && $0.hasSuffix("/repo/.trailhead  (1 file)") })
        #expect(lines.contains { $0.contains("site") && $0.hasSuffix("/site/trailhead/trees  (1 file)") })
        #expect(lines.contains { $0.contains("cert-cern replaced by ") && $0.hasSuffix("/ca.yaml:5:3 (site)") })
        #expect(lines.contains { $0.hasPrefix("  our-analysis") && $0.hasSuffix("(project)") })
        #expect(lines.contains { $0.hasPrefix("  escape-vre") && $0.contains("(bundled)") })
        #expect(lines.contains { $0.hasPrefix("  login-node") && $0.hasSuffix("(bundled), hidden by \(own)/login-node.yaml") })
    }

    @Test func listSourcesAsJSON() throws {
        let (repository, site) = try Self.layout()
        let outcome = try CLIRunner.run(["list", "--sources", "--json"], environment: ["XDG_CONFIG_DIRS": site], directory: repository)
        let json = try outcome.json
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.map { $0["layer"] as? String } == ["project", "user", "site", "site", "bundled"])
        let trees = try #require(json["trees"] as? [[String: Any]])
        let escape = try #require(trees.first { $0["id"] as? String == "escape-vre" })
        let overrides = try #require(escape["overrides"] as? [[String: Any]])
        #expect(overrides.map { $0["node"] as? String } == ["cert-cern"])
        #expect(overrides.first?["action"] as? String == "replaced")
        #expect(overrides.first?["layer"] as? String == "site")
        let bundled = try String(contentsOfFile: CLIRunner.trees + "/escape-vre.yaml", encoding: .utf8)
        let line = try #require(bundled.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "  cert-cern:")) + 1
        let replaced = try #require(overrides.first?["replaced"] as? [String: Any])
        #expect((replaced["file"] as? String)?.hasSuffix("trees/escape-vre.yaml") == true)
        #expect(replaced["line"] as? Int == line && replaced["column"] as? Int == 3)
    }

    @Test func theOverriddenNodeIsWhatUsersSeeAndTheRestOfTheTreeStays() throws {
        let (repository, site) = try Self.layout()
        let shown = try CLIRunner.run(["show", "escape-vre/cert-cern"], environment: ["XDG_CONFIG_DIRS": site], directory: repository)
        #expect(shown.stdout.contains("Get a certificate from the site CA"))
        #expect(shown.stdout.contains("https://ca.example.org/"))
        let walked = try CLIRunner.run(["walk", "escape-vre", "--answer", "1", "--json"], environment: ["XDG_CONFIG_DIRS": site], directory: repository)
        #expect(walked.status == 0)
        let project = try CLIRunner.run(["show", "our-analysis"], directory: repository + "/src")
        #expect(project.stdout.contains("Run make in the repository root."))
    }

    @Test func aProjectDirectoryOthersCanWriteIsIgnoredWithAWarning() throws {
        let (repository, _) = try Self.layout()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: repository + "/.trailhead")
        let outcome = try CLIRunner.run(["show", "our-analysis"], directory: repository)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("ignoring project trees in \(repository)/.trailhead: other users can write to it"))
    }
}
