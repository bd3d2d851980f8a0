/// What `validate` says about review dates: a date in the future is an error; with a maximum
/// age, a node reviewed longer ago, or never, gets a warning.
public struct ReviewCheck: Sendable {
    public var today: ReviewDate
    /// Days after which a node's review is due; nil checks only for dates in the future.
    public var maxAge: Int?

    public init(today: ReviewDate, maxAge: Int? = nil) {
        self.today = today
        self.maxAge = maxAge
    }

    /// The problems of one file's tree; a node without a date of its own takes its tree's.
    public func diagnostics(of tree: Tree) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let reviewed = tree.reviewed, reviewed > today {
            found.append(future(reviewed, what: "the tree", at: tree.location))
        }
        for node in tree.orderedNodes {
            if let reviewed = node.reviewed, reviewed > today {
                found.append(future(reviewed, what: "node '\(node.id)'", at: node.location))
                continue
            }
            guard let maxAge, !tree.isOverlay || node.reviewed != nil else { continue }
            guard let reviewed = node.reviewed ?? tree.reviewed else {
                found.append(.warning("never-reviewed", "node '\(node.id)' has no review date; check it against its sources and add 'reviewed: \(today)' (to the node, or to the tree for all its nodes)", at: node.location))
                continue
            }
            let age = today.dayNumber - reviewed.dayNumber
            if age > maxAge {
                found.append(.warning("review-due", "node '\(node.id)' was last reviewed \(reviewed), \(age) days ago (more than \(maxAge)); check it against its sources and update 'reviewed'", at: node.location))
            }
        }
        return found
    }

    private func future(_ date: ReviewDate, what: String, at location: SourceLocation) -> Diagnostic {
        .error("future-date", "\(what) says it was reviewed \(date), which is after today (\(today)); write the day it was checked", at: location)
    }
}
