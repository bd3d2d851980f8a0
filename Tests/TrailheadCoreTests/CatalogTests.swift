import Testing
@testable import TrailheadCore

@Suite struct CatalogTests {
    @Test func findsTheShortestWalkFromTheStart() throws {
        let catalog = TestTrees.bundledLibrary.catalog
        let steps = try #require(catalog.path(to: NodeKey(tree: "escape-vre", node: "rucio-download")))
        #expect(steps.first?.from == NodeKey(tree: "escape-vre", node: "start"))
        #expect(steps.allSatisfy { if case .choice = $0.via { true } else { false } })
        var trail = Trail(at: NodeKey(tree: "escape-vre", node: "start"))
        for step in steps {
            guard case .choice(let number, _) = step.via else { continue }
            let choice = try #require(catalog.node(trail.current)?.question?.choices[number - 1])
            trail.follow(step.via, to: choice.target.key(from: trail.current.tree))
        }
        #expect(trail.current == NodeKey(tree: "escape-vre", node: "rucio-download"))
    }

    /// Routes are built on first use, once for every copy of the catalog, whichever thread asks
    /// first; every thread must see the same breadcrumbs as a catalog asked from one thread.
    @Test func routesBuiltOnFirstUseAreTheSameFromEveryThread() {
        let keys = TestTrees.bundledLibrary.catalog.trees.flatMap { tree in tree.nodeOrder.map { NodeKey(tree: tree.id, node: $0) } }
        let expected = keys.map { TestTrees.bundledLibrary.catalog.path(to: $0) }
        let fresh = Catalog(trees: TestTrees.bundledLibrary.catalog.trees)
        let copies = Array(repeating: fresh, count: 8)
        let answers = OrderedParallelMap.map(count: copies.count, chunks: copies.count) { copy in
            keys.map { copies[copy].path(to: $0) }
        }
        #expect(!expected.allSatisfy { $0 == nil })
        for copy in copies.indices {
            #expect(answers[copy] == expected, "copy \(copy)")
        }
        #expect(fresh.routes === copies[0].routes)
    }

    /// The labels of the choices leading to each node, and each node's depth, by node number.
    @Test func incomingLabelsAndDepthsByNumber() throws {
        let catalog = TestTrees.catalog([
            TestTrees.minimal(),
            TestTrees.minimal(id: "other").replacing("goto: docs", with: "goto: demo/docs"),
        ])
        let routes = catalog.routes
        let incoming = routes.incomingLabels()
        func labels(_ tree: String, _ node: String) throws -> [String] {
            let number = try #require(routes.number(of: NodeKey(tree: tree, node: node)))
            return Array(incoming.labels[Int(incoming.starts[Int(number)])..<Int(incoming.starts[Int(number) + 1])])
        }
        #expect(try labels("demo", "start") == [])
        #expect(try labels("demo", "data") == ["Data"])
        #expect(try labels("demo", "docs") == ["Documentation", "Documentation"])
        #expect(try labels("other", "docs") == [])
        #expect(catalog.depth(of: NodeKey(tree: "demo", node: "start")) == 0)
        #expect(catalog.depth(of: NodeKey(tree: "demo", node: "docs")) == 1)
        #expect(catalog.depth(of: NodeKey(tree: "other", node: "data")) == 1)
        #expect(catalog.depth(of: NodeKey(tree: "other", node: "docs")) == nil)
        #expect(catalog.depth(of: NodeKey(tree: "nope", node: "docs")) == nil)
    }

    @Test func theStartHasAnEmptyPath() {
        let catalog = TestTrees.catalog([TestTrees.minimal()])
        #expect(catalog.path(to: NodeKey(tree: "demo", node: "start")) == [])
        #expect(catalog.path(to: NodeKey(tree: "demo", node: "docs"))?.map(\.label) == ["Documentation"])
    }

    @Test func resolvesATreeToItsStart() {
        let catalog = TestTrees.catalog([TestTrees.minimal()])
        #expect(catalog.resolve(NodeKey(tree: "demo", node: "")) == NodeKey(tree: "demo", node: "start"))
        #expect(catalog.resolve(NodeKey(tree: "demo", node: "nope")) == nil)
        #expect(catalog.resolve(NodeKey(tree: "nope", node: "")) == nil)
    }

    @Test func trailGoesBackTheWayItCame() {
        var trail = Trail(at: NodeKey(tree: "demo", node: "start"))
        trail.follow(.choice(number: 2, label: "Documentation"), to: NodeKey(tree: "demo", node: "docs"))
        trail.follow(.seeAlso, to: NodeKey(tree: "demo", node: "data"))
        #expect(trail.steps.map(\.label) == ["Documentation", "see also"])
        let first = trail.back()
        #expect(first)
        #expect(trail.current == NodeKey(tree: "demo", node: "docs"))
        let second = trail.back()
        let third = trail.back()
        #expect(second && !third)
        #expect(trail.current == NodeKey(tree: "demo", node: "start"))
    }

    @Test func parsesNodeKeys() {
        #expect(NodeKey(parsing: "a/b") == NodeKey(tree: "a", node: "b"))
        #expect(NodeKey(parsing: "a") == NodeKey(tree: "a", node: ""))
        #expect(NodeKey(parsing: "a/") == nil)
        #expect(NodeKey(parsing: "/b") == nil)
        #expect(NodeKey(parsing: "a/b/c") == nil)
    }

    @Test func sourcesFollowTheDocumentedOrder() {
        let sources = TreeSources.standard(
            explicit: ["cli"], environment: ["TRAILHEAD_PATH": "p1:p2", "HOME": "/home/u", "XDG_DATA_DIRS": "/d1:/d2"],
            bundled: "/bundled")
        #expect(sources.sources.map(\.path) == [
            "cli", "p1", "p2", "/home/u/.config/trailhead/trees",
            "/etc/xdg/trailhead/trees", "/d1/trailhead/trees", "/d2/trailhead/trees", "/bundled",
        ])
        let only = TreeSources.standard(explicit: ["cli"], environment: [:], bundled: "/bundled", includeDefaults: false)
        #expect(only.sources.map(\.path) == ["cli"])
    }
}
