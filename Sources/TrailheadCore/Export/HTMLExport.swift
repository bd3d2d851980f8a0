/// A tree as one self-contained HTML page that walks it from the start, like the terminal interface.
///
/// The page loads nothing: its style and script are inline, a Content-Security-Policy forbids
/// every fetch, and the tree travels as JSON in a `<script type="application/json">` block that
/// the script reads and inserts with `textContent` only. The trees the walk can go on into travel
/// with it (`linked`), so that an answer leading into another guide does not end the page.
public enum HTMLExport {
    /// The `id` of the script block holding the tree, for the page's script and for tools.
    public static let dataElementID = "trailhead-tree"

    public static func render(_ tree: Tree, linked: [Tree] = []) -> String {
        let title = escaped(TextSanitizer.line(tree.title))
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
        <meta name="referrer" content="no-referrer">
        <meta name="generator" content="trailhead export">
        <title>\(title)</title>
        <style>
        \(HTMLPageAssets.style)
        </style>
        </head>
        <body>
        <header><h1 id="tree-title">\(title)</h1><p id="tree-description"></p></header>
        <nav aria-label="Your answers"><ol id="crumbs"></ol></nav>
        <div id="controls"><button type="button" id="back">Back</button> <button type="button" id="restart">Start over</button></div>
        <main id="page" aria-live="polite"><noscript>This page needs JavaScript to walk the guide.</noscript></main>
        <script type="application/json" id="\(dataElementID)">\(embeddedJSON(tree, linked: linked))</script>
        <script>
        \(HTMLPageAssets.script)
        </script>
        </body>
        </html>

        """
    }

    /// The tree's JSON (`export --format json`) with only the links `validate` accepts, and under
    /// `linked` the same for each linked tree; made safe inside a script element: `<`, `>` and `&`
    /// are written as `\u003c`, `\u003e`, `\u0026`, so neither `</script>` nor `<!--` can appear,
    /// and the text still parses back to the same JSON.
    public static func embeddedJSON(_ tree: Tree, linked: [Tree] = []) -> String {
        var document = TreeJSONExport.document(for: withAcceptedLinksOnly(tree))
        if case .object(var fields) = document {
            fields.append(("linked", .array(linked.map { TreeJSONExport.document(for: withAcceptedLinksOnly($0)) })))
            document = .object(fields)
        }
        var json = ""
        for scalar in document.serialized(pretty: false).unicodeScalars {
            switch scalar {
            case "<": json += "\\u003c"
            case ">": json += "\\u003e"
            case "&": json += "\\u0026"
            default: json.unicodeScalars.append(scalar)
            }
        }
        return json
    }

    /// Trees in the catalog already passed `validate`; filtering again keeps the page safe
    /// whatever tree it is given.
    static func withAcceptedLinksOnly(_ tree: Tree) -> Tree {
        var safe = tree
        if let feedback = safe.feedback, URLRules.problem(with: feedback) != nil { safe.feedback = nil }
        safe.updateNodes { nodes in
            for (id, node) in nodes {
                guard case .resource(var resource) = node.content else { continue }
                resource.links = resource.links.filter { URLRules.problem(with: $0.url) == nil }
                nodes[id]?.content = .resource(resource)
            }
        }
        return safe
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
