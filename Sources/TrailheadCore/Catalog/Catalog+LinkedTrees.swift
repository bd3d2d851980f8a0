extension Catalog {
    /// The loaded trees a walk from `treeID` can go on into, through choices and see-also, in the
    /// order a breadth-first walk meets them; `treeID` itself is not among them.
    public func treesLinked(from treeID: String) -> [Tree] {
        var seen: Set<String> = [treeID]
        var linked: [Tree] = []
        var queue = [treeID]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for node in tree(current)?.orderedNodes ?? [] {
                for reference in node.references {
                    let target = reference.key(from: current).tree
                    guard seen.insert(target).inserted, let found = tree(target) else { continue }
                    linked.append(found)
                    queue.append(target)
                }
            }
        }
        return linked
    }
}
