/// Every key of the tree format, in the order the decoder lists them in its messages.
///
/// To add a key, add its declaration here; a free text field of a question or a resource also
/// needs its property in Node.swift and nothing else (docs/ARCHITECTURE.md, "Add a field").
public enum FormatKeys {
    public static let all: [FormatKey] = [
        // MARK: Tree keys
        FormatKey(
            "format", in: .tree, .required, overlay: .required,
            value: "the number `1`",
            help: #"Format version of this file. Always 1 (a number, not the string "1")."#,
            schema: [("type", .string("integer")), ("const", .int(1))]),
        FormatKey(
            "id", in: .tree, .required,
            value: "lowercase letters, digits and `-`; starts with a letter or digit; at most 64 characters (`^[a-z0-9][a-z0-9-]*$`)",
            help: "Tree id, unique across all loaded trees; other trees link here with `<id>/<node-id>`. Lowercase letters, digits and `-`, starting with a letter or digit, at most 64 characters. Example: lab-onboarding",
            schema: FormatKey.ref("treeId")),
        FormatKey(
            "title", in: .tree, .required,
            value: "one line, not empty",
            help: "Name of the tree, shown on the start screen. One line.",
            schema: FormatKey.ref("requiredLine")),
        FormatKey(
            "description", in: .tree, .required, overlay: .optional,
            value: "one line, not empty; one or two sentences",
            help: "One or two sentences shown under the title on the start screen. One line of text (for a long value in the file use a plain multi-line scalar or `>-`).",
            schema: FormatKey.ref("requiredLine")),
        FormatKey(
            "start", in: .tree, .required,
            value: "a node id in this tree",
            help: "Id of the node in this tree where the walk begins (usually a question).",
            schema: FormatKey.ref("nodeId")),
        FormatKey(
            "feedback", in: .tree, .optional,
            value: "an `https://`, `http://` or `mailto:` URL template",
            help: #"Where "this didn't help me" goes: an https, http or mailto URL template. Trailhead fills {tree} (tree id), {node} (current node id), {path} (the route taken from the start) and {version} (Trailhead version), URL-encoded."#,
            schema: [("$ref", .string("#/$defs/url")), ("examples", .array([.string("https://support.example.org/trailhead/feedback?tree={tree}&node={node}&path={path}&version={version}"), .string("mailto:research-it@example.org?subject=Trailhead%20{tree}%2F{node}")]))]),
        owner(in: .tree),
        reviewed(in: .tree),
        FormatKey(
            "aliases", in: .tree, .optional,
            value: "a list of word groups, each a list of at least two words: `[[chat, mattermost, slack], [proxy, voms-proxy]]`",
            help: "Words search treats as one, in groups: a newcomer who types one word of a group also finds nodes with the others. Each group has at least two words; a word is in one group only.",
            schema: [("type", .string("array")), ("items", .object([("type", .string("array")), ("minItems", .int(2)), ("uniqueItems", .bool(true)), ("items", .object([("type", .string("string")), ("minLength", .int(1))]))]))]),
        FormatKey(
            "nodes", in: .tree, .required, overlay: .required,
            value: "a mapping of node id → node",
            help: "All top-level nodes of the tree, keyed by node id. A node is a question (has `question`) or a resource (has `title`). Node ids: lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64 characters.",
            schema: [("type", .string("object")), ("minProperties", .int(1)), ("maxProperties", .int(100000)), ("propertyNames", .object([("$ref", .string("#/$defs/nodeId"))])), ("additionalProperties", .object([("$ref", .string("#/$defs/topLevelNode"))]))]),
        FormatKey(
            "overrides", in: .tree, .optional, overlay: .required,
            value: "the id of a tree in a lower layer; makes this file an [overlay](#overlays-changing-a-few-nodes-of-another-layers-tree)",
            help: #"Makes this file an overlay: the id of a tree in a lower layer (site, bundled…) whose nodes this file replaces (same node id) or adds (new id). An overlay has no id, title, start or feedback. See "Overlays" in docs/tree-format.md."#,
            schema: FormatKey.ref("treeId")),
        // MARK: Question keys
        FormatKey(
            "question", in: .question, .required,
            value: "one line, not empty: the question asked",
            help: "The question asked. One line.",
            schema: FormatKey.ref("requiredLine")),
        FormatKey(
            "explain", in: .question, .optional,
            value: #"help text shown under the question; may span several lines (use `|`), in [rich text](#rich-text-code-lists-callouts-conditions)"#,
            help: "Optional help shown under the question; may span several lines (use `|`) and is rich text like a resource's `body`.",
            schema: FormatKey.ref("text"),
            text: TextField(access: .question(\.explanation), jsonName: "explain", search: .body, heading: nil, multiline: true)),
        FormatKey(
            "choices", in: .question, .required,
            value: "a list with at least one [choice](#choices), in the order they are shown",
            help: "The answers the user can pick, in display order (at least one).",
            schema: FormatKey.list(of: "choice", minItems: 1)),
        FormatKey(
            "tags", in: .question, .optional,
            value: "a list of search keywords",
            help: "Search keywords for this question.",
            schema: FormatKey.ref("tags")),
        errors(in: .question),
        probes(in: .question),
        owner(in: .question),
        reviewed(in: .question),
        inlineID(in: .question),
        // MARK: Resource keys
        FormatKey(
            "title", in: .resource, .required,
            value: "one line, not empty",
            help: "Heading of the resource. One line.",
            schema: FormatKey.ref("requiredLine")),
        FormatKey(
            "body", in: .resource, .optional,
            value: "explanation text, several lines allowed, in [rich text](#rich-text-code-lists-callouts-conditions)",
            help: "Explanation text: paragraphs separated by a blank line and re-wrapped to the window width, inline `code`, lists (`- ` or `1. `), fenced code blocks (never re-wrapped; the reader copies one with `c`) and `::: note`, `::: warning` or `::: when CONDITION` sections closed by `:::`. Use `|`.",
            schema: FormatKey.ref("text"),
            text: TextField(access: .resource(\.body), jsonName: "body", search: .body, heading: nil, multiline: true)),
        FormatKey(
            "tags", in: .resource, .optional,
            value: "a list of search keywords",
            help: "Search keywords for this resource.",
            schema: FormatKey.ref("tags")),
        FormatKey(
            "links", in: .resource, .optional,
            value: "a list of `{url, label}`",
            help: "Web pages or mail addresses to open: a list of `{url, label}`.",
            schema: FormatKey.list(of: "link")),
        FormatKey(
            "commands", in: .resource, .optional,
            value: "a list of [commands](#commands)",
            help: "Command lines the user can copy or fill in, each with a one-line `does`.",
            schema: FormatKey.list(of: "command")),
        FormatKey(
            "see-also", in: .resource, .optional,
            value: "a list of node references (`node-id` or `tree-id/node-id`)",
            help: "Related nodes: `node-id` in this tree or `tree-id/node-id` in another tree.",
            schema: FormatKey.list(of: "reference")),
        errors(in: .resource),
        probes(in: .resource),
        owner(in: .resource),
        reviewed(in: .resource),
        inlineID(in: .resource),
        // MARK: Choice keys
        FormatKey(
            "label", in: .choice, .required,
            value: "one line, not empty: the answer as the user sees it",
            help: "The answer as the user sees and picks it. One line, not empty.",
            schema: FormatKey.ref("requiredLine")),
        FormatKey(
            "hint", in: .choice, .optional,
            value: "one line shown next to or below the label",
            help: "Optional one-line hint shown next to or below the label.",
            schema: FormatKey.ref("line")),
        FormatKey(
            "goto", in: .choice, .conditional("exactly one of `goto` / `node`"),
            value: "where the answer leads: a node reference (below)",
            help: "Where this answer leads: `node-id` in this tree or `tree-id/node-id` in another tree. Use either `goto` or `node`, not both.",
            schema: FormatKey.ref("reference")),
        FormatKey(
            "node", in: .choice, .conditional("exactly one of `goto` / `node`"),
            value: "an inline node, written right here",
            help: "An inline node written in place (question or resource). Its id is its `id` key, or `<parent-id>.<choice number, from 1>`. Use either `goto` or `node`, not both.",
            schema: FormatKey.ref("node")),
        FormatKey(
            "suggest-if", in: .choice, .optional,
            value: #"one [probe](#probes-what-the-users-machine-already-has); when it passes the choice is marked "✓ suggested""#,
            help: #"Mark this choice as the one the machine suggests when this probe passes (e.g. `{command: rucio}` on "It is installed")."#,
            schema: FormatKey.ref("probe")),
        condition(in: .choice),
        // MARK: Link keys
        FormatKey(
            "url", in: .link, .required,
            value: "an absolute URL starting with `https://`, `http://` or `mailto:`",
            help: "The address: https://, http:// or mailto: only.",
            schema: FormatKey.ref("url")),
        FormatKey(
            "label", in: .link, .optional,
            value: "the text shown; defaults to the URL",
            help: "Text shown for the link; defaults to the URL.",
            schema: FormatKey.ref("requiredLine")),
        condition(in: .link),
        // MARK: Command keys
        FormatKey(
            "run", in: .command, .required,
            value: "the command line text, e.g. `rucio download {did}`",
            help: #"The command line, e.g. `rucio download {did}`. Declared placeholders are written `{name}`; other braces (`awk '{print $1}'`, `-exec {} \;`, `${HOME}`) stay as they are. A line break requires `multiline: true`."#,
            schema: FormatKey.ref("commandText")),
        FormatKey(
            "does", in: .command, .required,
            value: "one line: what the command does",
            help: "One line saying what the command does.",
            schema: FormatKey.ref("requiredLine")),
        FormatKey(
            "placeholders", in: .command, .optional,
            value: "a mapping of name → placeholder (below)",
            help: "Values the user fills in, keyed by name (`^[a-z][a-z0-9_-]*$`). Every declared placeholder must appear as `{name}` in `run`.",
            schema: [("type", .string("object")), ("propertyNames", .object([("type", .string("string")), ("pattern", .string("^[a-z][a-z0-9_-]*$")), ("patternErrorMessage", .string("Placeholder names: lowercase letter first, then lowercase letters, digits, '_' or '-'."))])), ("additionalProperties", .object([("$ref", .string("#/$defs/placeholder"))]))]),
        FormatKey(
            "multiline", in: .command, .optional,
            value: "`true` or `false` (default `false`); must be `true` if `run` contains a line break",
            help: "Set to true when `run` spans several lines (for example a heredoc). Default false.",
            schema: [("type", .string("boolean")), ("default", .bool(false))]),
        condition(in: .command),
        // MARK: Placeholder keys
        FormatKey(
            "prompt", in: .placeholder, .required,
            value: "one line: what to ask the user",
            help: "What to ask the user, e.g. `Job number (from squeue)`.",
            schema: FormatKey.ref("requiredLine")),
        FormatKey(
            "default", in: .placeholder, .optional,
            value: #"a value filled in beforehand (a string: quote numbers, `default: "30"`)"#,
            help: #"Optional value pre-filled for the user. A string: quote values that look like numbers or booleans ("30", "yes")."#,
            schema: FormatKey.ref("line")),
        FormatKey(
            "pattern", in: .placeholder, .optional,
            value: "a regular expression the **whole** value must match (no `^`/`$` needed)",
            help: "Optional regular expression the whole value must match (no need for ^ and $), e.g. `[0-9]+`.",
            schema: [("$ref", .string("#/$defs/line")), ("format", .string("regex"))]),
        FormatKey(
            "pattern-hint", in: .placeholder, .optional,
            value: "with `pattern` only: what the value must look like, in words",
            help: "With `pattern`: what a value must look like, in words (`3 to 16 lower-case letters or digits`), shown instead of the pattern when a value does not fit.",
            schema: FormatKey.ref("line")),
        // MARK: Probe keys
        FormatKey(
            "command", in: .probe, .conditional("exactly one of `command` / `file` / `env`"),
            value: "a bare command name looked up on PATH",
            help: "A bare command name looked up on PATH, e.g. rucio (letters, digits, '.', '_', '+', '-').",
            schema: [("type", .string("string")), ("pattern", .string("^[A-Za-z0-9._+][A-Za-z0-9._+-]{0,63}$"))]),
        FormatKey(
            "file", in: .probe, .conditional("exactly one of `command` / `file` / `env`"),
            value: "an absolute path, or one starting with `~/`",
            help: "An absolute path, or one starting with `~/` for the home directory, that must exist.",
            schema: [("type", .string("string")), ("pattern", .string("^(/|~/)"))]),
        FormatKey(
            "env", in: .probe, .conditional("exactly one of `command` / `file` / `env`"),
            value: "an environment variable name",
            help: "An environment variable that must be set and not empty.",
            schema: [("type", .string("string")), ("pattern", .string("^[A-Za-z_][A-Za-z0-9_]*$"))]),
        FormatKey(
            "version-matches", in: .probe, .optional,
            value: "with `command` only: a regular expression its `--version` output must contain",
            help: "With `command`: a regular expression that the output of `NAME --version` must contain (run with a 2-second deadline).",
            schema: [("type", .string("string")), ("minLength", .int(1))]),
        FormatKey(
            "missing", in: .probe, .optional,
            value: "`true`: the probe passes when the command, file or variable is **not** there",
            help: "true: the probe passes when the command, file or variable is not there (suggest installing what is missing).",
            schema: [("type", .string("boolean"))]),
        // MARK: Owner keys
        FormatKey(
            "name", in: .owner, .required,
            value: "one line, not empty",
            help: "The person or team who keeps the content true, e.g. `ESCAPE VRE team`.",
            schema: FormatKey.ref("requiredLine")),
        FormatKey(
            "contact", in: .owner, .required,
            value: "an `https://`, `http://` or `mailto:` URL (template)",
            help: "Where to reach the owner; `!` feedback opens it, with {tree}, {node}, {path} and {version} filled in as in `feedback`.",
            schema: FormatKey.ref("url")),
    ]

