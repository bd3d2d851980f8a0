import TrailheadCore

/// A tree file read in parts on several cores, as a large file is, against the same file read
/// whole: the tree and the diagnostics must be the same. A target of its own because the parts'
/// threads make each input many times slower under AddressSanitizer than `loader`'s.
enum SplitFuzzing {
    static func run(_ bytes: [UInt8]) {
        let whole = TreeLoader().load(bytes: bytes, path: "fuzz.yaml")
        var loader = TreeLoader()
        loader.splitFrom = 0
        let parts = loader.load(bytes: bytes, path: "fuzz.yaml", split: true)
        if describe(parts) != describe(whole) {
            fatalError("read in parts, the file gave another tree:\n\(describe(parts))\nwhole:\n\(describe(whole))")
        }
    }

    /// Diagnostics, node order and every node's fields, positions included.
    private static func describe(_ file: LoadedFile) -> [String] {
        let nodes = file.tree.map { tree in tree.nodeOrder.map { String(describing: tree.nodes[$0]) } } ?? []
        return file.diagnostics.map(\.description) + (file.tree?.nodeOrder ?? []) + nodes
    }
}
