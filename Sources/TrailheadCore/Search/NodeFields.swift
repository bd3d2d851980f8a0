/// The texts of a node that search reads, each with the field it counts as, in decreasing order
/// of the field's bonus (`NodeParts`): one walk for the fuzzy index and the word index.
enum NodeFields {
    /// `labels` are the answers that lead to the node.
    static func forEach(of node: Node, labels: ArraySlice<String>, _ body: (SearchIndex.Field, String) -> Void) {
        switch node.content {
        case .question(let question):
            for part in NodeParts.questionOrder {
                switch part {
                case .choices:
                    for choice in question.choices {
                        body(.hint, choice.label)
                        if let hint = choice.hint { body(.hint, hint) }
                    }
                case .text(let number):
                    let text = FormatKeys.questionTexts[number]
                    if let value = question[keyPath: text.path] { body(text.field.search, value) }
                default:
                    shared(part, node: node, labels: labels, body)
                }
            }
        case .resource(let resource):
            for part in NodeParts.resourceOrder {
                switch part {
                case .commands:
                    for command in resource.commands {
                        body(.command, command.run)
                        body(.command, command.does)
                    }
                case .links:
                    for link in resource.links {
                        body(.link, link.url)
                        if let label = link.label { body(.link, label) }
                    }
                case .text(let number):
                    let text = FormatKeys.resourceTexts[number]
                    if let value = resource[keyPath: text.path] { body(text.field.search, value) }
                default:
                    shared(part, node: node, labels: labels, body)
                }
            }
        }
    }

    /// The parts every node has.
    private static func shared(_ part: NodeParts, node: Node, labels: ArraySlice<String>, _ body: (SearchIndex.Field, String) -> Void) {
        switch part {
        case .heading: body(.title, node.heading)
        case .labels: labels.forEach { body(.label, $0) }
        case .tags: node.tags.forEach { body(.tag, $0) }
        default: break
        }
    }
}
