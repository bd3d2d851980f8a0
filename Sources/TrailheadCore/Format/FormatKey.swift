/// One key of the tree format, declared once: where it stands, whether it is required, what its
/// value looks like, what it is for, and, for a free text field, how every part of Trailhead uses it.
///
/// The decoder's key lists, the JSON Schema (`trees/trailhead.schema.json`), the key tables of
/// docs/tree-format.md and, for text fields, the cache, the JSON output, the search index and the
/// pages all follow from `FormatKeys.all`; a test fails when a generated file is stale.
public struct FormatKey: Sendable {
    /// The kind of mapping a key belongs to.
    public enum Place: String, Sendable, CaseIterable {
        case tree, question, resource, choice, link, command, placeholder, probe, owner
    }

    /// Whether a mapping must have the key, in the words the docs use.
    public enum Requirement: Sendable, Equatable {
        case required
        case optional
        /// Allowed only on an inline node (under a choice's `node`).
        case inlineOnly
        /// Required or not depending on the mapping's other keys, as the docs say it.
        case conditional(String)
    }

    public let name: String
    public let place: Place
    public let requirement: Requirement
    /// Whether an overlay file may have this tree-level key, and must.
    public let inOverlay: Requirement?
    /// The value's shape in the docs' key table, e.g. "one line, not empty".
    public let value: String
    /// What the key is for: the schema's hover text and the docs' last column.
    public let help: String
    /// The value's JSON Schema, without its description.
    let schema: [(String, JSONValue)]
    /// How Trailhead reads, keeps, prints, searches and shows a free text field.
    let text: TextField?

    init(
        _ name: String, in place: Place, _ requirement: Requirement, overlay: Requirement? = nil,
        value: String, help: String, schema: [(String, JSONValue)], text: TextField? = nil
    ) {
        self.name = name
        self.place = place
        self.requirement = requirement
        self.inOverlay = overlay
        self.value = value
        self.help = help
        self.schema = schema
        self.text = text
    }
}

/// A free text field of a question or a resource, handled the same way everywhere: read as text,
/// kept in the cache, printed under its JSON name, searched as `search`, shown on every page.
struct TextField: Sendable {
    /// Where the text lives in the model.
    enum Access: Sendable {
        case question(WritableKeyPath<Question, String?> & Sendable)
        case resource(WritableKeyPath<Resource, String?> & Sendable)
    }

    let access: Access
    /// The member name in `show --json` and `export --format json`.
    let jsonName: String
    /// Which search field its words count as.
    let search: SearchIndex.Field
    /// Shown under this heading; nil for the node's lead paragraph (`explain`, `body`).
    let heading: String?
    /// Line breaks and tabs allowed (`|` blocks).
    let multiline: Bool
}

extension FormatKey {
    /// A `$ref` to one of the schema's shared definitions.
    static func ref(_ definition: String) -> [(String, JSONValue)] {
        [("$ref", .string("#/$defs/\(definition)"))]
    }

    /// A list whose items are `$ref`s to one definition.
    static func list(of definition: String, minItems: Int? = nil) -> [(String, JSONValue)] {
        [("type", .string("array"))] + (minItems.map { [("minItems", .int($0))] } ?? []) + [("items", .object(ref(definition)))]
    }
}
