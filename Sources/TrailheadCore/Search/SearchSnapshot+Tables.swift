extension SearchSnapshot {
    /// Typed views of a snapshot's tables, valid while its bytes are pinned.
    struct Tables {
        private let file: UnsafeRawBufferPointer
        private let layout: SearchSnapshotLayout

        init(_ file: UnsafeRawBufferPointer, _ layout: SearchSnapshotLayout) {
            self.file = file
            self.layout = layout
        }

        var nodes: Int { layout.counts.nodes }
        var fields: Int { layout.counts.fields }

        private func view<Element>(_ table: SearchSnapshotLayout.Table, _ count: Int, as type: Element.Type) -> UnsafeBufferPointer<Element> {
            // Tables start on 8-byte boundaries of a page-aligned mapping (or an array's storage).
            UnsafeBufferPointer(start: (file.baseAddress! + layout.offset(of: table)).assumingMemoryBound(to: Element.self), count: count)
        }

        func int32(_ table: SearchSnapshotLayout.Table, _ count: Int) -> UnsafeBufferPointer<Int32> {
            view(table, count, as: Int32.self)
        }

        private func offsets(_ table: SearchSnapshotLayout.Table, _ count: Int) -> UnsafeBufferPointer<UInt32> {
            view(table, count, as: UInt32.self)
        }

        private func bytes(_ table: SearchSnapshotLayout.Table, _ count: Int) -> UnsafeBufferPointer<UInt8> {
            view(table, count, as: UInt8.self)
        }

        var text: UnsafeBufferPointer<UInt8> { bytes(.text, layout.counts.textBytes) }
        var upperBits: UnsafeBufferPointer<UInt64> { view(.upperBits, (layout.counts.textBytes + 63) / 64, as: UInt64.self) }

        /// Piece `index` of a blob whose pieces end at `starts`.
        func piece(_ blob: SearchSnapshotLayout.Table, starts: SearchSnapshotLayout.Table, _ index: Int) -> UnsafeBufferPointer<UInt8> {
            let ends = offsets(starts, index + 2)
            return UnsafeBufferPointer(rebasing: bytes(blob, Int(ends[index + 1]))[Int(ends[index])...])
        }

        func fieldKind(of field: Int) -> SearchIndex.Field {
            SearchIndex.Field.allCases[Int(bytes(.fieldKind, fields)[field])]
        }

        func key(of node: Int) -> NodeKey {
            let key = piece(.key, starts: .keyStart, node)
            let treeLength = Int(offsets(.keyTreeLength, nodes)[node])
            return NodeKey(
                tree: String(decoding: UnsafeBufferPointer(rebasing: key[..<(key.startIndex + treeLength)]), as: UTF8.self),
                node: String(decoding: UnsafeBufferPointer(rebasing: key[(key.startIndex + treeLength)...]), as: UTF8.self))
        }

        private func bounds(of field: Int) -> (start: Int, end: Int) {
            (Int(int32(.fieldStart, fields)[field]), Int(int32(.fieldEnd, fields)[field]))
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
            let raw = piece(.raw, starts: .rawStart, field)
            guard raw.isEmpty else { return Array(raw) }
            let (start, end) = bounds(of: field)
            var original = Array(text[start..<end])
            forEachUpper(from: start, to: end) { original[$0 - start] &= ~0x20 }
            return original
        }

        /// A field's text as a JSON string, written as `JSONValue` writes it.
        func appendText(of field: Int, into out: inout [UInt8]) {
            let raw = piece(.raw, starts: .rawStart, field)
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
            let raw = piece(.raw, starts: .rawStart, field)
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
                    positions += found ?? []
                }
            }
            return SearchIndex.sortedUnique(positions)
        }

        /// The breadcrumb steps to `node`, as the JSON array `NodeJSON.path` writes, or `null`.
        func appendPath(to node: Int, into out: inout [UInt8]) {
            let parent = int32(.parent, nodes)
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
                    out.append(contentsOf: piece(.step, starts: .stepStart, step))
                }
            }
            out.append(UInt8(ascii: "]"))
        }

        /// Every offset within its table and every table's contents in range, so that no
        /// later read can leave the file, whatever bytes it holds. (Each field's text is
        /// followed by a separator, so a field ends before the text does.)
        var areConsistent: Bool {
            let counts = layout.counts
            let starts = int32(.fieldStart, fields), ends = int32(.fieldEnd, fields)
            guard (0..<fields).allSatisfy({ starts[$0] >= 0 && starts[$0] <= ends[$0] && Int(ends[$0]) < counts.textBytes }),
                  bytes(.fieldKind, fields).allSatisfy({ Int($0) < SearchIndex.Field.allCases.count }),
                  Self.ascending(offsets(.rawStart, fields + 1), upTo: counts.rawBytes),
                  Self.ascending(offsets(.headStart, nodes + 1), upTo: counts.headBytes),
                  Self.ascending(offsets(.stepStart, nodes + 1), upTo: counts.stepBytes),
                  Self.ascending(offsets(.keyStart, nodes + 1), upTo: counts.keyBytes),
                  Self.ascending(int32(.nodeFieldStart, nodes + 1), upTo: fields),
                  int32(.parent, nodes).allSatisfy({ $0 >= -2 && Int($0) < nodes })
            else { return false }
            let keyStart = offsets(.keyStart, nodes + 1), treeLength = offsets(.keyTreeLength, nodes)
            return (0..<nodes).allSatisfy { treeLength[$0] <= keyStart[$0 + 1] - keyStart[$0] }
        }

        private static func ascending<Offset: BinaryInteger>(_ offsets: UnsafeBufferPointer<Offset>, upTo total: Int) -> Bool {
            guard offsets.first == 0, Int(offsets.last!) == total else { return false }
            return zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }
        }
    }
}