    /// When a link or command applies on the user's machine.
    private static func condition(in place: FormatKey.Place) -> FormatKey {
        FormatKey(
            "when", in: place, .optional,
            value: "a condition: `NAME >= VERSION` (or `>`, `<=`, `<`, `==`), `command NAME`, `file PATH` or `env NAME`",
            help: "When the \(place.rawValue) applies, checked on the user's machine like a probe: `rucio >= 37` compares the version `rucio --version` prints. One whose condition is false is hidden (v shows it); one that cannot be checked is shown, marked.",
            schema: [("type", .string("string")), ("pattern", .string("^(command [A-Za-z0-9._+-]+|file (/|~/)\\S*|env [A-Za-z_][A-Za-z0-9_]*|[A-Za-z0-9._+-]+ (>=|>|<=|<|==) [0-9]+(\\.[0-9]+)*)$"))])
    }

    /// Error messages a node answers, matched against text a newcomer pastes.
    private static func errors(in place: FormatKey.Place) -> FormatKey {
        FormatKey(
            "errors", in: place, .optional,
            value: "a list of message fragments, `*` standing for any text: `Permission denied (publickey)`, `voms-proxy-init: command not found`",
            help: "Error messages this node answers, as fragments of the text a program prints; `*` stands for any text. Search and `trailhead explain` match them in what a newcomer pastes, after paths, host names, long numbers, times and quoted names are set aside on both sides.",
            schema: [("type", .string("array")), ("items", .object([("type", .string("string")), ("minLength", .int(4))]))])
    }

