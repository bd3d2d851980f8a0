extension Catalog {
    /// The choices of the question at `key` that a page offers, by index: those whose condition
    /// holds here (every one with `revealHidden`), and never one that leads to a node that is not
    /// loaded (a tree another layer was to provide), which no key can reveal.
    public func offeredChoices(of question: Question, at key: NodeKey, probes: ProbeBoard, revealHidden: Bool) -> [Int] {
        question.choices.indices.filter { index in
            let choice = question.choices[index]
            return node(choice.target.key(from: key.tree)) != nil && (revealHidden || probes.shows(choice))
        }
    }

    /// How many choices of the question at `key` lead to nodes that are not loaded.
    public func unreachableChoiceCount(of question: Question, at key: NodeKey) -> Int {
        question.choices.count { node($0.target.key(from: key.tree)) == nil }
    }
}
