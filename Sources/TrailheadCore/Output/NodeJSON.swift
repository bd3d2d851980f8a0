/// The stable JSON shapes of scripted output (documented in docs/cli.md, with a JSON Schema per
/// command in docs/schemas).
public enum NodeJSON {
    /// The version of the JSON contract, in every document's `format` key: raised when a key is
    /// removed or changes meaning (adding one does not).
    public static let contractVersion = 1

    /// `probes` holds the answers to the node's probes; without them `result` is null.
    public static func node(_ key: NodeKey, in catalog: Catalog, probes: ProbeBoard = ProbeBoard()) -> JSONValue {
        guard let node = catalog.node(key) else { return .null }
        // Every key is present on every node: what does not apply to its kind is null or [].
        var members: [(String, JSONValue)] = identity(key) + [
            ("kind", .string(node.isResource ? "resource" : "question")),
            ("title", .string(node.heading)),
            ("question", .optional(node.question?.text)),
        ]
        for text in FormatKeys.questionTexts {
            members += declaredText(node.question?[keyPath: text.path], name: text.field.jsonName, probes: probes)
        }
        members.append(("choices", .array((node.question?.choices ?? []).enumerated().map { index, choice in
            .object([
                ("number", .int(index + 1)),
                ("label", .string(choice.label)),
                ("hint", .optional(choice.hint)),
                ("target", .string(choice.target.key(from: key.tree).description)),
                ("suggested", probes.suggests(choice).map(JSONValue.bool) ?? .null),
                ("when", condition(choice.when, probes: probes)),
            ])
        })))
        let resource = node.resource
        for text in FormatKeys.resourceTexts {
            members += declaredText(resource?[keyPath: text.path], name: text.field.jsonName, probes: probes)
        }
        members.append(("links", .array((resource?.links ?? []).map { link in
            .object([("label", .string(link.displayLabel)), ("url", .string(link.url)), ("when", condition(link.when, probes: probes))])
        })))
        members.append(("commands", .array((resource?.commands ?? []).map { command($0, probes: probes) })))
        members.append(("seeAlso", .array((resource?.seeAlso ?? []).map { reference in
            let target = reference.key(from: key.tree)
            return .object([
                ("target", .string(target.description)),
                ("title", .optional(catalog.node(target)?.heading)),
            ])
        })))
        members.append(("probes", .array(node.probes.map { probe in
            .object([
                ("kind", .string(probe.kind)),
                ("subject", .string(probe.subject)),
                ("missing", .bool(probe.missing)),
                ("result", probes[probe].map { .string($0.outcome.rawValue) } ?? .null),
                ("detail", .optional(probes[probe]?.detail)),
            ])
        })))
        members.append(("tags", .array(node.tags.map(JSONValue.string))))
        members.append(("errors", .array(node.errors.map(JSONValue.string))))
        let (owner, reviewed) = catalog.stewardship(of: key)
        members.append(("owner", owner.map { .object([("name", .string($0.name)), ("contact", .string($0.contact))]) } ?? .null))
        members.append(("reviewed", .optional(reviewed?.description)))
        members.append(("path", path(to: key, in: catalog)))
        members.append(("source", location(node.location)))
        return .object(members)
    }

    /// A text field as written (`body`), and read as blocks (`bodyBlocks`); both null when absent.
    static func declaredText(_ text: String?, name: String, probes: ProbeBoard) -> [(String, JSONValue)] {
        [(name, .optional(text)), (name + "Blocks", text.map { blocks(RichText.parse($0).text.blocks, probes: probes) } ?? .null)]
    }

    /// Rich text as data: `{"type": "paragraph", "spans": […]}`, `list` (`items`, each with
    /// `marker` and `spans`), `code` (`text`), `note` and `warning` (`blocks`), and `when`
    /// (`condition`, `holds`, `blocks`). A span is `{"text": …, "code": true|false}`; a kept line
    /// break is `{"text": "\n", "code": false}`.
    static func blocks(_ blocks: [RichText.Block], probes: ProbeBoard) -> JSONValue {
        .array(blocks.map { block in
            switch block {
            case .paragraph(let spans):
                .object([("type", .string("paragraph")), ("spans", self.spans(spans))])
            case .list(let items):
                .object([("type", .string("list")), ("items", .array(items.map { item in
                    .object([("marker", .string(item.marker)), ("spans", spans(item.spans))])
                }))])
            case .code(let text):
                .object([("type", .string("code")), ("text", .string(text))])
            case .callout(let callout, let inner):
                .object([("type", .string(callout.rawValue)), ("blocks", self.blocks(inner, probes: probes))])
            case .conditional(let when, let inner):
                .object([
                    ("type", .string("when")),
                    ("condition", .string(when.description)),
                    ("holds", when.holds(in: probes).map(JSONValue.bool) ?? .null),
                    ("blocks", self.blocks(inner, probes: probes)),
                ])
            }
        })
    }

