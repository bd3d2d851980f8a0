extension SearchSnapshot {
    /// The snapshot file of `index`, built from `catalog`; nil when a table would not fit the
    /// format's 32-bit offsets.
    public static func encode(_ index: SearchIndex, catalog: Catalog, contentKey: ContentDigest) -> [UInt8]? {
        let nodes = index.keys.count
        let fields = index.fieldKind.count
        var raw: [UInt8] = []
        var fieldRecords: [UInt32] = []
        fieldRecords.reserveCapacity(fields * 4)
        for (field, text) in index.fieldText.enumerated() {
            let rawStart = raw.count
            var text = text
            text.withUTF8 { bytes in
                if !Self.rebuildsFromFolded(bytes) { raw.append(contentsOf: bytes) }
            }
            let kind = SearchIndex.Field.byNumber.firstIndex(of: index.fieldKind[field])!
            guard raw.count - rawStart < 1 << 29 else { return nil }
            fieldRecords.append(UInt32(index.fieldStart[field]))
            fieldRecords.append(UInt32(index.fieldEnd[field]))
            fieldRecords.append(UInt32(truncatingIfNeeded: rawStart))
            fieldRecords.append(UInt32(raw.count - rawStart) << 3 | UInt32(kind))
        }
        let keyRank = Self.ranks(of: index.keys)
        let routes = catalog.routes
        let numbers = index.keys.map { routes.number(of: $0) ?? -1 }
        let indexOfNumber = numbers.enumerated().reduce(into: [Int32](repeating: -1, count: routes.keys.count)) { table, entry in
            if entry.element >= 0 { table[Int(entry.element)] = Int32(entry.offset) }
        }
        // The nodes' records in parts, one per core, joined in order.
        let partCount = Cores.parts(for: nodes, minimumPerPart: 2048)
        let parts = OrderedParallelMap.map(count: partCount, chunks: partCount) { partNumber in
            var part = NodeFragments()
            for node in (nodes * partNumber / partCount)..<(nodes * (partNumber + 1) / partCount) {
                let nodeKey = index.keys[node]
                let (from, stepJSON) = Self.lastStep(to: numbers[node], routes: routes, indexOfNumber: indexOfNumber)
                part.record.append(from)
                part.record.append(UInt32(0))
                part.record.append(UInt32(stepJSON.count))
                part.record.bytes += stepJSON
                // The object's closing brace becomes the comma before the members a search adds.
                var head = JSONValue.object(NodeJSON.searchResultHead(nodeKey, node: catalog.node(nodeKey))).utf8(pretty: false)
                head[head.count - 1] = UInt8(ascii: ",")
                part.record.bytes += head
                part.record.close()
                part.key.bytes += nodeKey.tree.utf8
                part.keyTreeLength.append(UInt32(nodeKey.tree.utf8.count))
                part.key.bytes += nodeKey.node.utf8
                part.key.close()
            }
            return part
        }
        var fragments = parts[0]
        parts.dropFirst().forEach { fragments.append($0) }
        var record = fragments.record
        let (key, keyTreeLength) = (fragments.key, fragments.keyTreeLength)
        // Each record points at its parent's, now that every record's place is known.
        for node in 0..<nodes {
            let start = Int(record.starts[node])
            let parent = Int(record.bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: Int32.self) })
            if parent >= 0 { record.store(record.starts[parent], at: start + 4) }
        }
        guard [raw.count, record.bytes.count, key.bytes.count, index.lower.count].allSatisfy({ $0 <= Int(Int32.max) }) else { return nil }
        var counts = SearchSnapshotLayout.Counts()
        counts.nodes = nodes
        counts.fields = fields
        counts.textBytes = index.lower.count
        counts.rawBytes = raw.count
        counts.nodeBytes = record.bytes.count
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
            put(index.fieldMask, .fieldMask)
            put(fieldRecords, .fieldRecord)
            put(raw, .raw)
            put(index.nodeFieldStart, .nodeFieldStart)
            put(index.depth, .depth)
            put(index.titleLength, .titleLength)
            put(keyRank, .keyRank)
            put(record.starts, .nodeStart)
            put(record.bytes, .node)
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

        /// A number's bytes in the machine's order, as the snapshot is read.
        mutating func append<Value: FixedWidthInteger>(_ value: Value) {
            withUnsafeBytes(of: value) { bytes += $0 }
        }

        mutating func store(_ value: UInt32, at offset: Int) {
            bytes.withUnsafeMutableBytes { $0.storeBytes(of: value, toByteOffset: offset, as: UInt32.self) }
        }
    }

    /// The tables made node by node, for a run of consecutive nodes.
    private struct NodeFragments {
        var record = Blob(), key = Blob()
        var keyTreeLength: [UInt32] = []

        mutating func append(_ other: NodeFragments) {
            record.append(other.record)
            key.append(other.key)
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
