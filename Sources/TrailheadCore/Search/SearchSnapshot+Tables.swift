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
        let fieldKinds: UnsafeBufferPointer<UInt8>
        let raw: Blob
        let nodeFieldStart, depth, titleLength, keyRank, parent: UnsafeBufferPointer<Int32>
        let head, step, key: Blob
        let keyTreeLength: UnsafeBufferPointer<UInt32>

        /// Made once per call into the snapshot, so that reading a table touches no array.
        init(_ file: UnsafeRawBufferPointer, _ layout: SearchSnapshotLayout) {
            let counts = layout.counts
            func view<Element>(_ table: SearchSnapshotLayout.Table, _ count: Int, as type: Element.Type = Element.self) -> UnsafeBufferPointer<Element> {
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
            fieldKinds = view(.fieldKind, fields)
            raw = Blob(bytes: view(.raw, counts.rawBytes), ends: view(.rawStart, fields + 1))
            nodeFieldStart = view(.nodeFieldStart, nodes + 1)
            depth = view(.depth, nodes)
            titleLength = view(.titleLength, nodes)
            keyRank = view(.keyRank, nodes)
            parent = view(.parent, nodes)
            head = Blob(bytes: view(.head, counts.headBytes), ends: view(.headStart, nodes + 1))
            step = Blob(bytes: view(.step, counts.stepBytes), ends: view(.stepStart, nodes + 1))
            key = Blob(bytes: view(.key, counts.keyBytes), ends: view(.keyStart, nodes + 1))
            keyTreeLength = view(.keyTreeLength, nodes)
        }

        func fieldKind(of field: Int) -> SearchIndex.Field {
            SearchIndex.Field.byNumber[Int(fieldKinds[field])]
        }

        func key(of node: Int) -> NodeKey {
            let key = self.key[node]
            let treeLength = Int(keyTreeLength[node])
            return NodeKey(
                tree: String(decoding: UnsafeBufferPointer(rebasing: key[..<(key.startIndex + treeLength)]), as: UTF8.self),
                node: String(decoding: UnsafeBufferPointer(rebasing: key[(key.startIndex + treeLength)...]), as: UTF8.self))
        }

        private func bounds(of field: Int) -> (start: Int, end: Int) {
            (Int(fieldStart[field]), Int(fieldEnd[field]))
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
            let raw = self.raw[field]
            guard raw.isEmpty else { return Array(raw) }
            let (start, end) = bounds(of: field)
            var original = Array(text[start..<end])
            forEachUpper(from: start, to: end) { original[$0 - start] &= ~0x20 }
            return original
        }

        /// A field's text as a JSON string, written as `JSONValue` writes it.
        func appendText(of field: Int, into out: inout [UInt8]) {
            let raw = self.raw[field]
            guard raw.isEmpty else { return JSONValue.writeString(utf8: raw, to: &out) }
            let (start, end) = bounds(of: field)
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
        func matchPositions(of query: SearchQuery, field: Int) -> [Int] {
            let raw = self.raw[field]
            guard raw.isEmpty else {
                return SearchIndex.matchPositions(of: query, in: TextFolding.fold(String(decoding: raw, as: UTF8.self)))
            }
            let (start, end) = bounds(of: field)
            var original: [UInt8]?
            var positions: [Int] = []
            for group in query.groups {
                for term in group where !term.inverse {
                    let found: [Int]?
                    if term.caseSensitive {
                        let cased = original ?? originalText(of: field)
                        original = cased
                        found = cased.withUnsafeBufferPointer {
                            SearchIndex.positions(of: term, in: $0, cases: .bytes($0), from: 0, to: $0.count)
                        }
                    } else {
                        found = SearchIndex.positions(of: term, in: text, cases: .bits(upperBits), from: start, to: end)
                    }
                    guard let found else { continue }
                    if positions.isEmpty { positions = found } else { positions += found }
                }
            }
            return SearchIndex.sortedUnique(positions)
        }

        /// The breadcrumb steps to `node`, as the JSON array `NodeJSON.path` writes, or `null`.
        func appendPath(to node: Int, into out: inout [UInt8]) {
            // A consistent snapshot never loops; the bound keeps a damaged one from hanging.
            var current = node, steps = 0
            while parent[current] >= 0 && steps <= nodes {
                current = Int(parent[current])
                steps += 1
            }
            guard parent[current] == -1 else {
                out += "null".utf8
                return
            }
            out.append(UInt8(ascii: "["))
            withUnsafeTemporaryAllocation(of: Int.self, capacity: steps) { chain in
                current = node
                for index in stride(from: steps - 1, through: 0, by: -1) {
                    chain[index] = current
                    current = Int(parent[current])
                }
                for (index, step) in chain.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: self.step[step])
                }
            }
            out.append(UInt8(ascii: "]"))
        }

        /// Every offset within its table and every table's contents in range, so that no
        /// later read can leave the file, whatever bytes it holds. (Each field's text is
        /// followed by a separator, so a field ends before the text does.)
        var areConsistent: Bool {
            guard (0..<fields).allSatisfy({ fieldStart[$0] >= 0 && fieldStart[$0] <= fieldEnd[$0] && Int(fieldEnd[$0]) < text.count }),
                  fieldKinds.allSatisfy({ Int($0) < SearchIndex.Field.byNumber.count }),
                  [raw, head, step, key].allSatisfy({ Self.ascending($0.ends, upTo: $0.bytes.count) }),
                  Self.ascending(nodeFieldStart, upTo: fields),
                  parent.allSatisfy({ $0 >= -2 && Int($0) < nodes })
            else { return false }
            return (0..<nodes).allSatisfy { keyTreeLength[$0] <= key.ends[$0 + 1] - key.ends[$0] }
        }

        private static func ascending<Offset: BinaryInteger>(_ offsets: UnsafeBufferPointer<Offset>, upTo total: Int) -> Bool {
            guard offsets.first == 0, Int(offsets.last!) == total else { return false }
            return zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }
        }
    }
}
