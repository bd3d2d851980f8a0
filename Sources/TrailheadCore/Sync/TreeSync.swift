/// Brings every tree directory that is a git checkout up to date with `git pull --ff-only`.
public struct TreeSync<Git: GitClient> {
    public var git: Git
    public var fileSystem: any FileSystem

    public init(git: Git, fileSystem: any FileSystem = LocalFileSystem()) {
        self.git = git
        self.fileSystem = fileSystem
    }

    /// Pulls each work tree once, in search order, and reports every directory; a failure never
    /// stops the others. Default locations that do not exist are left out, as loading does.
    public func run(_ sources: TreeSources) -> [SyncResult] {
        var results: [SyncResult] = []
        var seenDirectories: Set<String> = []
        var pulled: [String: SyncResult] = [:]
        for source in sources.sources {
            guard fileSystem.exists(source.path) else {
                if source.layer == "--trees" || source.layer == "TRAILHEAD_PATH" {
                    results.append(SyncResult(directory: source.path, layer: source.layer, outcome: .missing))
                }
                continue
            }
            let directory = fileSystem.isDirectory(source.path) ? source.path : Library.directory(of: source.path)
            guard seenDirectories.insert(fileSystem.canonicalPath(directory)).inserted else { continue }
            if source.layer == "bundled" {
                results.append(SyncResult(directory: directory, layer: source.layer, outcome: .bundled))
                continue
            }
            guard let root = git.workTreeRoot(of: directory) else {
                results.append(SyncResult(directory: directory, layer: source.layer, outcome: .notGitCheckout))
                continue
            }
            if let first = pulled[root] {
                results.append(SyncResult(
                    directory: directory, layer: source.layer, outcome: first.outcome, repository: root, sameAs: first.directory))
                continue
            }
            let result = SyncResult(directory: directory, layer: source.layer, outcome: pull(root), repository: root)
            pulled[root] = result
            results.append(result)
        }
        return results
    }

    private func pull(_ root: String) -> SyncResult.Outcome {
        let before = git.head(of: root)
        switch git.pullFastForward(root) {
        case .pulled:
            return git.head(of: root) == before ? .upToDate : .updated
        case .failed(let status, let errorOutput):
            return .failed(Self.reason(in: errorOutput) ?? "git exited with status \(status)")
        }
    }

    /// Git's reason for a failure: its first `fatal:` or `error:` line, which names the problem
    /// (the lines after it are advice), else the last non-blank line; without the prefix.
    static func reason(in errorOutput: String) -> String? {
        let lines = errorOutput.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map(\.trimmingSpaces).filter { !$0.isEmpty }
        for prefix in ["fatal: ", "error: "] {
            if let line = lines.first(where: { $0.hasPrefix(prefix) }) {
                return String(line.dropFirst(prefix.count))
            }
        }
        return lines.last
    }
}
