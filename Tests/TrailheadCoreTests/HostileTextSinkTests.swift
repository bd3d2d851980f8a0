import Testing
@testable import TrailheadCore

/// One hostile tree forced into the catalog (the loader would refuse it), written through every
/// sink that shows tree text: each must show the escapes, never emit them.
@Suite struct HostileTextSinkTests {
    /// ESC sequences that set the window title (OSC 0/2), switch screens and modes (CSI ?1049h,
    /// ?1h, ?2004h), write the clipboard (OSC 52), BEL, C1 CSI (U+009B), DEL, RLO/LRI/PDI bidi,
    /// and ZWSP/ZWJ, in titles, labels, hints, bodies, commands and a URL used as a label.
    static let yaml = #"""
        format: 1
        id: hostile
        title: "T\e]0;TITLE0\aA\e]2;TITLE2\a"
        description: "D\e[?1049h\e[?1h\e[?2004h"
        start: start
        feedback: https://example.org/feedback
        nodes:
          start:
            question: "Q\e]52;c;cm0gLXJmIH4=\a?"
            explain: "E\x9b2J\x7f"
            choices:
              - label: "L\u202Eevil\u2066x\u2069"
                hint: "H\u200Bz\u200Dw"
                goto: page
          page:
            title: "R\e]2;TITLE2\a"
            body: "B\e[?1049h\a"
            tags: [tagged]
            links:
              - url: https://example.org/ok
                label: "https://evil.example/\e]8;;x\a"
            commands:
              - run: "echo \e]52;c;cm0gLXJmIH4=\a"
                does: "C\u202E"

