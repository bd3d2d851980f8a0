/// Caps that keep a hostile or runaway tree file from exhausting memory or time.
public struct LoaderLimits: Sendable {
    public var maxFileBytes: Int
    public var maxNodesPerFile: Int
    public var maxDepth: Int

    public init(maxFileBytes: Int = 32 << 20, maxNodesPerFile: Int = 100_000, maxDepth: Int = 64) {
        self.maxFileBytes = maxFileBytes
        self.maxNodesPerFile = maxNodesPerFile
        self.maxDepth = maxDepth
    }

    public static let standard = LoaderLimits()
}