    /// Who keeps a tree or node true; a node's own wins over its tree's.
    private static func owner(in place: FormatKey.Place) -> FormatKey {
        FormatKey(
            "owner", in: place, .optional,
            value: "`{name, contact}`: who keeps \(place == .tree ? "the tree" : "this node") true; contact is an https, http or mailto URL",
            help: "Who keeps \(place == .tree ? "the tree's nodes" : "this node") true: a name and a contact URL (https, http or mailto). `!` feedback goes to the contact, with the same {tree}, {node}, {path} and {version} fields as `feedback`.\(place == .tree ? "" : " Overrides the tree's owner.")",
            schema: FormatKey.ref("owner"))
    }

    /// When a tree or node was last checked against its sources; a node's own wins.
    private static func reviewed(in place: FormatKey.Place) -> FormatKey {
        FormatKey(
            "reviewed", in: place, .optional,
            value: "a date, `YYYY-MM-DD`, not in the future",
            help: "When \(place == .tree ? "the tree" : "this node") was last checked against its sources, as YYYY-MM-DD. `trailhead validate --max-age DAYS` warns about nodes reviewed longer ago.\(place == .tree ? "" : " Overrides the tree's date.")",
            schema: FormatKey.ref("date"))
    }

    /// Probes, which questions and resources both take.
    private static func probes(in place: FormatKey.Place) -> FormatKey {
        FormatKey(
            "probes", in: place, .optional,
            value: "a list of [probes](#probes-what-the-users-machine-already-has)",
            help: #"Read-only checks of the user's machine, shown beside the node ("✓ rucio found at /usr/bin/rucio"). Never shell code: a command name looked up on PATH, a file path, or an environment variable name."#,
            schema: FormatKey.list(of: "probe"))
    }

