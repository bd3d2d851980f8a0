/// The key tables of docs/tree-format.md, written from `FormatKeys` between marker comments.
public enum FormatKeyTables {
    /// The comment a generated table starts after; the table ends at `end`.
    public static func start(of place: FormatKey.Place) -> String {
        "<!-- keys of \(place.rawValue): generated from Sources/TrailheadCore/Format/FormatKeys.swift by `make generated` -->"
    }

    public static let end = "<!-- end of generated keys -->"

    /// One Markdown table: a row per key of the place, in declaration order.
    public static func table(for place: FormatKey.Place) -> String {
        var lines = ["| key | required | value | what it is for |", "|---|---|---|---|"]
        for key in FormatKeys.keys(in: place) {
            lines.append("| `\(key.name)` | \(requirement(key.requirement)) | \(cell(key.value)) | \(cell(key.help)) |")
        }
        return lines.joined(separator: "\n")
    }

    /// `document` with every marked region replaced by its current table; nil when a start marker
    /// has no end.
    public static func updating(_ document: String) -> String? {
        var text = document
        for place in FormatKey.Place.allCases {
            guard let start = text.firstRange(of: start(of: place)) else { continue }
            guard let stop = text[start.upperBound...].firstRange(of: end) else { return nil }
            text.replaceSubrange(start.upperBound..<stop.lowerBound, with: "\n" + table(for: place) + "\n")
        }
        return text
    }

    private static func requirement(_ requirement: FormatKey.Requirement) -> String {
        switch requirement {
        case .required: "yes"
        case .optional: "no"
        case .inlineOnly: "only on an inline node"
        case .conditional(let rule): rule
        }
    }

    /// A table cell: a `|` inside it would end the cell.
    private static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|")
    }
}
