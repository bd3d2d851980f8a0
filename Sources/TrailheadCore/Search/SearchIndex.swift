/// Every node of a catalog prepared for fuzzy search across its texts.
public struct SearchIndex: Sendable {
    /// Which part of a node a hit came from; hits in titles and labels count most.
    public enum Field: String, Sendable, Codable, CaseIterable {
        case title, label, tag, hint, body, command, link

        /// Added to a term's match score in this field. Additive rather than a multiplier, so a
        /// tight match in body text still beats letters scattered across a title.
        var bonus: Int {
            switch self {
            case .title: 40
            case .label: 36
            case .tag: 28
            case .hint: 16
            case .command: 16
            case .link: 8
            case .body: 0
            }
        }
    }

    struct Entry: Sendable {
        var key: NodeKey
        var title: String
        var depth: Int
        var fields: [PreparedField]
    }

    struct PreparedField: Sendable {
        var field: Field
        var text: String
        var folded: TextFolding.Folded
    }

    let entries: [Entry]

    public init(catalog: Catalog) {
        var incomingLabels: [NodeKey: [String]] = [:]
        for tree in catalog.trees {
            for node in tree.orderedNodes {
                for choice in node.question?.choices ?? [] {
                    incomingLabels[choice.target.key(from: tree.id), default: []].append(choice.label)
                }
            }
        }
        var entries: [Entry] = []
        for tree in catalog.trees {
            for node in tree.orderedNodes {
                let key = NodeKey(tree: tree.id, node: node.id)
                var texts: [(Field, String)] = [(.title, node.heading)]
                texts += (incomingLabels[key] ?? []).map { (.label, $0) }
                texts += node.tags.map { (.tag, $0) }
                switch node.content {
                case .question(let question):
                    texts += question.explanation.map { [(.body, $0)] } ?? []
                    for choice in question.choices {
                        texts.append((.hint, choice.label))
                        if let hint = choice.hint { texts.append((.hint, hint)) }
                    }
                case .resource(let resource):
                    texts += resource.body.map { [(.body, $0)] } ?? []
                    for command in resource.commands {
                        texts.append((.command, command.run))
                        texts.append((.command, command.does))
                    }
                    for link in resource.links {
                        texts.append((.link, link.url))
                        if let label = link.label { texts.append((.link, label)) }
                    }
                }
                let fields = texts.map { field, text in
                    PreparedField(field: field, text: text, folded: TextFolding.fold(text))
                }
                let depth = catalog.path(to: key)?.count ?? Int.max / 2
                entries.append(Entry(key: key, title: node.heading, depth: depth, fields: fields))
            }
        }
        self.entries = entries
    }

    public var count: Int { entries.count }
}