    /// The id an inline node (a question or a resource under a choice's `node`) may give itself.
    private static func inlineID(in place: FormatKey.Place) -> FormatKey {
        FormatKey(
            "id", in: place, .inlineOnly,
            value: "inline nodes only: the node's id (default `<parent-id>.<choice number>`)",
            help: "Inline nodes only (under a choice's `node`): the node's id. Without it the id is `<parent-id>.<choice number, from 1>`. Not allowed on nodes under `nodes`, whose id is their key.",
            schema: FormatKey.ref("nodeId"))
    }

    /// The keys of one kind of mapping, in declaration order.
    public static func keys(in place: FormatKey.Place) -> [FormatKey] {
        all.filter { $0.place == place }
    }

    /// The declared text fields in the order the cache writes them and with the search field each
    /// counts as: part of the cache's and the search snapshot's formats, so a build that declares
    /// other fields never reads files another build wrote.
    static let textLayout: String = (
        questionTexts.map { "question.\($0.key.name):\($0.field.search.rawValue)" }
            + resourceTexts.map { "resource.\($0.key.name):\($0.field.search.rawValue)" }
    ).joined(separator: ",")

    /// The free text fields of questions.
    static let questionTexts: [(key: FormatKey, field: TextField, path: WritableKeyPath<Question, String?> & Sendable)] =
        all.compactMap { key in
            guard let field = key.text, case .question(let path) = field.access else { return nil }
            return (key, field, path)
        }

    /// The free text fields of resources.
    static let resourceTexts: [(key: FormatKey, field: TextField, path: WritableKeyPath<Resource, String?> & Sendable)] =
        all.compactMap { key in
            guard let field = key.text, case .resource(let path) = field.access else { return nil }
            return (key, field, path)
        }
}
