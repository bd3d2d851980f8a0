@_spi(Fuzzing) import TrailheadCore

/// A real search snapshot with bytes changed by the input and its header sealed again: it is
/// either refused, or every search of it, every result and every JSON line it writes stays
/// inside the file.
enum SnapshotFuzzing {
    static func run(_ input: [UInt8]) {
        var bytes = original
        let tables = bytes.count - headerSize
        for edit in Edits(input, within: tables) { bytes[headerSize + edit.offset] ^= edit.mask }
        Resealing.resealSnapshot(&bytes, contentKey: key)
        guard let snapshot = SearchSnapshot(FileBytes(bytes), contentKey: key) else { return }
        for text in ["!zzzz", "rucio", "'jupyter", "^down", "data$", "cert | hub"] {
            let query = SearchQuery(text)
            let prepared = SearchSnapshot.PreparedQuery(query)
            for hit in snapshot.search(query, limit: 50) {
                _ = snapshot.result(for: hit, query: prepared)
                var json: [UInt8] = []
                snapshot.appendJSON(for: hit, query: prepared, to: &json)
            }
            _ = snapshot.search(query, limit: 8, within: nil, settled: nil)
        }
    }

    static let key = ContentDigest.of([2])
    static let headerSize = 120

    static let original: [UInt8] = {
        guard let bytes = SearchSnapshot.encode(SearchFuzzing.index, catalog: SearchFuzzing.catalog, contentKey: key) else {
            fatalError("the fuzz catalog has no snapshot")
        }
        return bytes
    }()
}