        """#

    /// The visible forms every sink must show, and the raw scalars none may write.
    static let visible = [
        "T^[]0;TITLE0^GA^[]2;TITLE2^G", "Q^[]52;c;cm0gLXJmIH4=^G?", "L<U+202E>evil<U+2066>x<U+2069>",
        "H<U+200B>z<U+200D>w", "R^[]2;TITLE2^G",
    ]

    static let file: LoadedFile = TestTrees.load(yaml, path: "hostile.yaml")

    static let catalog: Catalog = Library.assemble(files: [file], includeBroken: true).catalog

    static var tree: Tree { catalog.trees[0] }

    static let start = NodeKey(tree: "hostile", node: "start")
    static let page = NodeKey(tree: "hostile", node: "page")

    /// Records an issue for every raw ESC, BEL, other C0 (but newline), DEL, C1, bidi or invisible scalar.
    static func expectNothingRaw(_ text: String, _ sink: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" { continue }
            if TextSanitizer.hazard(of: scalar, previous: previous) != nil {
                Issue.record("\(sink) wrote \(TextSanitizer.codePoint(scalar)) raw", sourceLocation: sourceLocation)
                return
            }
        }
    }

    static func expectVisible(_ text: String, _ parts: [String], _ sink: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for part in parts {
            #expect(text.contains(part), "\(sink) does not show \(part):\n\(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func theTreeIsRefusedByTheLoaderButDecoded() {
        #expect(Self.file.isBroken)
        #expect(Self.file.diagnostics.count >= 8)
        #expect(Self.catalog.trees.map(\.id) == ["hostile"])
    }

    @Test func fullScreenInterface() {
        var navigator = Navigator(catalog: Self.catalog, start: Self.start, size: ScreenSize(columns: 200, rows: 40), version: "test")
        let first = Self.text(of: Renderer.render(navigator))
        _ = navigator.handle(.choose)
        let second = Self.text(of: Renderer.render(navigator))
        _ = navigator.handle(.showFeedback)
        let feedback = Self.text(of: Renderer.render(navigator))
        for (name, screen) in [("question page", first), ("resource page", second), ("feedback box", feedback)] {
            Self.expectNothingRaw(screen, "the interface (\(name))")
        }
        Self.expectVisible(first, ["Trailhead › T^[]0;TITLE0^GA^[]2;TITLE2^G", "Q^[]52;c;cm0gLXJmIH4=^G?", "E<U+009B>2J^?",
                                   "L<U+202E>evil<U+2066>x<U+2069>", "H<U+200B>z<U+200D>w"], "the question page")
        Self.expectVisible(second, ["R^[]2;TITLE2^G", "B^[[?1049h^G", "https://evil.example/^[]8;;x^G",
                                    "echo ^[]52;c;cm0gLXJmIH4=^G", "C<U+202E>"], "the resource page")
        Self.expectVisible(feedback, ["“T^[]0;TITLE0^GA^[]2;TITLE2^G”"], "the feedback box")
    }

    @Test func searchPane() {
        var navigator = Navigator(catalog: Self.catalog, size: ScreenSize(columns: 200, rows: 40), version: "test")
        _ = navigator.handle(.openSearch)
        _ = navigator.handle(.type("tagged"))
        let screen = Self.text(of: Renderer.render(navigator))
        Self.expectNothingRaw(screen, "the search pane")
        Self.expectVisible(screen, ["R^[]2;TITLE2^G"], "the search pane")
        let results = SearchIndex(catalog: Self.catalog).search("tagged")
        #expect(results.map(\.key) == [Self.page])
    }

    @Test func plainModeAndPrint() {
        var session = PlainSession(catalog: Self.catalog, io: ScriptedIO(lines: ["1", "q"]), width: 200, start: Self.start)
        _ = session.run()
        Self.expectNothingRaw(session.io.output, "plain mode")
        Self.expectVisible(session.io.output, Self.visible + ["B^[[?1049h^G"], "plain mode")
        let text = NodeText(width: 200)
        let shown = (text.lines(for: Self.start, in: Self.catalog) + text.lines(for: Self.page, in: Self.catalog)).joined(separator: "\n")
        Self.expectNothingRaw(shown, "show")
        Self.expectVisible(shown, Array(Self.visible.dropFirst()) + ["echo ^[]52;c;cm0gLXJmIH4=^G"], "show")
    }

    @Test func jsonEscapesEveryHazard() {
        let json = NodeJSON.node(Self.start, in: Self.catalog).serialized() + NodeJSON.node(Self.page, in: Self.catalog).serialized()
            + TreeJSONExport.render(Self.tree)
        Self.expectNothingRaw(json, "JSON")
        Self.expectVisible(json, [#"Q\u001b]52;c;cm0gLXJmIH4=\u0007?"#, #"L\u202eevil\u2066x\u2069"#, #"H\u200bz\u200dw"#,
                                  #"E\u009b2J\u007f"#], "JSON")
    }

    @Test func diagnosticsAndSourceList() {
        let run = ValidationRun(checked: [Self.file], context: [])
        let printed = (run.diagnostics.map(\.description) + [run.summary]).joined(separator: "\n")
        Self.expectNothingRaw(printed, "validate")
        // A hostile file name reaches `list --sources` and every diagnostic.
        let name = "/t/x\u{1B}]2;NAME\u{07}\u{202E}.yaml"
        let renamed = TestTrees.load(Self.yaml, path: name)
        let library = Library.assemble(files: [renamed], includeBroken: true)
        let report = SourceReport(sources: TreeSources(sources: [.init(path: name, layer: "--trees")]), library: library, exists: { _ in true })
        let listed = report.lines.joined(separator: "\n")
        Self.expectNothingRaw(listed, "list --sources")
        Self.expectVisible(listed, ["/t/x^[]2;NAME^G<U+202E>.yaml"], "list --sources")
        let named = renamed.diagnostics.map(\.description).joined(separator: "\n")
        Self.expectNothingRaw(named, "diagnostics naming the file")
        Self.expectVisible(named, ["/t/x^[]2;NAME^G<U+202E>.yaml:3:8: error: 'title' contains a control character (<U+001B>); remove it"], "diagnostics")
    }

    @Test(arguments: ["dot", "mermaid", "html", "json"])
    func exportFormats(format: String) {
        let output = switch format {
        case "dot": DotExport.render(Self.tree)
        case "mermaid": MermaidExport.render(Self.tree)
        case "html": HTMLExport.render(Self.tree)
        default: TreeJSONExport.render(Self.tree)
        }
        Self.expectNothingRaw(output, "export --format \(format)")
        #expect(!output.contains("TITLE0\u{07}"), "\(format) keeps a BEL")
    }

    static func text(of frame: Frame) -> String {
        frame.rows.map { $0.map(\.text).joined() }.joined(separator: "\n")
    }
}
