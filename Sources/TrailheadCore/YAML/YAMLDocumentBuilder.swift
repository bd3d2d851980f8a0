/// Assembles a `YAMLDocument` from YAML events, whichever scanner produced them, and enforces
/// the rules both share: a depth limit, plain-text keys and no duplicate keys.
struct YAMLDocumentBuilder {
    /// An open sequence or mapping.
    private struct Frame {
        var index: Int
        var isMapping: Bool
        /// Items, or complete entries, so far.
        var count = 0
        /// A mapping has read a key and waits for its value.
        var awaitsValue = false
        /// The first line of each key, once a mapping has too many keys to scan.
        var seen: [String: Int] = [:]
    }

    /// Below this many keys, duplicates are found by scanning; above, by the frame's `seen` index.
    private static let linearLimit = 16

    let maxDepth: Int
    private var stack: [Frame] = []
    private(set) var document = YAMLDocument()
    /// Whether the document's top value is complete.
    private(set) var isComplete = false

    init(maxDepth: Int, expectedBytes: Int = 0) {
        self.maxDepth = maxDepth
        document.text.reserveCapacity(expectedBytes)
        // About one value per 25 bytes of a typical tree file.
        document.records.reserveCapacity(expectedBytes / 25)
    }

    mutating func open(mapping: Bool, line: Int, column: Int) -> YAMLParseError? {
        if stack.count >= maxDepth {
            return YAMLParseError(code: "too-deep", message: "nesting is deeper than \(maxDepth) levels", line: line, column: column)
        }
        stack.append(Frame(index: document.records.count, isMapping: mapping))
        document.records.append(.init(kind: mapping ? .mapping : .sequence, line: Int32(line), column: Int32(column), start: 0, extent: 0))
        return nil
    }

    mutating func close() -> YAMLParseError? {
        let frame = stack.removeLast()
        document.records[frame.index].start = UInt32(frame.count)
        document.records[frame.index].extent = UInt32(document.records.count)
        return added(frame.index)
    }

    mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, line: Int, column: Int) -> YAMLParseError? {
        let index = document.records.count
        document.records.append(.init(
            kind: plain ? .plainScalar : .otherScalar, isPrintableASCII: Self.isPrintableASCII(bytes),
            line: Int32(line), column: Int32(column), start: UInt32(document.text.count), extent: UInt32(bytes.count)))
        document.text.append(contentsOf: bytes)
        return added(index)
    }

    private static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 8 <= raw.count {
            if !PrintableASCIIWord.isPrintable(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return false }
            index += 8
        }
        for byte in raw[index...] where byte < 0x20 || byte > 0x7E { return false }
        return true
    }

    /// Files a complete value with the collection it belongs to.
    private mutating func added(_ index: Int) -> YAMLParseError? {
        guard let top = stack.indices.last else {
            isComplete = true
            return nil
        }
        guard stack[top].isMapping else {
            stack[top].count += 1
            return nil
        }
        if stack[top].awaitsValue {
            stack[top].awaitsValue = false
            stack[top].count += 1
            return nil
        }
        let value = YAMLDocument.Value(index: index)
        guard document.isScalar(value) else {
            return YAMLParseError(
                code: "complex-key", message: "a key must be plain text, not \(document.kindName(of: value))",
                line: document.line(of: value), column: document.column(of: value))
        }
        if let firstLine = firstLine(ofKey: value, in: top) {
            return YAMLParseError(
                code: "duplicate-key",
                message: "duplicate key '\(TextSanitizer.line(String(document.string(value).prefix(60))))' (first written on line \(firstLine)); remove one of them",
                line: document.line(of: value), column: document.column(of: value))
        }
        stack[top].awaitsValue = true
        return nil
    }

    /// The line of an earlier key of the mapping `frame` spelled as `key` is, if there is one;
    /// past `linearLimit` keys, it also indexes `key`.
    private mutating func firstLine(ofKey key: YAMLDocument.Value, in frame: Int) -> Int? {
        let count = stack[frame].count
        if count < Self.linearLimit {
            var index = stack[frame].index + 1
            for _ in 0..<count {
                if sameText(index, key.index) { return Int(document.records[index].line) }
                index = document.next(after: document.next(after: index))
            }
            return nil
        }
        if count == Self.linearLimit {
            var index = stack[frame].index + 1
            for _ in 0..<count {
                stack[frame].seen[document.string(YAMLDocument.Value(index: index))] = Int(document.records[index].line)
                index = document.next(after: document.next(after: index))
            }
        }
        let text = document.string(key)
        if let line = stack[frame].seen[text] { return line }
        stack[frame].seen[text] = document.line(of: key)
        return nil
    }

    private func sameText(_ first: Int, _ second: Int) -> Bool {
        let (a, b) = (document.records[first], document.records[second])
        guard a.extent == b.extent else { return false }
        let text = document.text
        return text.withUnsafeBufferPointer { buffer in
            (0..<Int(a.extent)).allSatisfy { buffer[Int(a.start) + $0] == buffer[Int(b.start) + $0] }
        }
    }
}
