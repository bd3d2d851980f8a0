extension SearchSnapshot {
    /// Typed views of a snapshot's tables, valid while its bytes are pinned.
    struct Tables {
        /// Pieces of bytes laid end to end: piece `i` is `bytes[ends[i] ..< ends[i + 1]]`.
        struct Blob {
            let bytes: UnsafeBufferPointer<UInt8>
            let ends: UnsafeBufferPointer<UInt32>

            subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[Int(ends[index])..<Int(ends[index + 1])])
            }
        }

        let nodes: Int
        let fields: Int
        let text: UnsafeBufferPointer<UInt8>
        let upperBits: UnsafeBufferPointer<UInt64>
        let fieldStart, fieldEnd, fieldBonus: UnsafeBufferPointer<Int32>
        let fieldMask: UnsafeBufferPointer<UInt64>
        let fieldRecords: UnsafeBufferPointer<UInt32>
        let raw: UnsafeBufferPointer<UInt8>
        let nodeFieldStart, depth, titleLength, keyRank: UnsafeBufferPointer<Int32>
        /// Node records (see `SearchSnapshotLayout.Table.node`), and node keys.
        let record, key: Blob
        let keyTreeLength: UnsafeBufferPointer<UInt32>

        /// Made once per call into the snapshot, so that reading a table touches no array.
        init(_ file: UnsafeRawBufferPointer, _ layout: SearchSnapshotLayout) {
            let counts = layout.counts
            func view<Element>(_ table: SearchSnapshotLayout.Table, _ count: Int) -> UnsafeBufferPointer<Element> {
                // Tables start on 8-byte boundaries of a page-aligned mapping (or an array's storage).
                UnsafeBufferPointer(start: (file.baseAddress! + layout.offset(of: table)).assumingMemoryBound(to: Element.self), count: count)
            }
            nodes = counts.nodes
            fields = counts.fields
            text = view(.text, counts.textBytes)
            upperBits = view(.upperBits, (counts.textBytes + 63) / 64)
            fieldStart = view(.fieldStart, fields)
            fieldEnd = view(.fieldEnd, fields)
            fieldBonus = view(.fieldBonus, fields)
            fieldMask = view(.fieldMask, fields)
            fieldRecords = view(.fieldRecord, fields * 4)
            raw = view(.raw, counts.rawBytes)
            nodeFieldStart = view(.nodeFieldStart, nodes + 1)
            depth = view(.depth, nodes)
            titleLength = view(.titleLength, nodes)
            keyRank = view(.keyRank, nodes)
            record = Blob(bytes: view(.node, counts.nodeBytes), ends: view(.nodeStart, nodes + 1))
            key = Blob(bytes: view(.key, counts.keyBytes), ends: view(.keyStart, nodes + 1))
            keyTreeLength = view(.keyTreeLength, nodes)
        }

        /// The search kernel over these tables, for `terms`.
        func kernel(_ terms: PreparedTerms, settleBefore: Int) -> Kernel {
            Kernel(
                text: text, upper: upperBits, fieldStart: fieldStart, fieldEnd: fieldEnd, fieldBonus: fieldBonus, fieldMask: fieldMask,
                nodeFieldStart: nodeFieldStart, terms: terms, settleBefore: settleBefore)
        }

        /// The order of `SearchIndex`'s results: score, a title or label shown, then depth, title length and node key.
        func isBetter(_ lhs: SearchIndex.Scored, _ rhs: SearchIndex.Scored) -> Bool {
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.isHeading != rhs.isHeading { return lhs.isHeading }
            let (left, right) = (Int(lhs.node), Int(rhs.node))
            if depth[left] != depth[right] { return depth[left] < depth[right] }
            if titleLength[left] != titleLength[right] { return titleLength[left] < titleLength[right] }
            return keyRank[left] < keyRank[right]
        }

        /// What `SearchIndex.search` reports for the same node.
        func result(for hit: SearchSnapshot.Hit, query: SearchSnapshot.PreparedQuery) -> SearchResult {
            let field = Int(hit.field)
            return SearchResult(
                key: key(of: Int(hit.node)), score: Int(hit.score), field: fieldKind(of: field),
                matchedText: String(decoding: originalText(of: field), as: UTF8.self),
                positions: matchPositions(of: query, field: field))
        }

        /// A field's place in `text`, its kind, and its original text when that is kept.
        func fieldRecord(_ field: Int) -> (start: Int, end: Int, kind: SearchIndex.Field, raw: UnsafeBufferPointer<UInt8>) {
            let record = 4 * field
            let rawStart = Int(fieldRecords[record + 2]), rawLength = Int(fieldRecords[record + 3] >> 3)
            return (
                Int(fieldRecords[record]), Int(fieldRecords[record + 1]),
                SearchIndex.Field.byNumber[Int(fieldRecords[record + 3] & 7)],
                UnsafeBufferPointer(rebasing: raw[rawStart..<(rawStart + rawLength)]))
        }

        func fieldKind(of field: Int) -> SearchIndex.Field {
            fieldRecord(field).kind
        }

        func key(of node: Int) -> NodeKey {
            let key = self.key[node]
            let treeLength = Int(keyTreeLength[node])
            return NodeKey(
                tree: String(decoding: UnsafeBufferPointer(rebasing: key[..<(key.startIndex + treeLength)]), as: UTF8.self),
                node: String(decoding: UnsafeBufferPointer(rebasing: key[(key.startIndex + treeLength)...]), as: UTF8.self))
        }

        /// Calls `body` with each position in `start..<end` whose letter was upper case.
        /// Visits only the set bits: most text is lower case.
        private func forEachUpper(from start: Int, to end: Int, _ body: (Int) -> Void) {
            guard start < end else { return }
            for word in (start / 64)...((end - 1) / 64) {
                var bits = upperBits[word]
                while bits != 0 {
                    let position = word * 64 + bits.trailingZeroBitCount
                    if position >= start && position < end { body(position) }
                    bits &= bits - 1
                }
            }
        }

        /// A field's text as it was written: kept whole, or its folded text with the upper-case letters restored.
        func originalText(of field: Int) -> [UInt8] {
            let (start, end, _, raw) = fieldRecord(field)
            guard raw.isEmpty else { return Array(raw) }
            var original = Array(text[start..<end])
            forEachUpper(from: start, to: end) { original[$0 - start] &= ~0x20 }
            return original
        }

        /// A field's text as a JSON string, written as `JSONValue` writes it.
        func appendText(of field: Int, into out: inout [UInt8]) {
            let (start, end, _, raw) = fieldRecord(field)
            guard raw.isEmpty else { return JSONValue.writeString(utf8: raw, to: &out) }
            let folded = UnsafeBufferPointer(rebasing: text[start..<end])
            // Case does not change whether a byte needs escaping: plain text is copied, then its capitals restored.
            guard folded.allSatisfy(JSONValue.isPlain) else {
                return originalText(of: field).withUnsafeBufferPointer { JSONValue.writeString(utf8: $0, to: &out) }
            }
            out.append(UInt8(ascii: "\""))
            let base = out.count - start
            out.append(contentsOf: folded)
            forEachUpper(from: start, to: end) { out[base + $0] &= ~0x20 }
            out.append(UInt8(ascii: "\""))
        }

        /// The characters of the field that the query matched, as `SearchIndex.matchPositions`
        /// finds them; text kept folded is matched in place.
        func matchPositions(of query: SearchSnapshot.PreparedQuery, field: Int) -> [Int] {
            let (start, end, _, raw) = fieldRecord(field)
            guard raw.isEmpty else {
                return SearchIndex.matchPositions(of: query.query, in: TextFolding.fold(String(decoding: raw, as: UTF8.self)))
            }
            var original: [UInt8]?
            var positions: [Int] = []
            for term in query.terms.terms where !term.inverse {
                let found: [Int]?
                if term.caseSensitive {
                    let cased = original ?? originalText(of: field)
                    original = cased
                    found = cased.withUnsafeBufferPointer {
                        SearchIndex.positions(of: term.bytes, kind: term.kind, in: $0, cases: .bytes($0), from: 0, to: $0.count)
                    }
                } else {
                    found = SearchIndex.positions(of: term.bytes, kind: term.kind, in: text, cases: .bits(upperBits), from: start, to: end)
                }
                guard let found else { continue }
                if positions.isEmpty { positions = found } else { positions += found }
            }
            return SearchIndex.sortedUnique(positions)
        }

        /// The node a record's breadcrumb comes from (-1 at a start, -2 when unreachable), where
        /// that node's record starts, and the JSON of the step from there.
        private func link(at offset: Int) -> (parent: Int32, parentRecord: Int, step: UnsafeBufferPointer<UInt8>) {
            let raw = UnsafeRawBufferPointer(record.bytes)
            let length = Int(raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))
            return (
                raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                Int(raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)),
                UnsafeBufferPointer(rebasing: record.bytes[(offset + 12)..<(offset + 12 + length)]))
        }

        /// The node's `{"tree":…,"node":…,"kind":…,"title":…,`.
        func head(of node: Int) -> UnsafeBufferPointer<UInt8> {
            let start = Int(record.ends[node])
            return UnsafeBufferPointer(rebasing: record.bytes[(start + 12 + link(at: start).step.count)..<Int(record.ends[node + 1])])
        }

        /// The breadcrumb steps to `node`, as the JSON array `NodeJSON.path` writes, or `null`.
        func appendPath(to node: Int, into out: inout [UInt8]) {
            let first = Int(record.ends[node])
            // A consistent snapshot never loops; the bound keeps a damaged one from hanging.
            var current = link(at: first), steps = 0
            while current.parent >= 0 && steps <= nodes {
                current = link(at: current.parentRecord)
                steps += 1
            }
            guard current.parent == -1 else {
                out += "null".utf8
                return
            }
            out.append(UInt8(ascii: "["))
            withUnsafeTemporaryAllocation(of: Int.self, capacity: steps) { chain in
                var offset = first
                for index in stride(from: steps - 1, through: 0, by: -1) {
                    chain[index] = offset
                    offset = link(at: offset).parentRecord
                }
                for (index, offset) in chain.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: link(at: offset).step)
                }
            }
            out.append(UInt8(ascii: "]"))
        }

        /// Every offset within its table and every table's contents in range, so that no
        /// later read can leave the file, whatever bytes it holds. (Each field's text is
        /// followed by a separator, so a field ends before the text does.)
        var areConsistent: Bool {
            guard (0..<fields).allSatisfy({ field in
                      let record = 4 * field, kind = Int(fieldRecords[record + 3] & 7)
                      let rawEnd = Int(fieldRecords[record + 2]) + Int(fieldRecords[record + 3] >> 3)
                      return fieldStart[field] >= 0 && fieldStart[field] <= fieldEnd[field] && Int(fieldEnd[field]) < text.count
                          && fieldRecords[record] == UInt32(fieldStart[field]) && fieldRecords[record + 1] == UInt32(fieldEnd[field])
                          && kind < SearchIndex.Field.byNumber.count && rawEnd <= raw.count
                  }),
                  [record, key].allSatisfy({ Self.ascending($0.ends, upTo: $0.bytes.count) }),
                  Self.ascending(nodeFieldStart, upTo: fields)
            else { return false }
            return (0..<nodes).allSatisfy { node in
                let start = Int(record.ends[node]), length = Int(record.ends[node + 1]) - start
                // Every node has a field (its heading), which a query that only excludes reports.
                guard length >= 12, nodeFieldStart[node] < nodeFieldStart[node + 1],
                      keyTreeLength[node] <= key.ends[node + 1] - key.ends[node] else { return false }
                let raw = UnsafeRawBufferPointer(record.bytes)
                let parent = Int(raw.loadUnaligned(fromByteOffset: start, as: Int32.self))
                let parentRecord = raw.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self)
                let step = Int(raw.loadUnaligned(fromByteOffset: start + 8, as: UInt32.self))
                return step <= length - 12 && parent >= -2 && parent < nodes && (parent < 0 || parentRecord == record.ends[parent])
            }
        }

        private static func ascending<Offset: BinaryInteger>(_ offsets: UnsafeBufferPointer<Offset>, upTo total: Int) -> Bool {
            guard offsets.first == 0, Int(offsets.last!) == total else { return false }
            return zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }
        }
    }
}
