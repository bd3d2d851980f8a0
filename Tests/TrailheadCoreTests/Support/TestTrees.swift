@testable import TrailheadCore

/// Builds trees from YAML text for tests.
enum TestTrees {
    static let repositoryRoot: String = {
        var path = "\(#filePath)"
        for _ in 0..<4 {
            path = String(path[..<path.lastIndex(of: "/")!])
        }
        return path
    }()

    static var bundledTrees: String { repositoryRoot + "/trees" }
    static var fixtures: String { repositoryRoot + "/Tests/Fixtures" }

    static func load(_ yaml: String, path: String = "test.yaml", limits: LoaderLimits = .standard) -> LoadedFile {
        TreeLoader(limits: limits).load(bytes: Array(yaml.utf8), path: path)
    }

    /// The diagnostics `validate` would print for the given files, checked together.
    static func diagnostics(_ files: [(path: String, yaml: String)]) -> [String] {
        let loaded = files.map { load($0.yaml, path: $0.path) }
        return ValidationRun(checked: loaded, context: []).diagnostics.map(\.description)
    }

    static func diagnostics(_ yaml: String) -> [String] {
        diagnostics([("test.yaml", yaml)])
    }

    static func catalog(_ files: [String]) -> Catalog {
        Library.assemble(files: files.enumerated().map { load($1, path: "t\($0).yaml") }).catalog
    }

    static var bundledLibrary: Library {
        Library.load(TreeSources(sources: [.init(path: bundledTrees, layer: "bundled")]))
    }

    /// A small valid tree; `extraNodes` is appended under `nodes:` (indented by 2).
    static func minimal(id: String = "demo", start: String = "start", extraNodes: String = "") -> String {
        """
        format: 1
        id: \(id)
        title: Demo tree
        description: A tree for tests.
        start: \(start)
        nodes:
          start:
            question: What do you need?
            choices:
              - label: Data
                hint: Files and datasets
                goto: data
              - label: Documentation
                goto: docs
          data:
            title: Get data
            body: Use the data portal.
            links:
              - url: https://data.example.org
                label: Data portal
          docs:
            title: Read the docs
            body: |
              The documentation explains
              everything.
            see-also: [data]
        \(extraNodes)
        """
    }
}
