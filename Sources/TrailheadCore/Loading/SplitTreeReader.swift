/// Reads one large tree file as two parts on two cores: the head, up to an entry of its
/// top-level `nodes` near the middle, and the tail, the entries from there to the end.
///
/// It only ever speeds up what reading the whole file gives. It answers only when both parts
/// are in the block scanner's subset and decode without a single diagnostic, and when joining
/// them finds no node id twice, stays within the node limit and finds the start node. Every
/// other file, each one with a problem among them, is left to be read whole, so no message
/// and no order of messages depends on where the file was cut.
struct SplitTreeReader {
    let limits: LoaderLimits

    /// The tree in `bytes`, or nil when it must be read whole.
    func load(_ bytes: UnsafeRawBufferPointer, path: String) -> LoadedFile? {
        guard let cut = Self.cut(in: bytes) else { return nil }
        return load(bytes, path: path, cut: cut)
    }

    /// The part each core read: the head's tree, or the tail's nodes; nil when it must be read whole.
    private enum Part {
        case head(Tree)
        case tail(nodes: [String: Node], order: [String])
    }

    func load(_ bytes: UnsafeRawBufferPointer, path: String, cut: Int) -> LoadedFile? {
        let shared = UncheckedSendable(bytes)
        let parts = OrderedParallelMap.map(count: 2, chunks: 2) { part -> Part? in
            let bytes = shared.value
            // Every location holds the path: a string of its own per part keeps the two cores
            // from contending for one reference count, which cost more than the split saved.
            var decoder = TreeDecoder(file: String(decoding: Array(path.utf8), as: UTF8.self), limits: limits)
            if part == 0 {
                let head = UnsafeRawBufferPointer(rebasing: bytes[..<cut])
                guard let document = YAMLReader(maxDepth: limits.maxDepth).readBlockSubset(head),
                      let tree = decoder.decodeHead(document), decoder.diagnostics.isEmpty else { return nil }
                return .head(tree)
            }
            let firstLine = Self.lineBreaks(in: UnsafeRawBufferPointer(rebasing: bytes[..<cut])) + 1
            // The tail's top mapping is `nodes`, one level below the file's own.
            let reader = YAMLReader(maxDepth: limits.maxDepth - 1)
            guard let document = reader.readBlockSubset(UnsafeRawBufferPointer(rebasing: bytes[cut...]), firstLine: firstLine),
                  document.kind(of: document.root) == .mapping else { return nil }
            let tail = decoder.decodeTail(document)
            guard decoder.diagnostics.isEmpty else { return nil }
            return .tail(nodes: tail.nodes, order: tail.order)
        }
        guard case .head(var tree)? = parts[0], case .tail(let tailNodes, let tailOrder)? = parts[1] else { return nil }
        let (isOverlay, startID) = (tree.isOverlay, tree.startID)
        let joined = tree.updateNodes { nodes in
            guard nodes.count + tailNodes.count <= limits.maxNodesPerFile else { return false }
            nodes.reserveCapacity(nodes.count + tailNodes.count)
            for (id, node) in tailNodes where nodes.updateValue(node, forKey: id) != nil {
                return false
            }
            return isOverlay || nodes[startID] != nil
        }
        guard joined else { return nil }
        tree.nodeOrder += tailOrder
        return LoadedFile(path: path, tree: tree, diagnostics: [])
    }

    /// Where the tail starts: the start of a line, past the middle of the file, that opens an
    /// entry of the top-level `nodes` mapping (written as `nodes:` alone on its line). Nil when
    /// the file has no such line.
    static func cut(in bytes: UnsafeRawBufferPointer) -> Int? {
        var lineStart = 0
        while lineStart < bytes.count / 2, !isNodesKey(bytes, lineStart: lineStart) {
            lineStart = lineEnd(bytes, from: lineStart) + 1
        }
        guard lineStart < bytes.count / 2 else { return nil }
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
        guard indent > 0, line < bytes.count else { return nil }
        // The head keeps at least the first entry.
        line = max(lineEnd(bytes, from: line) + 1, lineEnd(bytes, from: bytes.count / 2) + 1)
        while line + indent < bytes.count {
            if opensEntry(bytes, lineStart: line, indent: indent) { return line }
            line = lineEnd(bytes, from: line) + 1
        }
        return nil
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

    static func lineBreaks(in bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in bytes where byte == 0x0A { count += 1 }
        return count
    }
}
