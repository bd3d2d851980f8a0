extension Navigator {
    /// The same walk over a catalog read again (a tree file that changed under `preview`). The
    /// trail is kept up to the last of its nodes still there, with the selection and scroll where
    /// they still fit; an open search, form or window is closed, since what it showed may be gone.
    public func reloaded(with catalog: Catalog, status: String?) -> Navigator {
        var fresh = Navigator(catalog: catalog, size: state.size, version: version, prefilled: prefilled, printsLinks: printsLinks)
        fresh.state.probes = state.probes
        fresh.state.revealHidden = state.revealHidden
        fresh.state.status = status
        guard case .node(let trail) = state.place else { return fresh }
        let visited = trail.steps.map(\.from) + [trail.current]
        let kept = visited.prefix { catalog.node($0) != nil }.count
        guard kept > 0 else { return fresh }
        let isWhole = kept == visited.count
        fresh.state.place = .node(Trail(at: visited[kept - 1], steps: Array(trail.steps.prefix(kept - 1))))
        if isWhole {
            fresh.state.selection = min(state.selection, fresh.items.count - 1)
            fresh.state.scroll = state.scroll
            fresh.clampScroll()
        } else {
            fresh.state.selection = 0
            fresh.startReadingIfItemsAreBelow()
        }
        return fresh
    }
}
