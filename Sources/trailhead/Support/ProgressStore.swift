import TrailheadCore

/// Reads and writes the user's progress file; a missing file is a first run, a damaged one is
/// reported once and replaced.
struct ProgressStore {
    let path: String
    let fileSystem: any FileSystem = LocalFileSystem()

    /// The store for this environment, or nil when remembering is off.
    static func standard(disabled: Bool) -> ProgressStore? {
        guard !disabled, let path = ProgressLocation.path(environment: Environment.variables) else { return nil }
        return ProgressStore(path: path)
    }

    /// The stored progress; warns on stderr (or returns the warning) when the file was unusable.
    func load(warn: (String) -> Void = { Output.warning($0) }) -> Progress {
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
    func save(adding session: Progress) {
        guard session != Progress() else { return }
        let merged = load(warn: { _ in }).merged(with: session)
        fileSystem.writeAtomically(Array(ProgressFile.encode(merged).utf8), to: path, creatingDirectory: Self.directory(of: path))
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
