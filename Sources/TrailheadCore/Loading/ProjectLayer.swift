/// Finds a repository's own trees: the nearest `.trailhead/` directory at or above the working
/// directory, the way git finds `.git`.
public enum ProjectLayer {
    public static let directoryName = ".trailhead"

    /// What the search found: the directory to read, or one that was passed over and why.
    public enum Discovery: Sendable, Equatable {
        case found(String)
        /// Another user could have planted it (a shared `/tmp` or group project space): on a
        /// login node that would let them replace the certificate instructions everyone follows.
        case untrusted(String, reason: String)
        case none
    }

    /// Walks up from `workingDirectory` (absolute) to `/`. A directory counts only when it is owned
    /// by `userID` or root and nobody else can write to it. Loading checks it again on the
    /// descriptor it reads through (`FileSystem.pin`), so a directory swapped in after this
    /// check is never read.
    public static func discover(from workingDirectory: String, userID: UInt32, fileSystem: any FileSystem) -> Discovery {
        guard workingDirectory.hasPrefix("/") else { return .none }
        var directory = workingDirectory
        while true {
            let candidate = (directory == "/" ? "" : directory) + "/" + directoryName
            if let ownership = fileSystem.directoryOwnership(candidate) {
                if let reason = DirectoryRule.trusted(userID: userID).refusal(owner: ownership.owner, writableByOthers: ownership.writableByOthers) {
                    return .untrusted(candidate, reason: reason)
                }
                return .found(candidate)
            }
            if directory == "/" { return .none }
            directory = parent(of: directory)
        }
    }

    static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "/" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
