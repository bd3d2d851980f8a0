/// The git operations `sync` needs; the processes that perform them live at the edge.
public protocol GitClient: Sendable {
    /// The top directory of the work tree holding `directory`, or nil when it is in none.
    func workTreeRoot(of directory: String) -> String?
    /// The commit checked out in `root`, or nil when there is none yet.
    func head(of root: String) -> String?
    /// Fast-forwards `root` from its upstream, never merging and never asking for a password.
    func pullFastForward(_ root: String) -> GitPullOutcome
}

/// Whether a pull worked and, when it did not, what git said on stderr.
public enum GitPullOutcome: Sendable, Equatable {
    case pulled
    case failed(status: Int32, errorOutput: String)
}
