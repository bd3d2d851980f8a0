/// Where a user is and how they got there: the breadcrumb that "back" unwinds.
public struct Trail: Sendable, Equatable {
    public private(set) var steps: [PathStep]
    public private(set) var current: NodeKey

    public init(at start: NodeKey, steps: [PathStep] = []) {
        self.current = start
        self.steps = steps
    }

    /// A trail that arrives at `key` the way a walk from its tree's start would.
    public init(arrivingAt key: NodeKey, in catalog: Catalog) {
        self.init(at: key, steps: catalog.path(to: key) ?? [])
    }

    /// Moves along `via` to `target`.
    public mutating func follow(_ via: PathStep.Via, to target: NodeKey) {
        steps.append(PathStep(from: current, via: via))
        current = target
    }

    /// Goes back one step; false when already at the beginning.
    @discardableResult
    public mutating func back() -> Bool {
        guard let last = steps.popLast() else { return false }
        current = last.from
        return true
    }

    public var isAtBeginning: Bool { steps.isEmpty }

    /// The labels of the answers so far, for a breadcrumb.
}
