/// A tree as a Mermaid `flowchart TD`, for previews in merge requests.
public enum MermaidExport {
    public static func render(_ tree: Tree) -> String {
        let graph = ExportGraph(tree: tree)
        var lines = ["flowchart TD", "  %% tree \(graph.treeID), written by trailhead export"]
        for vertex in graph.vertices {
            let text = quoted(vertex.label)
            let shape = switch vertex.shape {
            case .question: "{{\(text)}}:::question"
            case .resource: "[\(text)]:::resource"
            case .external: "[[\(text)]]:::external"
            }
            lines.append("  \(vertex.name)\(shape)")
        }
        for edge in graph.edges {
            lines.append("  \(edge.from) \(edge.isSeeAlso ? "-.->" : "-->")|\(quoted(edge.label))| \(edge.to)")
        }
        lines += [
            "  classDef question fill:#eef3fc,stroke:#3a64b8",
            "  classDef resource fill:#edf8ef,stroke:#2f7d46",
            "  classDef external fill:#f4f4f4,stroke:#777,stroke-dasharray:4 3",
            "  classDef start stroke-width:3px",
        ]
        lines += graph.vertices.filter(\.isStart).map { "  class \($0.name) start" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double-quoted Mermaid label. Mermaid decodes `#NN;` entity codes and renders labels as
    /// HTML, so every character that could end the string, start an entity, open a directive
    /// (`%%{`), a Markdown string or a tag is written as a decimal entity code.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in TextSanitizer.line(text).unicodeScalars {
            switch scalar {
            case "\"", "#", "%", "&", "<", ">", "`", "|", "[", "]", "{", "}":
                out += "#\(scalar.value);"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
