import TrailheadCore

extension ProgressStore {
    /// The store for this run, or nil when remembering is off or cannot be done safely (said on stderr).
    static func standard(disabled: Bool) -> ProgressStore? {
        guard !disabled else { return nil }
        switch standard(environment: Environment.variables, userID: Environment.userID) {
        case .success(let store):
            return store
        case .failure(let refusal):
            Output.warning(refusal.message)
            return nil
        }
    }

    /// The stored progress, with a damaged file said on stderr.
    func load() -> Progress {
        load(warn: { Output.warning($0) })
    }
}
