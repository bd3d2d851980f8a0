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

        /// A field's text as it was written: kept whole, or its folded text with the upper-case letters restored.
        func originalText(of field: Int) -> [UInt8] {
            let raw = piece(.raw, starts: .rawStart, field)
            let start = Int(int32(.fieldStart, fields)[field]), end = Int(int32(.fieldEnd, fields)[field])
            guard raw.isEmpty, start < end else { return Array(raw) }
            let upper = upperBits
            return (start..<end).map { position in
                let byte = text[position]
                return upper[position / 64] >> UInt64(position % 64) & 1 == 1 ? byte & ~0x20 : byte
            }
        }

        /// The field folded as `TextFolding.fold` folds it; ASCII without the fold's work.
        func folded(_ field: Int, original: [UInt8]) -> TextFolding.Folded {
            guard piece(.raw, starts: .rawStart, field).isEmpty else { return TextFolding.fold(String(decoding: original, as: UTF8.self)) }
            let start = Int(int32(.fieldStart, fields)[field])
            return TextFolding.Folded(
                lower: Array(text[start..<(start + original.count)]), cased: original,
                characterIndex: Array(0..<Int32(original.count)))
        }

        /// The breadcrumb steps to `node`, as the JSON array `NodeJSON.path` writes, or `null`.
        func appendPath(to node: Int, into out: inout [UInt8]) {
            let parent = int32(.parent, nodes)
            var chain: [Int] = []
            var current = node
            while parent[current] >= 0 {
                // A consistent snapshot never loops; the bound keeps a damaged one from hanging.
                guard chain.count < nodes else { break }
                chain.append(current)
                current = Int(parent[current])
            }
            guard parent[current] == -1 else {
                out += "null".utf8
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, step) in chain.reversed().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: piece(.step, starts: .stepStart, step))
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
