/// The result of loading one tree file: the tree (when it could be decoded) and its problems.
public struct LoadedFile: Sendable {
    public var path: String
    public var tree: Tree?
    public var diagnostics: [Diagnostic]
    /// The layer of the source it was found in (`--trees`, `project`, `user`, `site`, `bundled`…).
    public var layer: String
    /// What the file's bytes hashed to, when a cache needed to know; derived data (a search
    /// snapshot) is keyed by the fingerprints of the files it came from.
    public var fingerprint: ContentFingerprint?
    /// Texts inside the parts of the file that could not be decoded: the node ids a broken
    /// choice or key may have led to (`TreeDecoder`).
    public var unresolvedNames: Set<String> = []

    public init(path: String, tree: Tree?, diagnostics: [Diagnostic], layer: String = "", fingerprint: ContentFingerprint? = nil) {
        self.path = path
        self.tree = tree
        self.diagnostics = diagnostics
        self.layer = layer
        self.fingerprint = fingerprint
    }

    /// A file with any error is kept out of the catalog, so one bad file never breaks a walk.
    public var isBroken: Bool { tree == nil || diagnostics.hasErrors }
}
