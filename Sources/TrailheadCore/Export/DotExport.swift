/// A tree as a Graphviz `digraph`, for `dot -Tsvg` previews.
public enum DotExport {
    /// Labels wrap at this many columns so long questions do not stretch the drawing.
    static let labelWidth = 32

    public static func render(_ tree: Tree) -> String {
        let graph = ExportGraph(tree: tree)
        var lines = [
            "digraph \(quoted(graph.treeID)) {",
            "  rankdir=TB;",
            "  node [fontname=\"Helvetica\", fontsize=11];",
            "  edge [fontname=\"Helvetica\", fontsize=10];",
        ]
        for vertex in graph.vertices {
            var attributes = switch vertex.shape {
            case .question: ["shape=ellipse", "style=filled", "fillcolor=\"#eef3fc\""]
            case .resource: ["shape=note", "style=filled", "fillcolor=\"#edf8ef\""]
            case .external: ["shape=box", "style=dashed"]
            }
            if vertex.isStart { attributes.append("peripheries=2") }
            attributes.append("label=\(quoted(wrapped(vertex.label)))")
            lines.append("  \(vertex.name) [\(attributes.joined(separator: ", "))];")
        }
        for edge in graph.edges {
            let style = edge.isSeeAlso ? "style=dashed, " : ""
            lines.append("  \(edge.from) -> \(edge.to) [\(style)label=\(quoted(wrapped(edge.label)))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Wrapped lines joined by a newline, which `quoted` writes as dot's `\n` line break.
    private static func wrapped(_ text: String) -> String {
        TextWrapper.wrap(TextSanitizer.line(text), width: labelWidth).joined(separator: "\n")
    }

    /// A double-quoted dot string. A backslash would start dot's `\N`/`\G` substitutions and
    /// Graphviz decodes `&…;` entities in plain labels, so both are escaped along with the quote.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
