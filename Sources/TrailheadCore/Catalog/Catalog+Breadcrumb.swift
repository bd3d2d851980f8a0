extension Catalog {
    /// The parts of the breadcrumb to `key`: the first guide's title, each answer, and where the
    /// walk crosses into another guide, that guide's title after an arrow (`→ Your first day on
    /// an HPC login node`), so the answers after it are read as that guide's.
    public func breadcrumbParts(_ steps: [PathStep], to key: NodeKey) -> [String] {
        let firstTree = steps.first?.from.tree ?? key.tree
        var parts = [tree(firstTree)?.title ?? firstTree]
        for (index, step) in steps.enumerated() {
            parts.append(step.label)
            let nextTree = index + 1 < steps.count ? steps[index + 1].from.tree : key.tree
            if nextTree != step.from.tree {
                parts.append("→ " + (tree(nextTree)?.title ?? nextTree))
            }
        }
        return parts
    }
}
