/// Something on a page the user can select and choose.
public enum PageItem: Equatable, Sendable {
    case tree(Int)
    case choice(Int)
    /// A code block of a resource's text, counted among those shown.
    case codeBlock(Int)
    case link(Int)
    case command(Int)
    case seeAlso(Int)

    /// The items of a place, in the order they are shown: without the choices, code blocks, links
    /// and commands whose condition `probes` say is false, unless `revealHidden`.
    public static func items(
        of place: NavigatorState.Place, in catalog: Catalog, probes: ProbeBoard = ProbeBoard(), revealHidden: Bool = false
    ) -> [PageItem] {
        switch place {
        case .treeList:
            return catalog.trees.indices.map(PageItem.tree)
        case .node(let trail):
            guard let node = catalog.node(trail.current) else { return [] }
            switch node.content {
            case .question(let question):
                return catalog.offeredChoices(of: question, at: trail.current, probes: probes, revealHidden: revealHidden).map(PageItem.choice)
            case .resource(let resource):
                return resource.codeBlocks(probes: probes, revealHidden: revealHidden).indices.map(PageItem.codeBlock)
                    + resource.links.indices.filter { revealHidden || probes.shows(resource.links[$0]) }.map(PageItem.link)
                    + resource.commands.indices.filter { revealHidden || probes.shows(resource.commands[$0]) }.map(PageItem.command)
                    + resource.seeAlso.indices.map(PageItem.seeAlso)
            }
        }
    }
}
