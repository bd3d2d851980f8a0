/// Fills a tree's feedback template with where the user was, URL-encoded.
public enum FeedbackLink {
    /// The template with `{tree}`, `{node}`, `{path}` (node ids from the start, joined by `/`)
    /// and `{version}` replaced: the node's owner's contact when it has one (its own or its
    /// tree's), else the tree's feedback target; nil when there is neither.
    public static func url(for key: NodeKey, trail: [PathStep], in catalog: Catalog, version: String) -> String? {
        guard let template = catalog.stewardship(of: key).owner?.contact ?? catalog.tree(key.tree)?.feedback else { return nil }
        let path = (trail.map(\.from.node) + [key.node]).joined(separator: "/")
        return filled(template, tree: key.tree, node: key.node, path: path, version: version)
    }

    /// For a search that found no answer: `{node}` is `search` and `{path}` is `search:` and the
    /// query, so the tree's owner learns what was looked for.
    public static func url(forSearch query: String, tree: String, in catalog: Catalog, version: String) -> String? {
        guard let found = catalog.tree(tree) else { return nil }
        guard let template = found.owner?.contact ?? found.feedback else { return nil }
        return filled(template, tree: tree, node: "search", path: "search:" + String(query.prefix(200)), version: version)
    }

    private static func filled(_ template: String, tree: String, node: String, path: String, version: String) -> String {
        var url = template
        for (field, value) in [("{tree}", tree), ("{node}", node), ("{path}", path), ("{version}", version)] {
            url = url.replacing(field, with: percentEncoded(value))
        }
        return url
    }

    /// The template with every field filled with a plain word, to be checked as a URL.
    static func sample(_ template: String) -> String {
        ["{tree}", "{node}", "{path}", "{version}"].reduce(template) { $0.replacing($1, with: "x") }
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986), so a value cannot
    /// change the structure of the URL it is put into.
    public static func percentEncoded(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
