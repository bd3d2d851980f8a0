import Testing
@testable import TrailheadCore

/// Each file in Tests/Fixtures/malformed must give exactly the diagnostics in its `.expected` file.
@Suite struct MalformedFixtureTests {
    static let directory = TestTrees.fixtures + "/malformed"

    static var names: [String] {
        (LocalFileSystem().entries(of: directory) ?? [])
            .filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.names.count >= 60)
    }

    @Test(arguments: names)
    func fixtureGivesItsExactDiagnostics(name: String) throws {
        let loader = TreeLoader()
        var file = loader.loadFile(Self.directory + "/\(name).yaml")
        file = relabel(file, as: "\(name).yaml")
        let run = ValidationRun(checked: [file], context: [])
        let actual = run.diagnostics.map(\.description) + [run.summary]
        let expected = try String(fileContents: Self.directory + "/\(name).expected")
            .split(separator: "\n").map(String.init)
        #expect(actual == expected)
    }

    /// A broken file among good ones costs only itself: the bundled trees all still load.
    @Test(arguments: names)
    func theBundledTreesStillLoadAlongsideIt(name: String) {
        let bundled = TestTrees.bundledLibrary
        let sources = TreeSources(sources: [
            .init(path: Self.directory + "/\(name).yaml", layer: "--trees"),
            .init(path: TestTrees.bundledTrees, layer: "bundled"),
        ])
        let library = Library.load(sources)
        let expected = Set(bundled.catalog.trees.map(\.id))
        #expect(!expected.isEmpty)
        #expect(expected.isSubset(of: Set(library.catalog.trees.map(\.id))), "\(library.catalog.trees.map(\.id))")
        #expect(library.brokenFiles.map(\.path).allSatisfy { $0.hasSuffix("/\(name).yaml") })
    }

    /// Diagnostics name the file as `validate` was given it: the bare name, from the fixture directory.
    private func relabel(_ file: LoadedFile, as name: String) -> LoadedFile {
        guard case .bytes(let bytes) = LocalFileSystem().contents(of: file.path, limit: 1 << 26) else { return file }
        return TreeLoader().load(bytes: bytes, path: name)
    }
}
