import TrailheadCore

/// The tree cache of this run, found once; a cache directory that is not the user's own is not
/// used, and that is said once on stderr.
enum CacheAccess {
    static let cache: TreeCache? = {
        switch TreeCache.standard(environment: Environment.variables, userID: Environment.userID) {
        case .on(let cache):
            return cache
        case .off:
            return nil
        case .refused(let directory, let reason):
            Output.warning("not using the cache in \(TextSanitizer.line(directory)): \(reason)")
            return nil
        }
    }()
}
