extension Catalog {
    /// Who keeps a node true and when it was last reviewed: the node's own, else its tree's.
    public func stewardship(of key: NodeKey) -> (owner: Owner?, reviewed: ReviewDate?) {
        let node = self.node(key)
        let tree = self.tree(key.tree)
        return (node?.owner ?? tree?.owner, node?.reviewed ?? tree?.reviewed)
    }

    /// The last line of a resource's page: "Reviewed 2026-12-06 · ESCAPE VRE team"; nil when
    /// neither is known.
    public func stewardshipLine(of key: NodeKey) -> String? {
        let (owner, reviewed) = stewardship(of: key)
        switch (reviewed, owner) {
        case (let reviewed?, let owner?): return "Reviewed \(reviewed) · \(owner.name)"
        case (let reviewed?, nil): return "Reviewed \(reviewed)"
        case (nil, let owner?): return "Kept by \(owner.name)"
        case (nil, nil): return nil
        }
    }
}