    private static func spans(_ spans: [RichText.Span]) -> JSONValue {
        .array(spans.map { span in
            switch span {
            case .text(let text): .object([("text", .string(text)), ("code", .bool(false))])
            case .code(let text): .object([("text", .string(text)), ("code", .bool(true))])
            case .lineBreak: .object([("text", .string("\n")), ("code", .bool(false))])
            }
        })
    }

    /// `when` is null, or the condition as written and whether it holds here (null: not known).
    public static func command(_ command: Command, probes: ProbeBoard = ProbeBoard()) -> JSONValue {
        .object([
            ("run", .string(command.run)),
            ("does", .string(command.does)),
            ("multiline", .bool(command.multiline)),
            ("when", condition(command.when, probes: probes)),
            ("placeholders", .array(command.placeholders.map { placeholder in
                .object([
                    ("name", .string(placeholder.name)),
                    ("prompt", .string(placeholder.prompt)),
                    ("default", .optional(placeholder.defaultValue)),
                    ("pattern", .optional(placeholder.pattern)),
                    ("patternHint", .optional(placeholder.patternHint)),
                ])
            })),
        ])
    }

    /// A link's or command's condition as written and whether it holds here (null: not known).
    static func condition(_ condition: Condition?, probes: ProbeBoard) -> JSONValue {
        condition.map { .object([("condition", .string($0.description)), ("holds", $0.holds(in: probes).map(JSONValue.bool) ?? .null)]) } ?? .null
    }

    /// The breadcrumb from the tree's start: each question on the way and the answer given.
    public static func path(to key: NodeKey, in catalog: Catalog) -> JSONValue {
        guard let steps = catalog.pathWithHeadings(to: key) else { return .null }
        return .array(steps.map(pathStep))
    }

    /// How every document names a node: `tree`, the bare `node` id, and `key` (`tree/node`, the
    /// form every reference to a node elsewhere takes: `target`, `path[].key`).
    public static func identity(_ key: NodeKey) -> [(String, JSONValue)] {
        [("tree", .string(key.tree)), ("node", .string(key.node)), ("key", .string(key.description))]
    }

    /// One result of `search --json`.
    public static func searchResult(_ result: SearchResult, in catalog: Catalog) -> JSONValue {
        .object(searchResultHead(result.key, node: catalog.node(result.key)) + [
            ("score", .int(result.score)),
            ("field", .string(result.field.rawValue)),
            ("matched", .string(result.matchedText)),
            ("positions", .array(result.positions.map(JSONValue.int))),
            ("path", path(to: result.key, in: catalog)),
        ])
    }

    /// The members of a search result that depend on its node alone, which a search snapshot
    /// keeps written out.
    static func searchResultHead(_ key: NodeKey, node: Node?) -> [(String, JSONValue)] {
        identity(key) + [
            ("kind", .string(node?.isResource == true ? "resource" : "question")),
            ("title", .optional(node?.heading)),
        ]
    }

    /// One element of `path`: the question asked and the answer given there.
    static func pathStep(_ step: PathStep, heading: String) -> JSONValue {
        var members: [(String, JSONValue)] = identity(step.from) + [
            ("heading", .string(heading)),
        ]
        switch step.via {
        case .choice(let number, let label):
            members.append(("answer", .string(label)))
            members.append(("number", .int(number)))
        case .seeAlso:
            members.append(("answer", .null))
            members.append(("number", .null))
        }
        return .object(members)
    }

    public static func location(_ location: SourceLocation) -> JSONValue {
        .object([("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column))])
    }

    public static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("file", .string(diagnostic.location.file)),
            ("line", .int(diagnostic.location.line)),
            ("column", .int(diagnostic.location.column)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)),
        ])
    }
}
