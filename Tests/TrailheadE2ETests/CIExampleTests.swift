import Foundation
import Testing

private let pythonReadsYAML = (try? Release.run("/usr/bin/python3", ["-c", "import yaml"]).status) == 0

/// The CI examples of docs/examples, their shell parts run as the CI system would run them
/// (scripts/run-ci-example.py) against the release from `make dist`, in a repository of a lab's
/// trees: a tree in a `.yml` file that leads into a bundled tree, an overlay and a flow test.
@Suite(.enabled(if: Release.isAvailable, "set TRAILHEAD_DIST to the dist/ directory (make test does)"),
       .enabled(if: pythonReadsYAML, "needs python3-yaml (make test installs it as root)"),
       .timeLimit(.minutes(2)))
struct CIExampleTests {
    static let labTree = """
        format: 1
        id: lab
        title: Lab onboarding
        description: Where our lab's newcomers start.
        start: start
        nodes:
          start:
            question: What do you need?
            choices:
              - label: Python on the cluster
                goto: py
              - label: Something about ESCAPE
                goto: escape-vre/start
          py:
            title: Python
            body: Load the module.

        """
    static let overlay = """
        format: 1
        overrides: escape-vre
        nodes:
          cert-cern:
            title: Get a grid certificate from our CA
            body: Staff ask the site portal.

        """
    static let flowTest = """
        scenarios:
          - name: python
            start: lab
            answers: ["Python on the cluster"]
            expect:
              ends-at: py

        """
    /// Its start node is missing.
    static let broken = "format: 1\nid: broken\ntitle: B\ndescription: D.\nstart: nowhere\nnodes:\n  s:\n    title: S\n    body: x\n"

    /// A checked-out repository holding `files` under trees/.
    static func repository(_ files: [String: String]) throws -> String {
        let root = try Release.scratch("ci-example")
        try FileManager.default.createDirectory(atPath: root + "/trees", withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: root + "/trees/" + name, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// Runs the example for `system` in `repository`, downloading the release from dist/.
    static func run(_ system: String, in repository: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let example = E2E.repositoryRoot + "/docs/examples/" + (system == "github" ? "github-workflow.yml" : "gitlab-ci.yml")
        let releases = "file://" + (try #require(Release.directory))
        let script = "cd \"$1\" && exec python3 \"$2\" \"$3\" \"$4\" TRAILHEAD_RELEASES=\"$5\""
        return try Release.run("/bin/sh", ["-c", script, "sh", repository, E2E.repositoryRoot + "/scripts/run-ci-example.py", system, example, releases],
                               environment: ["HOME": repository])
    }

    static func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    @Test func theGitHubWorkflowValidatesEveryFileAndDrawsEach() throws {
        let clean = try Self.repository(["lab.yml": Self.labTree, "site-ca.yaml": Self.overlay, "lab.test.yaml": Self.flowTest])
        let passed = try Self.run("github", in: clean)
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stderr.contains("step 'Flow tests': exit 0"), "\(passed.stderr)")
        let summary = Self.contents(clean + "/github-step-summary.md")
        #expect(summary.contains("### trees/lab.yml\n```mermaid\nflowchart TD\n"), "\(summary)")
        #expect(summary.contains("### trees/site-ca.yaml\n```mermaid\nflowchart TD\n  %% tree escape-vre"), "\(summary)")
        #expect(summary.contains("Get a grid certificate from our CA"), "the overlay is drawn applied")
        #expect(!summary.contains("lab.test.yaml") && !summary.contains("has errors"), "\(summary)")

        let failing = try Self.repository(["lab.yml": Self.labTree, "broken.yaml": Self.broken])
        let failed = try Self.run("github", in: failing)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("::error file=trees/broken.yaml,line=5"), "\(failed.stdout)")
        let failedSummary = Self.contents(failing + "/github-step-summary.md")
        #expect(failedSummary.contains("%% trees/broken.yaml has errors"), "\(failedSummary)")
        #expect(failedSummary.contains("### trees/lab.yml\n```mermaid\nflowchart TD\n"), "the other files are still drawn")
    }

    @Test func theGitLabJobReportsCodeQualityAndKeepsAPagePerFile() throws {
        let clean = try Self.repository(["lab.yml": Self.labTree, "site-ca.yaml": Self.overlay, "lab.test.yaml": Self.flowTest])
        let passed = try Self.run("gitlab", in: clean)
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(Self.contents(clean + "/gl-code-quality-report.json") == "[]\n")
        let previews = try FileManager.default.contentsOfDirectory(atPath: clean + "/preview").sorted()
        #expect(previews == ["lab.yml.html", "lab.yml.mmd", "site-ca.yaml.html", "site-ca.yaml.mmd"])
        let labPage = Self.contents(clean + "/preview/lab.yml.html")
        #expect(labPage.contains("\"linked\":[{\"format\":1,\"id\":\"escape-vre\""), "the page goes on into the bundled guide")
        #expect(Self.contents(clean + "/preview/site-ca.yaml.html").contains("Get a grid certificate from our CA"))

        let failing = try Self.repository(["lab.yml": Self.labTree, "broken.yaml": Self.broken])
        let failed = try Self.run("gitlab", in: failing)
        #expect(failed.status == 1)
        #expect(Self.contents(failing + "/gl-code-quality-report.json").contains("\"path\":\"trees/broken.yaml\""))
        #expect(FileManager.default.fileExists(atPath: failing + "/preview/lab.yml.html"), "previews are made before the check that fails")
    }
}
