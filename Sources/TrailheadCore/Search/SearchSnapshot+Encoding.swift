extension SearchSnapshot {
    /// The snapshot file of `index`, built from `catalog`; nil when a table would not fit the
    /// format's 32-bit offsets.
    static func encode(_ index: SearchIndex, catalog: Catalog, contentKey: UInt64) -> [UInt8]? {
        let nodes = index.keys.count
        let fields = index.fieldKind.count
        var raw = Blob()
        for text in index.fieldText {
            var text = text
            text.withUTF8 { bytes in
                if !Self.rebuildsFromFolded(bytes) { raw.bytes.append(contentsOf: bytes) }
            }
            raw.close()
        }
        let keyRank = Self.ranks(of: index.keys)
        let routes = catalog.routes
        let numbers = index.keys.map { routes.number(of: $0) ?? -1 }
        let indexOfNumber = numbers.enumerated().reduce(into: [Int32](repeating: -1, count: routes.keys.count)) { table, entry in
            if entry.element >= 0 { table[Int(entry.element)] = Int32(entry.offset) }
        }
        // The nodes' fragments in two halves, one per core, joined in order.
        let halves = OrderedParallelMap.map(count: 2, chunks: nodes > 4096 ? 2 : 1) { half in
            var part = NodeFragments()
            for node in (nodes * half / 2)..<(nodes * (half + 1) / 2) {
                let nodeKey = index.keys[node]
                // The object's closing brace becomes the comma before the members a search adds.
                var fragment = JSONValue.object(NodeJSON.searchResultHead(nodeKey, node: catalog.node(nodeKey))).utf8(pretty: false)
                fragment[fragment.count - 1] = UInt8(ascii: ",")
                part.head.bytes += fragment
                part.head.close()
                let (from, stepJSON) = Self.lastStep(to: numbers[node], routes: routes, indexOfNumber: indexOfNumber)
                part.parent.append(from)
                part.step.bytes += stepJSON
                part.step.close()
                part.key.bytes += nodeKey.tree.utf8
                part.keyTreeLength.append(UInt32(nodeKey.tree.utf8.count))
                part.key.bytes += nodeKey.node.utf8
                part.key.close()
            }
            return part
        }
        var fragments = halves[0]
        fragments.append(halves[1])
        let (head, step, key, parent, keyTreeLength) =
            (fragments.head, fragments.step, fragments.key, fragments.parent, fragments.keyTreeLength)
        let blobs = [raw, head, step, key]
        guard blobs.allSatisfy({ $0.bytes.count <= Int(Int32.max) }), index.lower.count <= Int(Int32.max) else { return nil }
        var counts = SearchSnapshotLayout.Counts()
        counts.nodes = nodes
        counts.fields = fields
        counts.textBytes = index.lower.count
        counts.rawBytes = raw.bytes.count
        counts.headBytes = head.bytes.count
        counts.stepBytes = step.bytes.count
        counts.keyBytes = key.bytes.count
        let layout = SearchSnapshotLayout(counts)
        var out = [UInt8](repeating: 0, count: SearchSnapshotLayout.headerSize + layout.size)
        out.withUnsafeMutableBytes { file in
            func put<Element>(_ values: [Element], _ table: SearchSnapshotLayout.Table) {
                values.withUnsafeBytes { source in
                    guard let base = source.baseAddress else { return }
                    (file.baseAddress! + layout.offset(of: table)).copyMemory(from: base, byteCount: source.count)
                }
            }
            put(index.lower, .text)
            put(index.upperBits, .upperBits)
            put(index.fieldStart, .fieldStart)
            put(index.fieldEnd, .fieldEnd)
            put(index.fieldBonus, .fieldBonus)
            put(index.fieldKind.map { UInt8(SearchIndex.Field.byNumber.firstIndex(of: $0)!) }, .fieldKind)
            put(raw.starts, .rawStart)
            put(raw.bytes, .raw)
            put(index.nodeFieldStart, .nodeFieldStart)
            put(index.depth, .depth)
            put(index.titleLength, .titleLength)
            put(keyRank, .keyRank)
            put(head.starts, .headStart)
            put(head.bytes, .head)
            put(parent, .parent)
            put(step.starts, .stepStart)
            put(step.bytes, .step)
            put(key.starts, .keyStart)
            put(keyTreeLength, .keyTreeLength)
            put(key.bytes, .key)
        }
        writeHeader(into: &out, contentKey: contentKey, counts: counts)
        return out
    }

    /// Bytes laid end to end, with where each piece ends.
    private struct Blob {
        var bytes: [UInt8] = []
        var starts: [UInt32] = [0]

        mutating func close() {
            starts.append(UInt32(truncatingIfNeeded: bytes.count))
        }

        mutating func append(_ other: Blob) {
            let base = UInt32(truncatingIfNeeded: bytes.count)
            bytes += other.bytes
            starts += other.starts.dropFirst().map { $0 &+ base }
        }
    }

    /// The tables made node by node, for a run of consecutive nodes.
    private struct NodeFragments {
        var head = Blob(), step = Blob(), key = Blob()
        var parent: [Int32] = []
        var keyTreeLength: [UInt32] = []

        mutating func append(_ other: NodeFragments) {
            head.append(other.head)
            step.append(other.step)
            key.append(other.key)
            parent += other.parent
            keyTreeLength += other.keyTreeLength
        }
    }

    /// Each key's position in key order, so ties are broken by comparing two numbers.
    private static func ranks(of keys: [NodeKey]) -> [Int32] {
        var rank = [Int32](repeating: 0, count: keys.count)
        for (position, node) in keys.indices.sorted(by: { keys[$0] < keys[$1] }).enumerated() {
            rank[node] = Int32(position)
        }
        return rank
    }

    /// The node a breadcrumb to `number` comes from, by index position, and the JSON of that
    /// last step; -1 for a tree's start (an empty breadcrumb), -2 when `number` is unreachable.
    private static func lastStep(to number: Int32, routes: CatalogRoutes, indexOfNumber: [Int32]) -> (Int32, [UInt8]) {
        guard number >= 0, let tree = routes.treeIndex[routes.keys[Int(number)].tree],
              let start = routes.startNumber[tree] else { return (-2, []) }
        if number == start { return (-1, []) }
        guard let route = routes.routes(ofTree: tree)[number], indexOfNumber[Int(route.from)] >= 0 else { return (-2, []) }
        let (step, heading) = Catalog.step(along: route, in: routes)
        return (indexOfNumber[Int(route.from)], NodeJSON.pathStep(step, heading: heading).utf8(pretty: false))
    }
}
