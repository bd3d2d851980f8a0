/// Reads one large tree file in parts on every core: the head, up to an entry of its top-level
/// `nodes`, and tails, each a run of the entries that follow.
///
/// It only ever speeds up what reading the whole file gives. It answers only when every part is
/// in the block scanner's subset and decodes without a single diagnostic, and when joining them
/// finds no node id twice, stays within the node limit and finds the start node. Every other
/// file, each one with a problem among them, is left to be read whole, so no message and no
/// order of messages depends on where the file was cut.
struct SplitTreeReader {
    let limits: LoaderLimits
    /// More parts than cores, so that a core done early takes another part; parts differ in cost.
    static let parts = 8

    /// A file read in parts and, when asked for, the tree cache's node records of each part
    /// (`TreeCodec.records`), in file order.
    struct Loaded {
        var file: LoadedFile
        var records: [[UInt8]]?
    }

    /// The tree in `bytes`, or nil when it must be read whole.
    func load(_ bytes: UnsafeRawBufferPointer, path: String, encoding: Bool = false) -> Loaded? {
        let cuts = Self.cuts(in: bytes, parts: Self.parts)
        guard !cuts.isEmpty else { return nil }
        return load(bytes, path: path, cuts: cuts, encoding: encoding)
    }

    /// What one core read: a run of nodes, with the rest of the tree for the head, and the
    /// cache's records of those nodes when asked for.
    private struct Part {
        var head: Tree?
        var nodes: [String: Node]
        var order: [String]
        var records: [UInt8]?
    }

    /// Reads the file cut at each of `cuts`, increasing offsets of lines that open entries of `nodes`.
    func load(_ bytes: UnsafeRawBufferPointer, path: String, cuts: [Int], encoding: Bool = false) -> Loaded? {
        let shared = UncheckedSendable(bytes)
        let bounds = [0] + cuts + [bytes.count]
        var read = OrderedParallelMap.map(count: bounds.count - 1, chunks: bounds.count - 1) { part -> Part? in
            let text = UnsafeRawBufferPointer(rebasing: shared.value[bounds[part]..<bounds[part + 1]])
            // Every location holds the path: a string of its own per part keeps the cores from
            // contending for one reference count, which cost more than the split saved.
            var decoder = TreeDecoder(file: String(decoding: Array(path.utf8), as: UTF8.self), limits: limits)
            var piece: Part
            if part == 0 {
                guard let document = YAMLReader(maxDepth: limits.maxDepth).readBlockSubset(text),
                      var tree = decoder.decodeHead(document), decoder.diagnostics.isEmpty else { return nil }
                // The head's nodes leave its tree, so that joining owns them alone and moves them.
                piece = Part(head: nil, nodes: [:], order: tree.nodeOrder)
                tree.updateNodes { swap(&piece.nodes, &$0) }
                piece.head = tree
            } else {
                let firstLine = Self.lineBreaks(in: UnsafeRawBufferPointer(rebasing: shared.value[..<bounds[part]])) + 1
                // A tail's top mapping is `nodes`, one level below the file's own.
                let reader = YAMLReader(maxDepth: limits.maxDepth - 1)
                guard let document = reader.readBlockSubset(text, firstLine: firstLine),
                      document.kind(of: document.root) == .mapping else { return nil }
                let tail = decoder.decodeTail(document)
                guard decoder.diagnostics.isEmpty else { return nil }
                piece = Part(head: nil, nodes: tail.nodes, order: tail.order)
            }
            // Written here, while the part's nodes are fresh in this core's cache, and so that
            // joining moves nodes no other core reads. When another part fails and the file is
            // read whole, these records are wasted; only a file with a problem does that.
            if encoding {
                piece.records = TreeCodec.records(of: piece.order[...], in: piece.nodes, capacity: piece.nodes.count * 400)
            }
            return piece
        }
        // Taken out of `read`, not copied: a table still shared with it would be copied whole when joining changes it.
        var parts: [Part] = []
        for index in read.indices {
            guard let part = read[index].take() else { return nil }
            parts.append(part)
        }
        guard var tree = parts.first?.head else { return nil }
        let total = parts.reduce(0) { $0 + $1.nodes.count }
        guard total <= limits.maxNodesPerFile,
              var nodes = Self.join(&parts, total: total),
              tree.isOverlay || nodes[tree.startID] != nil else { return nil }
        tree.nodeOrder = parts.flatMap { $0.order }
        tree.updateNodes { swap(&$0, &nodes) }
        return Loaded(file: LoadedFile(path: path, tree: tree, diagnostics: []), records: encoding ? parts.compactMap { $0.records } : nil)
    }

