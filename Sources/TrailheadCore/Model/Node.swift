/// A step of a tree: either a question with choices or a resource the walk ends at.
public struct Node: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case question(Question)
        case resource(Resource)
    }

    public var id: String
    public var content: Content
    public var tags: [String]
    public var location: SourceLocation
    /// Checks of the user's machine shown beside the node ("✓ rucio found at /usr/bin/rucio").
    public var probes: [Probe]
    /// Who keeps this node true, when it is not the tree's owner.
    public var owner: Owner?
    /// When this node was last checked against its sources, when not with the whole tree.
    public var reviewed: ReviewDate?
    /// Fragments of error messages this node answers, with `*` wildcards (`ErrorText`).
    public var errors: [String]

    public init(
        id: String, content: Content, tags: [String], location: SourceLocation, probes: [Probe] = [],
        owner: Owner? = nil, reviewed: ReviewDate? = nil, errors: [String] = []
    ) {
        self.id = id
        self.content = content
        self.tags = tags
        self.location = location
        self.probes = probes
        self.owner = owner
        self.reviewed = reviewed
        self.errors = errors
    }

    public var question: Question? {
        if case .question(let question) = content { return question }
        return nil
    }

    public var resource: Resource? {
        if case .resource(let resource) = content { return resource }
        return nil
    }

    /// The line a list or breadcrumb shows for this node: the question or the resource title.
    public var heading: String {
        switch content {
        case .question(let question): question.text
        case .resource(let resource): resource.title
        }
    }

    public var isResource: Bool { resource != nil }

    /// Every reference this node makes: choice targets first, then see-also entries.
    public var references: [NodeReference] {
        switch content {
        case .question(let question): question.choices.map(\.target)
        case .resource(let resource): resource.seeAlso
        }
    }
}

/// A question node's content.
public struct Question: Sendable, Equatable {
    public var text: String
    public var explanation: String?
    public var choices: [Choice]

    public init(text: String, explanation: String?, choices: [Choice]) {
        self.text = text
        self.explanation = explanation
        self.choices = choices
    }
}

/// One answer to a question and where it leads.
public struct Choice: Sendable, Equatable {
    public var label: String
    public var hint: String?
    public var target: NodeReference
    public var location: SourceLocation
    /// When this probe passes, the interface marks the choice as the one the machine suggests.
    public var suggestIf: Probe?
    /// When the answer applies; offered anyway while that cannot be checked.
    public var when: Condition?

    public init(
        label: String, hint: String?, target: NodeReference, location: SourceLocation, suggestIf: Probe? = nil, when: Condition? = nil
    ) {
        self.label = label
        self.hint = hint
        self.target = target
        self.location = location
        self.suggestIf = suggestIf
        self.when = when
    }
}

/// A leaf's content: what the user came for.
public struct Resource: Sendable, Equatable {
    public var title: String
    public var body: String?
    public var links: [Link]
    public var commands: [Command]
    public var seeAlso: [NodeReference]

    public init(title: String, body: String?, links: [Link], commands: [Command], seeAlso: [NodeReference]) {
        self.title = title
        self.body = body
        self.links = links
        self.commands = commands
        self.seeAlso = seeAlso
    }
}

/// A web or mail link offered by a resource.
public struct Link: Sendable, Equatable {
    public var url: String
    public var label: String?
    public var location: SourceLocation
    /// When the link applies; shown anyway while that cannot be checked.
    public var when: Condition?

    public init(url: String, label: String?, location: SourceLocation, when: Condition? = nil) {
        self.url = url
        self.label = label
        self.location = location
        self.when = when
    }

    public var displayLabel: String { label ?? url }
}

/// A command line offered by a resource; it is shown or printed, never run by Trailhead.
public struct Command: Sendable, Equatable {
    public var run: String
    public var does: String
    public var placeholders: [Placeholder]
    public var multiline: Bool
    public var location: SourceLocation
    /// When the command applies (`rucio >= 37`); shown anyway while that cannot be checked.
    public var when: Condition?

    public init(run: String, does: String, placeholders: [Placeholder], multiline: Bool, location: SourceLocation, when: Condition? = nil) {
        self.run = run
        self.does = does
        self.placeholders = placeholders
        self.multiline = multiline
        self.location = location
        self.when = when
    }
}

/// A `{name}` field of a command that the user fills in before using it.
public struct Placeholder: Sendable, Equatable {
    public var name: String
    public var prompt: String
    public var defaultValue: String?
    public var pattern: String?
    /// What a value must look like, in words, shown instead of the pattern when one does not fit.
    public var patternHint: String?
    public var location: SourceLocation

    public init(name: String, prompt: String, defaultValue: String?, pattern: String?, patternHint: String? = nil, location: SourceLocation) {
        self.name = name
        self.prompt = prompt
        self.patternHint = patternHint
        self.defaultValue = defaultValue
        self.pattern = pattern
        self.location = location
    }
}
