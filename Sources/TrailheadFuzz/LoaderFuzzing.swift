import TrailheadCore

/// Tree files as libFuzzer mutates them: loading and validating end in diagnostics, never a crash.
enum LoaderFuzzing {
    static func run(_ bytes: [UInt8]) {
        let loaded = TreeLoader().load(bytes: bytes, path: "fuzz.yaml")
        let validation = ValidationRun(checked: [loaded], context: [])
        if loaded.tree == nil, !validation.diagnostics.hasErrors {
            fatalError("the file produced no tree and no error")
        }
        for diagnostic in validation.diagnostics {
            if diagnostic.location.line < 1 || diagnostic.location.column < 1 {
                fatalError("diagnostic outside the file: \(diagnostic)")
            }
            // Diagnostics quote tree text and are printed to terminals as they are.
            TerminalSafety.require(diagnostic.description, allowingNewlines: false, "diagnostic")
        }
        _ = validation.json.serialized(pretty: false)
        requireSameInParts(bytes, as: loaded)
    }

    /// Read in parts, as a large file is, the file must give exactly what reading it whole gave.
    private static func requireSameInParts(_ bytes: [UInt8], as whole: LoadedFile) {
        var loader = TreeLoader()
        loader.splitFrom = 0
        let parts = loader.load(bytes: bytes, path: "fuzz.yaml", split: true)
        let describe = { (file: LoadedFile) -> [String] in
            let nodes = file.tree.map { tree in tree.nodeOrder.map { String(describing: tree.nodes[$0]) } } ?? []
            return file.diagnostics.map(\.description) + (file.tree?.nodeOrder ?? []) + nodes
        }
        if describe(parts) != describe(whole) {
            fatalError("read in parts, the file gave another tree:\n\(describe(parts))\nwhole:\n\(describe(whole))")
        }
    }
}
