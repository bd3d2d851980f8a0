/// The parts of a node the search index reads, in the order it adds them: decreasing bonus,
/// with each declared text field (`FormatKeys`) placed by the bonus of the field it is searched as.
enum NodeParts: Equatable {
    case heading, labels, tags, choices, commands, links
    /// The declared text field with this number among its owner's (`FormatKeys.questionTexts`…).
    case text(Int)

    static let questionOrder = ordered(
        [(.heading, .title), (.labels, .label), (.tags, .tag), (.choices, .hint)],
        texts: FormatKeys.questionTexts.map(\.field.search))

    static let resourceOrder = ordered(
        [(.heading, .title), (.labels, .label), (.tags, .tag), (.commands, .command), (.links, .link)],
        texts: FormatKeys.resourceTexts.map(\.field.search))

    /// A stable sort by bonus, so a text field follows the fixed parts of its own bonus.
    private static func ordered(_ fixed: [(NodeParts, SearchIndex.Field)], texts: [SearchIndex.Field]) -> [NodeParts] {
        let parts = fixed + texts.enumerated().map { (NodeParts.text($0.offset), $0.element) }
        return parts.enumerated()
            .sorted { ($0.element.1.bonus, -$0.offset) > ($1.element.1.bonus, -$1.offset) }
            .map(\.element.0)
    }
}
