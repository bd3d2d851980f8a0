/// The keys of a flow-test file, declared once: the decoder's key lists and the JSON Schema
/// (`trees/trailhead-test.schema.json`, checked by `GeneratedFilesTests`) follow from them.
public enum ScenarioSchema {
    struct Key {
        let name: String
        let required: Bool
        let help: String
        let schema: [(String, JSONValue)]
    }

    static let scenarioKeys: [Key] = [
        Key(name: "name", required: true, help: "What the scenario protects, in one line.", schema: [("type", .string("string")), ("minLength", .int(1))]),
        Key(name: "start", required: true, help: "Where the walk starts: a tree id (its start node) or tree/node.", schema: [("type", .string("string")), ("pattern", .string("^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9._-]*)?$"))]),
        Key(name: "probes", required: false, help: "Probe results given in advance, by probe key (command:NAME, file:PATH, env:NAME): passed, failed or unknown; for version:NAME, the version found (41.0.0).", schema: [
            ("type", .string("object")),
            ("additionalProperties", .object([("type", .string("string")), ("pattern", .string("^(passed|failed|unknown|[0-9]+(\\.[0-9]+)*)$"))])),
        ]),
        Key(name: "search", required: false, help: "A query; the walk jumps to its best result, as / does, before any answers.", schema: [("type", .string("string")), ("minLength", .int(1))]),
        Key(name: "answers", required: false, help: "Answers to the questions on the way, each a choice number or the start of a label.", schema: [
            ("type", .string("array")),
            ("items", .object([("type", .array([.string("string"), .string("integer")]))])),
        ]),
        Key(name: "expect", required: true, help: "What must hold where the walk ends: at least one of ends-at, shows, hides, says, holds, suggests.", schema: [("$ref", .string("#/$defs/expect"))]),
    ]

    static let expectKeys: [Key] = [
        Key(name: "ends-at", required: false, help: "The node the walk must end at: node (in the start's tree) or tree/node.", schema: [("type", .string("string"))]),
        Key(name: "shows", required: false, help: "A regular expression, or a list of them, that some command of the end node must match.", schema: [("$ref", .string("#/$defs/patterns"))]),
        Key(name: "hides", required: false, help: "A regular expression, or a list of them, that no command of the end node may match.", schema: [("$ref", .string("#/$defs/patterns"))]),
        Key(name: "says", required: false, help: "A regular expression, or a list of them, that the end page's text must match, as shown on the scenario's machine (sections whose condition is false left out).", schema: [("$ref", .string("#/$defs/patterns"))]),
        Key(name: "holds", required: false, help: "A condition, or a list of them, as written in when: (rucio >= 37), that must be true with the scenario's probe results.", schema: [("$ref", .string("#/$defs/patterns"))]),
        Key(name: "suggests", required: false, help: "The label (or its start) of a choice of the end question, or a list of them, that the probes must mark as suggested.", schema: [("$ref", .string("#/$defs/patterns"))]),
    ]

    public static func text() -> String {
        JSONValue.object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://trailhead.invalid/schemas/flow-test-1.schema.json")),
            ("title", .string("Trailhead flow tests")),
            ("description", .string("Scenarios for `trailhead test` (files ending in .test.yaml): walks through the trees and what must hold where they end. See docs/authoring.md.")),
            ("type", .string("object")),
            ("required", .array([.string("scenarios")])),
            ("properties", .object([("scenarios", .object([
                ("type", .string("array")),
                ("items", .object(object(scenarioKeys, description: "One walk and its expectations."))),
            ]))])),
            ("additionalProperties", .bool(false)),
            ("$defs", .object([
                ("expect", .object(object(expectKeys, description: "At least one of ends-at, shows, hides, says, holds, suggests.") + [("minProperties", .int(1))])),
                ("patterns", .object([("oneOf", .array([
                    .object([("type", .string("string"))]),
                    .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))]),
                ]))])),
            ])),
        ]).serialized() + "\n"
    }

    private static func object(_ keys: [Key], description: String) -> [(String, JSONValue)] {
        [
            ("description", .string(description)),
            ("type", .string("object")),
            ("required", .array(keys.filter(\.required).map { .string($0.name) })),
            ("properties", .object(keys.map { ($0.name, .object([("description", .string($0.help))] + $0.schema)) })),
            ("additionalProperties", .bool(false)),
        ]
    }
}
