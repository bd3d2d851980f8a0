/// Notes, action by action, where a session goes and what it opens, for `Progress`.
public struct ProgressRecorder: Sendable {
    public private(set) var session = Progress()

    public init() {}

    /// Called after every handled action with the effect it produced.
    public mutating func observe(_ navigator: Navigator, effect: NavigatorEffect?, now: Int) {
        guard let trail = navigator.state.trail else { return }
        let node = trail.current
        // A tree's start is no place to resume at, and must not replace a deeper place from before.
        let atStart = navigator.catalog.tree(node.tree).map { navigator.catalog.startKey(of: $0) == node } ?? true
        if !atStart && session.positions.first?.route != trail.route {
            session.remember(Progress.Position(time: now, route: trail.route))
        }
        if navigator.catalog.node(node)?.isResource == true {
            session.record(Progress.Visit(time: now, kind: .viewed, node: node, detail: ""))
        }
        switch effect {
        case .openLink(let url)?:
            session.record(Progress.Visit(time: now, kind: .opened, node: node, detail: url))
        case .copy(let text, _)?:
            session.record(Progress.Visit(time: now, kind: .copied, node: node, detail: text))
        case .quit(0, let output)?:
            // Links shown because they could not be opened were recorded when they were chosen.
            for line in output where !navigator.state.printOnExit.contains(line) {
                session.record(Progress.Visit(time: now, kind: .printed, node: node, detail: line))
            }
        default:
            break
        }
    }
}
