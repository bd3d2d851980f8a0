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
    }
}
