/// A catalog's search index, with the JSON its results are written with, laid out to be mapped
/// from a file. At 100k nodes, building the index and the results' JSON cost several times the
/// search itself; a script searching an unchanged catalog maps the snapshot instead, decodes no
/// node and builds nothing.
///
/// The file is a header (magic, byte-order probe, a checksum of everything after it, the catalog's
/// content key (a SHA-256 digest), six counts) and then the tables of `SearchSnapshotLayout`. Opening checks the
/// key, the hash and every offset, so a stale or damaged file is refused, never trusted.
public struct SearchSnapshot: Sendable {
    /// Bump whenever what a snapshot holds changes meaning: the index's fields or folding, the
    /// tie-break, or the JSON of a result (a test pins a snapshot's bytes to catch this).
    static let magic = "trailhead-search-7"
    /// File names start with this; it changes with `magic`, so older files are pruned by name.
    public static let filePrefix = "search7-"
    static let byteOrderProbe: UInt32 = 0x0102_0304

    /// One node a search found.
    public struct Hit: Sendable, Equatable {
        let node: Int32
        let score: Int32
        let field: Int32
    }

    private let bytes: FileBytes
    private let layout: SearchSnapshotLayout

    /// The snapshot in `bytes`, when it is intact and was made from a catalog with `contentKey`.
    public init?(_ bytes: FileBytes, contentKey: ContentDigest) {
        let layout: SearchSnapshotLayout? = bytes.withBytes { file in
            guard file.count >= SearchSnapshotLayout.headerSize,
                  file.starts(with: Self.paddedMagic),
                  file.loadUnaligned(fromByteOffset: 24, as: UInt32.self) == Self.byteOrderProbe,
                  (0..<4).map({ file.loadUnaligned(fromByteOffset: 40 + 8 * $0, as: UInt64.self) }) == contentKey.words,
                  let counts = SearchSnapshotLayout.Counts((0..<6).map {
                      Int(truncatingIfNeeded: file.loadUnaligned(fromByteOffset: 72 + 8 * $0, as: UInt64.self))
                  })
            else { return nil }
            let layout = SearchSnapshotLayout(counts)
            guard file.count == SearchSnapshotLayout.headerSize + layout.size,
                  file.loadUnaligned(fromByteOffset: 32, as: UInt64.self) == Self.hash(of: file),
                  Tables(file, layout).areConsistent
            else { return nil }
            return layout
        }
        guard let layout else { return nil }
        self.bytes = bytes
        self.layout = layout
    }

    public var nodeCount: Int { layout.counts.nodes }

    /// Nodes matching `query`, best first, ranked exactly as `SearchIndex.search` ranks them.
    public func search(_ query: SearchQuery, limit: Int) -> [Hit] {
        guard !query.isEmpty else { return [] }
        return withTables { tables in
            let terms = PreparedTerms(query)
            defer { terms.release() }
            let total = tables.nodes
            let parts = SearchIndex.scan(
                tables.kernel(terms, settleBefore: query.groups.count), total: total, candidates: nil, priors: nil,
                firstGroup: 0, bounded: limit < total && terms.allowsBounds, limit: limit)
            let found = parts.reduce(0) { $0 + $1.scored.count }
            let best: [SearchIndex.Scored]
            if limit >= found && parts.count > 1 {
                // Every match is reported (a script asking for all): each core sorts its part, then the parts are merged.
                let shared = UncheckedSendable(tables)
                let sorted = OrderedParallelMap.map(count: parts.count, chunks: parts.count) { parts[$0].scored.sorted(by: shared.value.isBetter) }
                best = sorted.dropFirst().reduce(sorted[0]) { Self.merge($0, $1, isBetter: tables.isBetter) }
            } else {
                best = SearchIndex.top(parts.flatMap(\.scored), limit: limit, isBetter: tables.isBetter)
            }
            return best.map { Hit(node: $0.node, score: $0.score, field: $0.field) }
        }
    }

    /// Two lists, each in order, as one list in order.
    private static func merge<Element>(_ first: [Element], _ second: [Element], isBetter: (Element, Element) -> Bool) -> [Element] {
        var merged: [Element] = []
        merged.reserveCapacity(first.count + second.count)
        var (left, right) = (0, 0)
        while left < first.count && right < second.count {
            if isBetter(second[right], first[left]) {
                merged.append(second[right])
                right += 1
            } else {
                merged.append(first[left])
                left += 1
            }
        }
        merged += first[left...]
        merged += second[right...]
        return merged
    }

    /// A query's terms laid out once, for writing the match positions of many results.
    public final class PreparedQuery: @unchecked Sendable {
        // Never changed after init, and freed only when the last user lets go.
        let query: SearchQuery
        let terms: PreparedTerms

        public init(_ query: SearchQuery) {
            self.query = query
            terms = PreparedTerms(query)
        }

