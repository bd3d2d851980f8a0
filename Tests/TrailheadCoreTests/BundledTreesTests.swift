import Foundation
import Testing
@testable import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

@Suite struct BundledTreesTests {
    static let library = TestTrees.bundledLibrary

    @Test func bundledTreesValidateCleanly() {
        let run = ValidationRun(checked: Self.library.files, context: [])
        #expect(run.diagnostics.map(\.description) == [])
        #expect(Self.library.catalog.trees.map(\.id) == ["escape-vre", "login-node"])
    }

    @Test func theEscapeTreeIsSubstantialAndLinksToTheLoginNodeTree() throws {
        let escape = try #require(Self.library.catalog.tree("escape-vre"))
        #expect(escape.nodes.count >= 40)
        let crossLinks = escape.orderedNodes.flatMap(\.references).filter { $0.treeID == "login-node" }
        #expect(!crossLinks.isEmpty)
        let login = try #require(Self.library.catalog.tree("login-node"))
        #expect(login.orderedNodes.flatMap(\.references).contains { $0.treeID == "escape-vre" })
    }

    @Test func theEscapeTreeCoversTheRequiredTopics() throws {
        let text = try String(fileContents: TestTrees.bundledTrees + "/escape-vre.yaml")
        for needle in [
            "iam-escape.cloud.cnaf.infn.it", "openssl pkcs12", "~/.globus", "pip install rucio-clients",
            "rucio whoami", "list-scopes", "list-rses", "list-dids", "rucio download", "rucio upload",
            "rucio did list", "jhub-vre.cern.ch", "mybinder.org", "reana-client", "zenodo.org/communities/escape2020",
            "codemeta", "ESAP", "Higgs", "CTA", "Mattermost", "indico.cern.ch", "vre-hub/vre/issues",
        ] {
            #expect(text.contains(needle), "escape-vre.yaml should mention \(needle)")
        }
    }

    /// The schema and the decoder must accept the same keys.
    @Test func theSchemaListsExactlyTheKeysTheLoaderAccepts() throws {
        let schema = try String(fileContents: TestTrees.bundledTrees + "/trailhead.schema.json")
        let allKeys = Set([TreeDecoder.treeKeys, TreeDecoder.questionKeys, TreeDecoder.resourceKeys, TreeDecoder.choiceKeys,
                           TreeDecoder.linkKeys, TreeDecoder.commandKeys, TreeDecoder.placeholderKeys, TreeDecoder.probeKeys].flatMap(\.names))
        for key in allKeys {
            #expect(schema.contains("\"\(key)\": {"), "schema lacks property \(key)")
        }
        let required = ["format", "id", "title", "description", "start", "nodes"].map { "      \"\($0)\"" }.joined(separator: ",\n")
        #expect(schema.contains("  \"else\": {\n    \"required\": [\n" + required + "\n    ]\n  },"))
        let overlayRequired = ["format", "nodes", "overrides"].map { "      \"\($0)\"" }.joined(separator: ",\n")
        #expect(schema.contains("  \"then\": {\n    \"required\": [\n" + overlayRequired + "\n    ],"))
    }

    /// The complete example in docs/tree-format.md must be a valid tree.
    @Test func theDocumentedExampleValidates() throws {
        let doc = try String(fileContents: TestTrees.repositoryRoot + "/docs/tree-format.md")
        let start = try #require(doc.range(of: "```yaml\n# example: lab-onboarding\n"))
        let end = try #require(doc[start.upperBound...].range(of: "\n```"))
        let example = String(doc[start.upperBound..<end.lowerBound])
        let file = TestTrees.load(example, path: "example.yaml")
        let run = ValidationRun(checked: [file], context: Self.library.files)
        #expect(run.diagnostics.map(\.description) == [])
        #expect((file.tree?.nodes.count ?? 0) >= 8)
    }

    /// The anchors-and-aliases example of tree-format.md, under a tree header: the reused
    /// command and link appear in both nodes.
    @Test func theReuseExampleValidates() throws {
        let doc = try String(fileContents: TestTrees.repositoryRoot + "/docs/tree-format.md")
        let start = try #require(doc.range(of: "```yaml\nnodes:\n  rucio-download:\n"))
        let end = try #require(doc[start.upperBound...].range(of: "\n```"))
        let nodes = String(doc[doc.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
        let header = "format: 1\nid: reuse\ntitle: Reuse\ndescription: The example.\nstart: start\n"
        let startNode = "  start:\n    question: Which?\n    choices:\n      - {label: Download, goto: rucio-download}\n      - {label: Upload, goto: rucio-upload}\n"
        let file = TestTrees.load(header + nodes.replacing("nodes:\n", with: "nodes:\n" + startNode) + "\n", path: "reuse.yaml")
        #expect(ValidationRun(checked: [file], context: []).diagnostics.map(\.description) == [])
        let upload = try #require(file.tree?.nodes["rucio-upload"]?.resource)
        #expect(upload.commands.map(\.run) == ["rucio whoami", "rucio upload --rse {rse} {file}"])
        #expect(upload.links.map(\.url) == ["https://rucio.cern.ch/documentation/"])
    }
}

extension String {
    /// Reads a whole file as UTF-8, for tests.
    init(fileContents path: String) throws {
        guard case .bytes(let bytes) = LocalFileSystem().contents(of: path, limit: 1 << 26) else {
            throw TestFileError(path: path)
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}

struct TestFileError: Error {
    var path: String
}