    /// Every part's nodes in one table, moved out of the parts; nil when an id is in two parts.
    /// The largest part's table is taken over whole, and the others' entries are moved into it,
    /// not copied: a copy retains every string and array of a node, and freeing the parts' tables
    /// afterwards released them all again.
    private static func join(_ parts: inout [Part], total: Int) -> [String: Node]? {
        guard let largest = parts.indices.max(by: { parts[$0].nodes.count < parts[$1].nodes.count }) else { return nil }
        var joined: [String: Node] = [:]
        swap(&joined, &parts[largest].nodes)
        joined.reserveCapacity(total)
        for index in parts.indices where index != largest {
            while let (id, node) = parts[index].nodes.popFirst() {
                if joined.updateValue(node, forKey: id) != nil { return nil }
            }
        }
        return joined
    }

    /// Where the tails start: up to `parts - 1` line starts, one past each even share of the
    /// file, that open entries of the top-level `nodes` mapping (written as `nodes:` alone on its
    /// line). None when the file has no such line past its first entry.
    static func cuts(in bytes: UnsafeRawBufferPointer, parts: Int) -> [Int] {
        var lineStart = 0
        while lineStart < bytes.count / 2, !isNodesKey(bytes, lineStart: lineStart) {
            lineStart = lineEnd(bytes, from: lineStart) + 1
        }
        guard lineStart < bytes.count / 2 else { return [] }
        // The entries' indentation is that of the first line below with content.
        var line = lineEnd(bytes, from: lineStart) + 1
        var indent = 0
        while line < bytes.count {
            let end = lineEnd(bytes, from: line)
            var first = line
            while first < end, bytes[first] == UInt8(ascii: " ") { first += 1 }
            if first < end, bytes[first] != UInt8(ascii: "#") {
                indent = first - line
                break
            }
            line = end + 1
        }
        guard indent > 0, line < bytes.count else { return [] }
        var cuts: [Int] = []
        for share in 1..<max(parts, 2) {
            // The head keeps at least the first entry, and each part at least one.
            line = max(lineEnd(bytes, from: line) + 1, lineEnd(bytes, from: bytes.count * share / parts) + 1)
            while line + indent < bytes.count, !opensEntry(bytes, lineStart: line, indent: indent) {
                line = lineEnd(bytes, from: line) + 1
            }
            guard line + indent < bytes.count else { break }
            cuts.append(line)
        }
        return cuts
    }

    /// `nodes:` at the start of a line, with nothing after it but spaces.
    private static func isNodesKey(_ bytes: UnsafeRawBufferPointer, lineStart: Int) -> Bool {
        let key = "nodes:".utf8
        guard lineStart + key.count <= bytes.count,
              zip(key, bytes[lineStart...]).allSatisfy({ $0 == $1 }) else { return false }
        var index = lineStart + key.count
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index == bytes.count || bytes[index] == 0x0A
    }

    /// Exactly `indent` spaces and then a letter, digit or `_`: a plain key of the `nodes` mapping.
    private static func opensEntry(_ bytes: UnsafeRawBufferPointer, lineStart: Int, indent: Int) -> Bool {
        for index in lineStart..<(lineStart + indent) where bytes[index] != UInt8(ascii: " ") { return false }
        let first = bytes[lineStart + indent]
        return (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z"))
            || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "_")
    }

    /// The index of the line break ending the line at `index`, or the end of the bytes.
    private static func lineEnd(_ bytes: UnsafeRawBufferPointer, from index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return end
    }

    /// Counted sixteen bytes at a time: each tail counts the lines before it, up to most of the file.
    static func lineBreaks(in bytes: UnsafeRawBufferPointer) -> Int {
        let lineBreak = SIMD16<UInt8>(repeating: 0x0A)
        var count = 0
        var index = 0
        while index + 16 <= bytes.count {
            // Up to 255 blocks add into each byte lane before the lanes are summed.
            var lanes = SIMD16<UInt8>()
            let blockEnd = min(bytes.count - 15, index + 255 * 16)
            while index < blockEnd {
                let block = bytes.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                lanes &+= SIMD16<UInt8>().replacing(with: 1, where: block .== lineBreak)
                index += 16
            }
            count += lanes.indices.reduce(0) { total, lane in total + Int(lanes[lane]) }
        }
        for byte in bytes[index...] where byte == 0x0A { count += 1 }
        return count
    }
}