        deinit { terms.release() }
    }

    /// What `SearchIndex.search` reports for the same node.
    public func result(for hit: Hit, query: PreparedQuery) -> SearchResult {
        withTables { $0.result(for: hit, query: query) }
    }

    public func key(for hit: Hit) -> NodeKey {
        withTables { $0.key(of: Int(hit.node)) }
    }

    /// `body` on the folded text of the field a hit shows, in place.
    public func withFoldedText<Result>(for hit: Hit, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withTables { tables in
            let (start, end, _, _) = tables.fieldRecord(Int(hit.field))
            return body(UnsafeBufferPointer(rebasing: tables.text[start..<end]))
        }
    }

    /// Appends the hit as `search --json` writes it compactly: the bytes `NodeJSON.searchResult`
    /// would give, taken mostly from fragments written when the snapshot was made.
    public func appendJSON(for hit: Hit, query: PreparedQuery, to out: inout [UInt8]) {
        withTables { tables in
            let node = Int(hit.node), field = Int(hit.field)
            out.append(contentsOf: tables.head(of: node))
            out += #""score":"#.utf8
            JSONValue.writeInt(Int(hit.score), to: &out)
            out += #","field":""#.utf8
            out += tables.fieldKind(of: field).rawValue.utf8
            out += #"","matched":"#.utf8
            tables.appendText(of: field, into: &out)
            out += #","positions":["#.utf8
            for (index, position) in tables.matchPositions(of: query, field: field).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeInt(position, to: &out)
            }
            out += #"],"path":"#.utf8
            tables.appendPath(to: node, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        bytes.withBytes { body(Tables($0, layout)) }
    }

    static var paddedMagic: [UInt8] {
        Array(magic.utf8) + [UInt8](repeating: 0, count: 24 - magic.utf8.count)
    }

    /// Everything after the hash itself: the key, the counts and the tables, hashed in blocks of
    /// `hashBlock` bytes on every core (a snapshot of 100k nodes is 87 MB), then the blocks' hashes.
    /// The blocks are fixed, so the value does not depend on how many cores wrote or read it.
    static func hash(of file: UnsafeRawBufferPointer) -> UInt64 {
        let hashed = UncheckedSendable(UnsafeRawBufferPointer(rebasing: file[40...]))
        let blocks = (hashed.value.count + hashBlock - 1) / hashBlock
        let blockHashes = OrderedParallelMap.map(count: blocks, chunks: Cores.parts(for: blocks, minimumPerPart: 4)) { block in
            var checksum = FastChecksum()
            let start = block * hashBlock
            checksum.combine(UnsafeRawBufferPointer(rebasing: hashed.value[start..<min(start + hashBlock, hashed.value.count)]))
            return checksum.value
        }
        return FastChecksum.value(of: blockHashes.flatMap { hash in (0..<8).map { UInt8(truncatingIfNeeded: hash >> (8 * $0)) } })
    }

    static let hashBlock = 1 << 20

    static func writeHeader(into file: inout [UInt8], contentKey: ContentDigest, counts: SearchSnapshotLayout.Counts) {
        file.withUnsafeMutableBytes { header in
            header.copyBytes(from: paddedMagic)
            header.storeBytes(of: byteOrderProbe, toByteOffset: 24, as: UInt32.self)
            for (index, word) in contentKey.words.enumerated() {
                header.storeBytes(of: word, toByteOffset: 40 + 8 * index, as: UInt64.self)
            }
            for (index, count) in counts.all.enumerated() {
                header.storeBytes(of: UInt64(count), toByteOffset: 72 + 8 * index, as: UInt64.self)
            }
            header.storeBytes(of: hash(of: UnsafeRawBufferPointer(header)), toByteOffset: 32, as: UInt64.self)
        }
    }

    /// Whether a field's original text is its folded text with the upper-case bits put back:
    /// ASCII folds byte for byte, except that `\r\n` is one character, not two.
    static func rebuildsFromFolded(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
}

/// A search pane can search a snapshot as it searches an index, narrowing as the query grows.
extension SearchSnapshot: SearchEngine {
    public func search(_ query: SearchQuery, limit: Int, within candidates: [Int32]?, settled: SettledScores?) -> SearchOutcome {
        withTables { tables in
            let prepared = PreparedQuery(query)
            return SearchIndex.outcome(
                of: query, limit: limit, within: candidates, settled: settled, nodeCount: tables.nodes,
                withKernel: { terms, settleBefore, body in body(tables.kernel(terms, settleBefore: settleBefore)) },
                rank: { SearchIndex.top($0, limit: limit, isBetter: tables.isBetter) },
                report: { best in best.map { tables.result(for: Hit(node: $0.node, score: $0.score, field: $0.field), query: prepared) } })
        }
    }
}
