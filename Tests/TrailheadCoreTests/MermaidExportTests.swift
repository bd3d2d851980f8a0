import Testing
@testable import TrailheadCore

/// `export --format mermaid`: exact output for a small tree, and labels that cannot break out.
@Suite struct MermaidExportTests {
    @Test func smallTreeGolden() {
        #expect(MermaidExport.render(ExportTrees.demo) == """
        flowchart TD
          %% tree demo, written by trailhead export
          n1{{"What do you need?"}}:::question
          n2["Ask for help"]:::resource
          n3["Get data"]:::resource
          x1[["escape-vre/start"]]:::external
          n1 -->|"Data"| n3
          n1 -->|"Compute"| x1
          n1 -->|"Help"| n2
          n3 -.->|"see also"| n2
          classDef question fill:#eef3fc,stroke:#3a64b8
          classDef resource fill:#edf8ef,stroke:#2f7d46
          classDef external fill:#f4f4f4,stroke:#777,stroke-dasharray:4 3
          classDef start stroke-width:3px
          class n1 start

        """)
    }

    @Test func labelsAreEntityEncoded() {
        #expect(MermaidExport.quoted(#"a "b" #c 50% <i>&`x`|[y]{z}"#)
            == #""a #34;b#34; #35;c 50#37; #60;i#62;#38;#96;x#96;#124;#91;y#93;#123;z#125;""#)
    }

    @Test func hostileTreeStaysOneStatementPerLine() {
        let output = MermaidExport.render(ExportTrees.hostile)
        let lines = output.split(separator: "\n")
        // 2 header, 4 vertices (2 nodes + 2 external), 4 edges, 4 classDefs, 1 start class.
        #expect(lines.count == 15)
        for line in lines.dropFirst(2).prefix(8) {
            // Each label is one quoted string: exactly two quote characters per vertex, and two per edge.
            #expect(line.filter { $0 == "\"" }.count == 2, "\(line)")
        }
        #expect(!output.contains("%%{") && !output.contains("<") && !output.contains("&"))
        #expect(!output.contains("`"))
    }

    @Test func newlinesAndControlCharactersAreShownNotObeyed() {
        let output = MermaidExport.render(ExportTrees.unchecked)
        #expect(output.contains(#"n1{{"Line one↵line two ^#91;#91;2J#60;U+202E#62;"}}"#))
        #expect(!output.contains("\u{1B}") && !output.contains("\u{202E}"))
    }
}
