import Testing
@testable import TrailheadCore

/// Overlays (`overrides: TREE`) and the project layer.
struct LayerTests {
    static func overlay(_ nodes: String, target: String = "demo") -> String {
        "format: 1\noverrides: \(target)\ndescription: A site's changes.\nnodes:\n" + nodes
    }

    static let siteData = overlay("""
      data:
        title: Get data at our site
        body: Use the site's portal.
        see-also: [site-help]
      site-help:
        title: Site help
        body: Ask the local desk.

    """)

    static func file(_ yaml: String, _ path: String, _ layer: String) -> LoadedFile {
        var loaded = TestTrees.load(yaml, path: path)
        loaded.layer = layer
        return loaded
    }

    @Test func anOverlayReplacesAndAddsNodesWithoutCopyingTheTree() throws {
        let library = Library.assemble(files: [
            Self.file(Self.siteData, "/etc/xdg/trailhead/trees/site.yaml", "site"),
            Self.file(TestTrees.minimal(), "/usr/share/trailhead/trees/demo.yaml", "bundled"),
        ])
        let tree = try #require(library.catalog.tree("demo"))
        #expect(tree.file == "/usr/share/trailhead/trees/demo.yaml")
        #expect(tree.nodes["data"]?.heading == "Get data at our site")
        #expect(tree.nodes["docs"] != nil)
        #expect(tree.nodeOrder.last == "site-help")
        #expect(library.catalog.trees.count == 1)
        #expect(library.overrides.map(\.node) == ["data", "site-help"])
        #expect(library.overrides[0].replaced?.file == "/usr/share/trailhead/trees/demo.yaml")
        #expect(library.overrides[1].replaced == nil)
        #expect(library.overrides.allSatisfy { $0.layer == "site" })
        #expect(library.crossFileDiagnostics.isEmpty)
    }

    @Test func theHighestOverlayWinsForTheSameNode() throws {
        let project = Self.overlay("  data:\n    title: Project data\n    body: From the repository.\n")
        let library = Library.assemble(files: [
            Self.file(project, "/repo/.trailhead/data.yaml", "project"),
            Self.file(Self.siteData, "/etc/xdg/trailhead/trees/site.yaml", "site"),
            Self.file(TestTrees.minimal(), "/usr/share/trailhead/trees/demo.yaml", "bundled"),
        ])
        #expect(library.catalog.tree("demo")?.nodes["data"]?.heading == "Project data")
        #expect(library.overrides.last?.layer == "project")
    }

    @Test func anOverlayBelowItsTreeOrWithoutOneIsIgnoredWithAWarning() {
        let below = Library.assemble(files: [
            Self.file(TestTrees.minimal(), "/home/u/.config/trailhead/trees/demo.yaml", "user"),
            Self.file(Self.siteData, "/etc/xdg/trailhead/trees/site.yaml", "site"),
        ])
        #expect(below.catalog.tree("demo")?.nodes["data"]?.heading == "Get data")
        #expect(below.crossFileDiagnostics.map(\.code) == ["overlay-below-tree"])
        let orphan = Library.assemble(files: [Self.file(Self.overlay("  x:\n    title: X\n    body: Y\n", target: "dmeo"), "/s/o.yaml", "site"),
                                              Self.file(TestTrees.minimal(), "/b/demo.yaml", "bundled")])
        #expect(orphan.crossFileDiagnostics.map(\.description) == ["/s/o.yaml:2:12: warning: this file overrides tree 'dmeo', which is not loaded; did you mean 'demo'?"])
    }

