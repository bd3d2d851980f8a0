/// Where trees are looked for, highest precedence first, from flags and the environment.
public struct TreeSources: Sendable, Equatable {
    /// One place trees are read from, with the name of the layer it belongs to.
    public struct Source: Sendable, Equatable {
        public var path: String
        public var layer: String

        public init(path: String, layer: String) {
            self.path = path
            self.layer = layer
        }
    }

    public var sources: [Source]
    /// The user every layer but `--trees` must belong to (or to root), and be writable by no
    /// one else (`DirectoryRule.trusted`); nil to read every layer as it is.
    public var trustedBy: UInt32?
    /// The owner of the running binary, also trusted (see `DirectoryRule.trusted`).
    public var installedBy: UInt32?

    public init(sources: [Source], trustedBy: UInt32? = nil, installedBy: UInt32? = nil) {
        self.sources = sources
        self.trustedBy = trustedBy
        self.installedBy = installedBy
    }

    /// What a source's directory must be to be read.
    func rule(for source: Source) -> DirectoryRule {
        guard let trustedBy, source.layer != "--trees" else { return .any }
        return .trusted(userID: trustedBy, installer: installedBy)
    }

    /// The standard search order, highest precedence first: `--trees` paths, `TRAILHEAD_PATH`,
    /// the project's `.trailhead/` (see `ProjectLayer`), the user's `$XDG_CONFIG_HOME/trailhead/trees`,
    /// the site's `trailhead/trees` under each `$XDG_CONFIG_DIRS` (default `/etc/xdg`) and each
    /// `$XDG_DATA_DIRS`, and last the bundled trees. `includeDefaults: false` keeps only `--trees`.
    public static func standard(
        explicit: [String], environment: [String: String], bundled: String?, project: String? = nil,
        includeDefaults: Bool = true, trustedBy: UInt32? = nil, installedBy: UInt32? = nil
    ) -> TreeSources {
        var sources = explicit.map { Source(path: $0, layer: "--trees") }
        guard includeDefaults else { return TreeSources(sources: sources, trustedBy: trustedBy, installedBy: installedBy) }
        for path in (environment["TRAILHEAD_PATH"] ?? "").split(separator: ":") where !path.isEmpty {
            sources.append(Source(path: String(path), layer: "TRAILHEAD_PATH"))
        }
        if let project {
            sources.append(Source(path: project, layer: "project"))
        }
        let home = environment["HOME"] ?? ""
        let configHome = nonEmpty(environment["XDG_CONFIG_HOME"]) ?? (home.isEmpty ? nil : "\(home)/.config")
        if let configHome {
            sources.append(Source(path: "\(configHome)/trailhead/trees", layer: "user"))
        }
        let configDirs = nonEmpty(environment["XDG_CONFIG_DIRS"]) ?? "/etc/xdg"
        let dataDirs = nonEmpty(environment["XDG_DATA_DIRS"]) ?? "/usr/local/share:/usr/share"
        // A module puts the release's own share/ on XDG_DATA_DIRS (for the shells' completions):
        // its trees are the bundled layer, not a site layer read twice.
        let bundledPath = bundled.map(normalized)
        for directory in (configDirs + ":" + dataDirs).split(separator: ":") where !directory.isEmpty {
            let path = "\(directory)/trailhead/trees"
            if normalized(path) != bundledPath {
                sources.append(Source(path: path, layer: "site"))
            }
        }
        if let bundled {
            sources.append(Source(path: bundled, layer: "bundled"))
        }
        return TreeSources(sources: sources, trustedBy: trustedBy, installedBy: installedBy)
    }

    /// The path without repeated or trailing slashes, as two spellings of one directory compare.
    private static func normalized(_ path: String) -> String {
        var result = ""
        for character in path where !(character == "/" && result.hasSuffix("/")) {
            result.append(character)
        }
        return result.count > 1 && result.hasSuffix("/") ? String(result.dropLast()) : result
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
