/// The declared text fields of a node, read as rich text, and what they add to a page.
struct DeclaredText {
    /// Shown under this heading; nil for the lead paragraph.
    var heading: String?
    var text: RichText

    static func of(_ question: Question) -> [DeclaredText] {
        FormatKeys.questionTexts.compactMap { entry in
            question[keyPath: entry.path].map { DeclaredText(heading: entry.field.heading, text: RichText.parse($0).text) }
        }
    }

    static func of(_ resource: Resource) -> [DeclaredText] {
        FormatKeys.resourceTexts.compactMap { entry in
            resource[keyPath: entry.path].map { DeclaredText(heading: entry.field.heading, text: RichText.parse($0).text) }
        }
    }

    static func of(_ node: Node) -> [DeclaredText] {
        switch node.content {
        case .question(let question): of(question)
        case .resource(let resource): of(resource)
        }
    }
}

extension Resource {
    /// The code blocks of its text a reader can select and copy, in page order: those of
    /// sections whose condition is false are left out unless `revealHidden`.
    public func codeBlocks(probes: ProbeBoard = ProbeBoard(), revealHidden: Bool = false) -> [String] {
        DeclaredText.of(self).flatMap { $0.text.codeBlocks { revealHidden || probes.shows($0) } }
    }
}