    @Test func anOverlayRefusesTreeLevelKeysAndNeedsNodes() {
        #expect(TestTrees.diagnostics("format: 1\noverrides: demo\nstart: x\n") == [
            "test.yaml:1:1: error: the overlay has no 'nodes'; add the nodes it replaces or adds, by id",
            "test.yaml:3:1: error: 'start' does not belong in a file with 'overrides'; an overlay only brings nodes, the tree it overrides keeps its own start",
        ])
        #expect(TestTrees.diagnostics("format: 1\noverrides: Not An Id\nnodes: {}\n") == [
            "test.yaml:2:12: error: 'overrides' must name a tree id (lowercase letters, digits and '-'), not 'Not An Id'",
        ])
    }

    @Test func validatingAnOverlayResolvesItsReferencesInTheTreeItChanges() {
        let base = TestTrees.load(TestTrees.minimal(), path: "/b/demo.yaml")
        let checked = TestTrees.load(Self.overlay("  data:\n    title: Site data\n    see-also: [docs, nowhere]\n"), path: "/s/o.yaml")
        let run = ValidationRun(checked: [checked], context: [base])
        #expect(run.diagnostics.map(\.description) == [
            "/s/o.yaml:7:22: error: there is no node 'nowhere' in this tree",
        ])
    }

    @Test func anOverlaySurvivesTheCache() throws {
        let tree = try #require(TestTrees.load(Self.siteData, path: "o.yaml").tree)
        #expect(try TreeCodec.decode(TreeCodec.encode(tree), file: "o.yaml").isOverlay)
    }

    /// Answers ownership questions from a table, as a shared login node would.
    struct Directories: FileSystem {
        var owners: [String: DirectoryOwnership]
        func contents(of path: String, limit: Int) -> FileContents { .unreadable(reason: "none") }
        func isDirectory(_ path: String) -> Bool { owners[path] != nil }
        func exists(_ path: String) -> Bool { owners[path] != nil }
        func canonicalPath(_ path: String) -> String { path }
        func entries(of directory: String) -> [String]? { nil }
        func writeAtomically(_ bytes: [UInt8], to path: String, creatingDirectory directory: String) -> Bool { false }
        func directoryOwnership(_ path: String) -> DirectoryOwnership? { owners[path] }
    }

    @Test func theNearestTrustedTrailheadDirectoryAboveIsTheProjectLayer() {
        let mine = DirectoryOwnership(owner: 1000, writableByOthers: false)
        let system = Directories(owners: ["/srv/repo/.trailhead": mine, "/.trailhead": mine])
        #expect(ProjectLayer.discover(from: "/srv/repo/src/deep", userID: 1000, fileSystem: system) == .found("/srv/repo/.trailhead"))
        #expect(ProjectLayer.discover(from: "/srv/repo", userID: 1000, fileSystem: system) == .found("/srv/repo/.trailhead"))
        #expect(ProjectLayer.discover(from: "/home/u/", userID: 1000, fileSystem: system) == .found("/.trailhead"))
        #expect(ProjectLayer.discover(from: "/home/u", userID: 1000, fileSystem: Directories(owners: [:])) == .none)
        #expect(ProjectLayer.discover(from: "relative/path", userID: 1000, fileSystem: system) == .none)
        let rootOwned = Directories(owners: ["/opt/x/.trailhead": DirectoryOwnership(owner: 0, writableByOthers: false)])
        #expect(ProjectLayer.discover(from: "/opt/x", userID: 1000, fileSystem: rootOwned) == .found("/opt/x/.trailhead"))
    }

    @Test func aTrailheadDirectoryAnotherUserCouldHavePlantedIsPassedOver() {
        let planted = Directories(owners: ["/tmp/.trailhead": DirectoryOwnership(owner: 1001, writableByOthers: false)])
        #expect(ProjectLayer.discover(from: "/tmp/work", userID: 1000, fileSystem: planted)
            == .untrusted("/tmp/.trailhead", reason: "it belongs to another user (uid 1001)"))
        let open = Directories(owners: ["/proj/.trailhead": DirectoryOwnership(owner: 1000, writableByOthers: true)])
        #expect(ProjectLayer.discover(from: "/proj", userID: 1000, fileSystem: open)
            == .untrusted("/proj/.trailhead", reason: "other users can write to it (chmod go-w to trust it)"))
    }

    @Test func theStandardOrderPutsTheProjectBetweenThePathAndTheUser() {
        let sources = TreeSources.standard(
            explicit: ["cli"], environment: ["HOME": "/h", "TRAILHEAD_PATH": "p1", "XDG_CONFIG_DIRS": "/etc/a", "XDG_DATA_DIRS": "/d"],
            bundled: "/b", project: "/repo/.trailhead")
        #expect(sources.sources.map { "\($0.layer) \($0.path)" } == [
            "--trees cli", "TRAILHEAD_PATH p1", "project /repo/.trailhead", "user /h/.config/trailhead/trees",
            "site /etc/a/trailhead/trees", "site /d/trailhead/trees", "bundled /b",
        ])
        let defaults = TreeSources.standard(explicit: [], environment: ["HOME": "/h"], bundled: nil)
        #expect(defaults.sources.map(\.path).contains("/etc/xdg/trailhead/trees"))
    }
}
