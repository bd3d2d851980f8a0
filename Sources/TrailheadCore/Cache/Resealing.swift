/// Edited cache entries and search snapshots sealed again, so that the fuzz targets reach the
/// checks behind the checksums, as someone who could write the cache would. For fuzzing only.
@_spi(Fuzzing) public enum Resealing {
    /// The cache entry of `tree`, as if made from an empty file.
    public static func entry(of tree: Tree) -> [UInt8] {
        TreeCodec.encode(tree, source: source)
    }

    /// Puts back the checksum of an entry whose bytes after it were changed.
    public static func resealEntry(_ entry: inout [UInt8]) {
        let start = 1 + Int(entry.first ?? 0)
        guard entry.count >= start + 8 else { return }
        let checksum = FastChecksum.value(of: Array(entry[(start + 8)...]))
        for index in 0..<8 { entry[start + index] = UInt8(truncatingIfNeeded: checksum >> (8 * index)) }
    }

    /// The nodes an entry reads back as, every one checked; nil when the entry is refused.
    public static func nodes(ofEntry entry: [UInt8]) -> [Node]? {
        guard let tree = try? TreeCodec.decode(FileBytes(entry), file: "fuzz.yaml", source: source, reparse: { [:] }) else { return nil }
        return tree.orderedNodes
    }

    /// Puts back the checksum of a snapshot whose tables were changed, keeping its counts.
    public static func resealSnapshot(_ snapshot: inout [UInt8], contentKey: ContentDigest) {
        guard snapshot.count >= SearchSnapshotLayout.headerSize else { return }
        let values = (0..<6).map { index in
            snapshot.withUnsafeBytes { Int(truncatingIfNeeded: $0.loadUnaligned(fromByteOffset: 72 + 8 * index, as: UInt64.self)) }
        }
        guard let counts = SearchSnapshotLayout.Counts(values) else { return }
        SearchSnapshot.writeHeader(into: &snapshot, contentKey: contentKey, counts: counts)
    }

    private static let source = ContentDigester.fingerprint(of: [])
}
