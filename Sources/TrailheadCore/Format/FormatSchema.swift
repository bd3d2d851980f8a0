/// The JSON Schema of the tree format (`trees/trailhead.schema.json`), for editors: the shared
/// value shapes are written here, every key's own entry comes from `FormatKeys`.
public enum FormatSchema {
    public static func document() -> JSONValue {
        .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://trailhead.invalid/schemas/tree-format-1.schema.json")),
            ("title", .string("Trailhead tree (format 1)")),
            ("description", .string("One Trailhead decision tree: the user walks from the start node, question by question, to a resource. This schema gives editors completion, hover help and early errors. It cannot check everything: references that point nowhere (also into other trees), duplicate ids, cycles that trap the user, unreachable nodes, unused or undeclared placeholders, YAML aliases, duplicate keys and the size limits are checked by `trailhead validate`, which is the final word. See docs/tree-format.md.")),
            ("type", .string("object")),
            ("properties", properties(of: .tree)),
            ("if", required(["overrides"])),
            ("then", .object(
                [("required", names(FormatKeys.keys(in: .tree).filter { $0.inOverlay == .required }))]
                    + [("not", .object([("anyOf", .array(FormatKeys.keys(in: .tree).filter { $0.inOverlay == nil }.map { required([$0.name]) }))]))])),
            ("else", .object([("required", names(FormatKeys.keys(in: .tree).filter { $0.requirement == .required }))])),
            ("additionalProperties", .bool(false)),
            ("$defs", .object(sharedDefinitions + mappingDefinitions)),
        ])
    }

    /// The file's text: the schema, indented by two, with a final newline.
    public static func text() -> String {
        document().serialized() + "\n"
    }

    private static func properties(of place: FormatKey.Place) -> JSONValue {
        .object(FormatKeys.keys(in: place).map { key in
            (key.name, .object([("description", .string(key.help))] + key.schema))
        })
    }

    private static func names(_ keys: [FormatKey]) -> JSONValue {
        .array(keys.map { .string($0.name) })
    }

    private static func required(_ names: [String]) -> JSONValue {
        .object([("required", .array(names.map(JSONValue.string)))])
    }

    private static func requiredKeys(in place: FormatKey.Place) -> (String, JSONValue) {
        ("required", names(FormatKeys.keys(in: place).filter { $0.requirement == .required }))
    }

    /// "Exactly one of": the keys sharing one conditional requirement.
    private static func exactlyOne(in place: FormatKey.Place) -> (String, JSONValue) {
        ("oneOf", .array(FormatKeys.keys(in: place).filter {
            if case .conditional(let rule) = $0.requirement { return rule.hasPrefix("exactly one of") }
            return false
        }.map { required([$0.name]) }))
    }

    private static func mapping(
        _ place: FormatKey.Place, _ description: String, rules: [(String, JSONValue)] = [], required: Bool = true
    ) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("object"))]
            + (required ? [requiredKeys(in: place)] : [])
            + rules
            + [("properties", properties(of: place)), ("additionalProperties", .bool(false))])
    }

    /// A resource must offer something: the decoder's `dead-end` rule.
    private static let offerings: [(String, JSONValue)] = [
        ("body", .object([("pattern", .string(#"\S"#))])),
        ("links", .object([("minItems", .int(1))])),
        ("commands", .object([("minItems", .int(1))])),
        ("see-also", .object([("minItems", .int(1))])),
    ]

    private static var mappingDefinitions: [(String, JSONValue)] {
        [
            ("questionNode", mapping(.question, "A question with a list of answers; each answer leads to another node.", rules: [
                ("not", required(["title"])),
            ])),
            ("resourceNode", mapping(.resource, "A leaf: the answer the user walked to. Must offer at least one of `body`, `links`, `commands`, `see-also`.", rules: [
                ("not", required(["question"])),
                ("anyOf", .array(offerings.map { name, shape in
                    .object([("required", .array([.string(name)])), ("properties", .object([(name, shape)]))])
                })),
            ])),
            ("choice", mapping(.choice, "One answer to a question: a `label` and exactly one of `goto` (a reference) or `node` (an inline node).", rules: [
                exactlyOne(in: .choice),
            ])),
            ("link", mapping(.link, "A link: `url` (https, http or mailto) and an optional `label`.")),
            ("command", mapping(.command, "A command line shown to the user. `{name}` in `run` is a placeholder only if `name` is declared under `placeholders`; any other braces are literal text.", rules: [
                ("if", .object([("properties", .object([("multiline", .object([("const", .bool(false))]))]))])),
                ("then", .object([("properties", .object([("run", .object([
                    ("pattern", .string(#"^[^\n]*(?![\s\S])"#)),
                    ("patternErrorMessage", .string("This command has a line break: add `multiline: true` (or use `|-` / join the lines).")),
                ]))]))])),
            ])),
            ("commandText", .object([
                ("description", .string("A command line; line breaks only with `multiline: true`. No tabs, control, bidirectional-override or zero-width characters.")),
                ("type", .string("string")),
                ("minLength", .int(1)),
                ("pattern", .string(#"^(?=[\s\S]*\S)[^\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060-\u2064\u180E\u2028\u2029\uFFF9-\uFFFB\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$"#)),
                ("patternErrorMessage", .string("Must not be empty; no tabs, control, bidi-override or zero-width characters.")),
            ])),
            ("placeholder", mapping(.placeholder, "A value the user types in before the command is shown or copied.")),
            ("owner", mapping(.owner, "Who keeps a tree or node true: a name and a contact URL.")),
            ("probe", mapping(.probe, "One read-only check: exactly one of `command`, `file` or `env`.", rules: [
                exactlyOne(in: .probe),
                ("dependentRequired", .object([("version-matches", .array([.string("command")]))])),
            ], required: false)),
        ]
    }

    /// Value shapes several keys share.
    private static let sharedDefinitions: [(String, JSONValue)] = [
        ("treeId", .object([
            ("description", .string("Tree id: lowercase letters, digits and `-`, starting with a letter or digit, at most 64 characters.")),
            ("type", .string("string")),
            ("pattern", .string("^[a-z0-9][a-z0-9-]*$")),
            ("maxLength", .int(64)),
            ("patternErrorMessage", .string("Tree ids use lowercase letters, digits and '-' and start with a letter or digit.")),
        ])),
        ("nodeId", .object([
            ("description", .string("Node id: lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64 characters.")),
            ("type", .string("string")),
            ("pattern", .string("^[a-z0-9][a-z0-9._-]*$")),
            ("maxLength", .int(64)),
            ("patternErrorMessage", .string("Node ids use lowercase letters, digits, '.', '_' and '-' and start with a letter or digit.")),
        ])),
        ("reference", .object([
            ("description", .string("A node reference: `node-id` (a node in this tree) or `tree-id/node-id` (a node in another tree).")),
            ("type", .string("string")),
            ("pattern", .string("^([a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9._-]*$")),
            ("maxLength", .int(129)),
            ("examples", .array([.string("ssh-config"), .string("escape-vre/rucio-install")])),
            ("patternErrorMessage", .string("Write `node-id` or `tree-id/node-id` (lowercase).")),
        ])),
        ("url", .object([
            ("description", .string("An absolute URL with scheme https, http or mailto; no spaces.")),
            ("type", .string("string")),
            ("pattern", .string("^(https?://|mailto:)")),
            ("allOf", .array([.object([("pattern", .string(#"^(https?://[^/?#\s]|mailto:\S)"#))]), .object([("pattern", .string(#"^[^\s\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2060-\u2064\u180E\u2028\u2029\uFFF9-\uFFFB\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+(?![\s\S])"#))])])),
            ("patternErrorMessage", .string("Only https://, http:// and mailto: URLs are allowed, without spaces.")),
        ])),
        ("line", .object([
            ("description", .string("One line of text: no line breaks, tabs, control, bidirectional-override or zero-width characters.")),
            ("type", .string("string")),
            ("pattern", .string(#"^[^\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2060-\u2064\u180E\u2028\u2029\uFFF9-\uFFFB\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*(?![\s\S])"#)),
            ("patternErrorMessage", .string("One line only: no line breaks, tabs, control, bidi-override or zero-width characters.")),
        ])),
        ("requiredLine", .object([
            ("description", .string("One line of non-empty text: no line breaks, tabs, control, bidirectional-override or zero-width characters.")),
            ("type", .string("string")),
            ("minLength", .int(1)),
            ("pattern", .string(#"^(?=[\s\S]*\S)[^\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2060-\u2064\u180E\u2028\u2029\uFFF9-\uFFFB\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*(?![\s\S])"#)),
            ("patternErrorMessage", .string("Must not be empty; one line only: no line breaks, tabs, control, bidi-override or zero-width characters.")),
        ])),
        ("text", .object([
            ("description", .string("Multi-line text (use `|` or `>`): newlines and tabs allowed; no other control, bidirectional-override or zero-width characters.")),
            ("type", .string("string")),
            ("pattern", .string(#"^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060-\u2064\u180E\u2028\u2029\uFFF9-\uFFFB\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$"#)),
            ("patternErrorMessage", .string("No control (other than newline and tab), bidi-override or zero-width characters.")),
        ])),
        ("date", .object([
            ("description", .string("A calendar date, YYYY-MM-DD.")),
            ("type", .string("string")),
            ("pattern", .string("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")),
            ("patternErrorMessage", .string("Write the date as YYYY-MM-DD, e.g. 2026-12-06.")),
        ])),
        ("tags", .object([
            ("description", .string("Search keywords for this node.")),
            ("type", .string("array")),
            ("items", .object([("$ref", .string("#/$defs/requiredLine"))])),
        ])),
        ("topLevelNode", .object([
            ("description", .string("A node listed under `nodes`. Its id is its key, so it has no `id` key of its own.")),
            ("allOf", .array([.object([("$ref", .string("#/$defs/node"))]), .object([("not", .object([("required", .array([.string("id")]))]))])])),
        ])),
        ("node", .object([
            ("description", .string("A question node (has `question` and `choices`) or a resource node (has `title`), never both.")),
            ("oneOf", .array([.object([("$ref", .string("#/$defs/questionNode"))]), .object([("$ref", .string("#/$defs/resourceNode"))])])),
        ])),
    ]
}
