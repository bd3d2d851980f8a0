import Testing
@testable import TrailheadCore

/// `export --format dot`: exact output for a small tree, and labels that cannot break out.
@Suite struct DotExportTests {
    @Test func smallTreeGolden() {
        #expect(DotExport.render(ExportTrees.demo) == """
        digraph "demo" {
          rankdir=TB;
          node [fontname="Helvetica", fontsize=11];
          edge [fontname="Helvetica", fontsize=10];
          n1 [shape=ellipse, style=filled, fillcolor="#eef3fc", peripheries=2, label="What do you need?"];
          n2 [shape=note, style=filled, fillcolor="#edf8ef", label="Ask for help"];
          n3 [shape=note, style=filled, fillcolor="#edf8ef", label="Get data"];
          x1 [shape=box, style=dashed, label="escape-vre/start"];
          n1 -> n3 [label="Data"];
          n1 -> x1 [label="Compute"];
          n1 -> n2 [label="Help"];
          n3 -> n2 [style=dashed, label="see also"];
        }

        """)
    }

    @Test func quotesBackslashesAndEntitiesAreEscaped() {
        #expect(DotExport.quoted("say \"hi\" \\N &amp; <b>\nnext") == #""say \"hi\" \\N &amp;amp; <b>\nnext""#)
    }

    @Test func hostileTreeKeepsEveryStringClosed() {
        let output = DotExport.render(ExportTrees.hostile)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 13)
        for line in lines.dropFirst(4).dropLast() {
            // With escaped quotes removed, the statement's own quotes pair up and it ends the line.
            let unescaped = line.replacing("\\\\", with: "").replacing("\\\"", with: "")
            #expect(unescaped.filter { $0 == "\"" }.count % 2 == 0, "\(line)")
            #expect(line.hasSuffix("];"), "\(line)")
        }
        #expect(output.contains(#"label="Elsewhere\\N \\G &amp; &amp;amp; \"\"""#))
    }

    @Test func longLabelsWrap() {
        var tree = ExportTrees.demo
        let choices = tree.nodes["start"]!.question!.choices
        tree.updateNodes { nodes in
            nodes["start"]?.content = .question(Question(
                text: "Which of the many services of the research infrastructure do you want to use today?",
                explanation: nil, choices: choices))
        }
        #expect(DotExport.render(tree).contains(#"label="Which of the many services of\nthe research infrastructure do\nyou want to use today?""#))
    }
}
