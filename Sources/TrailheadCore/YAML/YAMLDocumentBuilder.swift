/// Assembles a `YAMLDocument` from YAML events, whichever scanner produced them, and enforces
/// the rules both share: a depth limit, plain-text keys and no duplicate keys. An alias is
/// written out as a copy of its anchor's records (the text is shared), within a budget of
/// values that stops an expansion attack before it copies anything.
struct YAMLDocumentBuilder {
    /// An open sequence or mapping.
    private struct Frame {
        var index: Int
        var isMapping: Bool
        /// Its anchor's name, registered when it closes.
        var anchor: String?
        /// How many levels of collections it holds inside it, so far.
        var depthInside = 0
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
    /// How many values aliases may add beyond the values the file writes itself.
    static let aliasAllowance = 10_000
    private var stack: [Frame] = []
    /// Each complete anchored value: its first record and the levels of collections inside it.
    private var anchors: [String: (index: Int, depthInside: Int)] = [:]
    /// Values written out by aliases so far (the rest of the records were read from the text).
    private var copiedByAliases = 0
    private(set) var document = YAMLDocument()
    /// Whether the document's top value is complete.
    private(set) var isComplete = false

    init(maxDepth: Int, expectedBytes: Int = 0) {
        self.maxDepth = maxDepth
        document.text.reserveCapacity(expectedBytes)
        // About one value per 25 bytes of a typical tree file.
        document.records.reserveCapacity(expectedBytes / 25)
    }

    mutating func open(mapping: Bool, anchor: String? = nil, line: Int, column: Int) -> YAMLParseError? {
        if stack.count >= maxDepth {
            return YAMLParseError(code: "too-deep", message: "nesting is deeper than \(maxDepth) levels", line: line, column: column)
        }
        stack.append(Frame(index: document.records.count, isMapping: mapping, anchor: anchor))
        document.records.append(.init(kind: mapping ? .mapping : .sequence, line: Int32(line), column: Int32(column), start: 0, extent: 0))
        return nil
    }

    mutating func close() -> YAMLParseError? {
        let frame = stack.removeLast()
        document.records[frame.index].start = UInt32(frame.count)
        document.records[frame.index].extent = UInt32(document.records.count)
        if let top = stack.indices.last { stack[top].depthInside = max(stack[top].depthInside, frame.depthInside + 1) }
        if let anchor = frame.anchor { anchors[anchor] = (frame.index, frame.depthInside) }
        return added(frame.index)
    }

    mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, anchor: String? = nil, line: Int, column: Int) -> YAMLParseError? {
        let index = document.records.count
        document.records.append(.init(
            kind: plain ? .plainScalar : .otherScalar, isPrintableASCII: Self.isPrintableASCII(bytes),
            line: Int32(line), column: Int32(column), start: UInt32(document.text.count), extent: UInt32(bytes.count)))
        document.text.append(contentsOf: bytes)
        if let anchor { anchors[anchor] = (index, 0) }
        return added(index)
    }

    /// `*name`: a copy of the value anchored as `name` before it, its first record placed here,
    /// so a problem in the value itself points at the alias and one inside it at the anchor.
    mutating func alias(_ name: String, line: Int, column: Int) -> YAMLParseError? {
        // Spelled out only for a message.
        func shown() -> String { TextSanitizer.line(String(name.prefix(40))) }
        guard let anchor = anchors[name] else {
            return YAMLParseError(
                code: "alias", message: "the alias *\(shown()) refers to no anchor &\(shown()) written before it (a value cannot contain an alias of itself)",
                line: line, column: column)
        }
        let first = document.records[anchor.index]
        let isCollection = first.kind == .mapping || first.kind == .sequence
        let count = isCollection ? Int(first.extent) - anchor.index : 1
        if isCollection, stack.count + anchor.depthInside >= maxDepth {
            return YAMLParseError(code: "too-deep", message: "the alias *\(shown()) nests deeper than \(maxDepth) levels", line: line, column: column)
        }
        let allowed = document.records.count - copiedByAliases + Self.aliasAllowance
        guard copiedByAliases + count <= allowed else {
            return YAMLParseError(
                code: "alias-budget",
                message: "aliases would write out more than \(allowed) values here (the file's own values plus \(Self.aliasAllowance)); alias smaller values or write them out",
                line: line, column: column)
        }
        copiedByAliases += count
        let index = document.records.count
        let offset = UInt32(index - anchor.index)
        document.records.reserveCapacity(index + count)
        for source in anchor.index..<(anchor.index + count) {
            var record = document.records[source]
            if record.kind == .mapping || record.kind == .sequence { record.extent += offset }
            document.records.append(record)
        }
        document.records[index].line = Int32(line)
        document.records[index].column = Int32(column)
        if isCollection, let top = stack.indices.last { stack[top].depthInside = max(stack[top].depthInside, anchor.depthInside + 1) }
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
        if document.kind(of: value) == .plainScalar, document.string(value) == "<<" {
            return YAMLParseError(
                code: "merge-key",
                message: "merge keys (<<) are not supported in tree files; alias a whole value instead (a list of tags, a link, a command: 'commands: [*setup]')",
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
