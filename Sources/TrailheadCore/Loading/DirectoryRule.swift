/// What a directory, and each file read from it, must be for Trailhead to read it: on a shared
/// login node, a directory another user can write to is a way for them to change what you run.
public enum DirectoryRule: Sendable, Equatable {
    /// Any owner: a path the user named on the command line. It is still read through one
    /// descriptor, so it cannot be swapped while it is read.
    case any
    /// Owned by `userID`, root or the owner of the running binary (`installer`: whoever can
    /// change Trailhead itself gains nothing by changing its trees, and a site's software account
    /// owns both), and writable by no one else: a layer of trees.
    case trusted(userID: UInt32, installer: UInt32? = nil)
    /// Owned by `userID` and writable by no one else: the cache and the progress file.
    case owned(userID: UInt32)

    /// Why something with this owner and mode fails the rule; nil when it passes.
    public func refusal(owner: UInt32, writableByOthers: Bool) -> String? {
        switch self {
        case .any:
            return nil
        case .trusted(let userID, let installer):
            if owner != userID && owner != 0 && owner != installer { return "it belongs to another user (uid \(owner))" }
        case .owned(let userID):
            if owner != userID { return "it belongs to another user (uid \(owner))" }
        }
        return writableByOthers ? "other users can write to it (chmod go-w to trust it)" : nil
    }

    /// How much the rule asks, so a directory pinned twice keeps the stricter rule.
    var strictness: Int {
        switch self {
        case .any: 0
        case .trusted: 1
        case .owned: 2
        }
    }
}
