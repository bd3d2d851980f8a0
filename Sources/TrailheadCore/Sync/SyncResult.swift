/// What `sync` did for one tree directory.
public struct SyncResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case updated
        case upToDate
        case notGitCheckout
        /// The trees that ship with Trailhead change with Trailhead, not by pulling.
        case bundled
        case missing
        case failed(String)
    }

    public var directory: String
    public var layer: String
    public var outcome: Outcome
    /// The work tree's top directory, when the directory is in one.
    public var repository: String?
    /// The directory listed earlier whose pull also covered this one.
    public var sameAs: String?

    public init(directory: String, layer: String, outcome: Outcome, repository: String? = nil, sameAs: String? = nil) {
        self.directory = directory
        self.layer = layer
        self.outcome = outcome
        self.repository = repository
        self.sameAs = sameAs
    }

    public var isFailure: Bool {
        switch outcome {
        case .failed, .missing: true
        default: false
        }
    }

    /// The stable name used in JSON.
    public var status: String {
        switch outcome {
        case .updated: "updated"
        case .upToDate: "up-to-date"
        case .notGitCheckout: "not-git"
        case .bundled: "bundled"
        case .missing: "missing"
        case .failed: "failed"
        }
    }

    /// `DIR: what happened`, made safe for a terminal.
    public var line: String {
        var text: String
        switch outcome {
        case .updated: text = "updated"
        case .upToDate: text = "already up to date"
        case .notGitCheckout: text = "skipped: not a git checkout"
        case .bundled: text = "skipped: bundled with Trailhead"
        case .missing: text = "failed: no such file or directory"
        case .failed(let message): text = "failed: \(message)"
        }
        if let sameAs { text += " (same checkout as \(sameAs))" }
        return TextSanitizer.line("\(directory): \(text)")
    }

    public var json: JSONValue {
        var message: String?
        if case .failed(let text) = outcome { message = text }
        if case .missing = outcome { message = "no such file or directory" }
        return .object([
            ("directory", .string(directory)),
            ("layer", .string(layer)),
            ("status", .string(status)),
            ("repository", .optional(repository)),
            ("sameAs", .optional(sameAs)),
            ("message", .optional(message)),
        ])
    }

    /// A one-line count of what happened; a directory covered by an earlier one's pull is not counted again.
    public static func summary(of results: [SyncResult]) -> String {
        let pulls = results.filter { $0.sameAs == nil }
        let updated = pulls.count { $0.outcome == .updated }
        let current = pulls.count { $0.outcome == .upToDate }
        let failed = pulls.count(where: \.isFailure)
        let skipped = pulls.count - updated - current - failed
        return "\(updated) updated, \(current) already up to date, \(skipped) skipped, \(failed) failed"
    }
}
