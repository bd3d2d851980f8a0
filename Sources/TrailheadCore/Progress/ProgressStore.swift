/// Reads and writes the user's progress file; a missing file is a first run, a damaged one is
/// reported once and replaced. Its directory must be the user's own (`DirectoryRule.owned`),
/// and sessions that save at the same moment take turns through a lock on it.
public struct ProgressStore: Sendable {
    public let path: String
    let fileSystem: any FileSystem

    public init(path: String, fileSystem: any FileSystem = LocalFileSystem()) {
        self.path = path
        self.fileSystem = fileSystem
    }

    /// The store for this environment (`ProgressLocation`), its directory made when missing and
    /// pinned; nil when remembering is off, and a refusal when the directory is not the user's own.
    public static func standard(environment: [String: String], userID: UInt32) -> Result<ProgressStore?, ProgressStoreRefusal> {
        guard let path = ProgressLocation.path(environment: environment) else { return .success(nil) }
        let store = ProgressStore(path: path)
        let directory = directory(of: path)
        LocalFileSystem.makeDirectories(directory)
        if let reason = store.fileSystem.pin(directory, rule: .owned(userID: userID)) {
            return .failure(ProgressStoreRefusal(message: "not remembering progress in \(TextSanitizer.line(directory)): \(reason)"))
        }
        return .success(store)
    }

    /// The stored progress; `warn` hears why the file was unusable.
    public func load(warn: (String) -> Void) -> Progress {
        switch fileSystem.contents(of: path, limit: ProgressFile.sizeLimit) {
        case .bytes(let bytes):
            do {
                return try ProgressFile.decode(String(decoding: bytes, as: UTF8.self))
            } catch {
                warn("ignoring damaged progress file \(TextSanitizer.line(path)) (\(error)); it will be rewritten")
                return Progress()
            }
        case .tooLarge:
            warn("ignoring progress file \(TextSanitizer.line(path)): it is larger than \(ProgressFile.sizeLimit >> 10) KiB")
            return Progress()
        case .unreadable:
            return Progress()
        }
    }

    /// Adds a session's progress to what is on disk now (another session may have written since).
    public func save(adding session: Progress) {
        guard session != Progress() else { return }
        fileSystem.withExclusiveLock(lockPath) {
            let merged = load(warn: { _ in }).merged(with: session)
            fileSystem.writeAtomically(Array(ProgressFile.encode(merged).utf8), to: path, creatingDirectory: Self.directory(of: path))
        }
    }

    /// Forgets everything; nil when the file is gone, else why it could not be removed.
    public func clear() -> String? {
        fileSystem.withExclusiveLock(lockPath) { fileSystem.removeFile(path) }
    }

    /// The directory is what is locked: a lock file would be one more file left beside the progress.
    private var lockPath: String { Self.directory(of: path) }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}

/// Why progress is not remembered in the standard place.
public struct ProgressStoreRefusal: Error, Sendable {
    public var message: String
}
