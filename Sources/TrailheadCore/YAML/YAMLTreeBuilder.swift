/// Assembles a `YAMLNode` tree from YAML events, whichever scanner produced them, and enforces
/// the rules both share: a depth limit, plain-text keys and no duplicate keys.
struct YAMLTreeBuilder {
    /// An open sequence or mapping. Its items or entries so far are the end of `items` or
    /// `entries` from `firstChild` on: one array for all open collections, so a collection's
    /// array is allocated once, at its exact size, when it closes.
    private struct Frame {
        var isMapping: Bool
        var line: Int
        var column: Int
        var firstChild: Int
        var pendingKey: (key: String, line: Int, column: Int)?
        var seen: [String: Int] = [:]
    }

    /// Below this many keys, duplicates are found by scanning; above, by the frame's `seen` index.
    private static let linearLimit = 16

    let maxDepth: Int
    private var stack: [Frame] = []
    private var items: [YAMLNode] = []
    private var entries: [YAMLEntry] = []
    /// The document's top node, once it is complete.
    private(set) var root: YAMLNode?

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    mutating func open(mapping: Bool, line: Int, column: Int) -> YAMLParseError? {
        if stack.count >= maxDepth {
            return YAMLParseError(code: "too-deep", message: "nesting is deeper than \(maxDepth) levels", line: line, column: column)
        }
        stack.append(Frame(isMapping: mapping, line: line, column: column, firstChild: mapping ? entries.count : items.count))
        return nil
    }

    mutating func close() -> YAMLParseError? {
        let frame = stack.removeLast()
        let value: YAMLNode.Value
        if frame.isMapping {
            value = .mapping(Array(entries[frame.firstChild...]))
            entries.removeSubrange(frame.firstChild...)
        } else {
            value = .sequence(Array(items[frame.firstChild...]))
            items.removeSubrange(frame.firstChild...)
        }
        return add(YAMLNode(value: value, line: frame.line, column: frame.column))
    }

    mutating func scalar(_ text: String, plain: Bool, line: Int, column: Int) -> YAMLParseError? {
        add(YAMLNode(value: .scalar(text, plain: plain), line: line, column: column))
    }

    private mutating func add(_ node: YAMLNode) -> YAMLParseError? {
        guard let top = stack.indices.last else {
            root = node
            return nil
        }
        guard stack[top].isMapping else {
            items.append(node)
            return nil
        }
        if let pending = stack[top].pendingKey {
            entries.append(YAMLEntry(key: pending.key, keyLine: pending.line, keyColumn: pending.column, value: node))
            stack[top].pendingKey = nil
            return nil
        }
        guard case .scalar(let key, _) = node.value else {
            return YAMLParseError(
                code: "complex-key", message: "a key must be plain text, not \(node.kindName)",
                line: node.line, column: node.column)
        }
        if let firstLine = firstLine(of: key, in: top) {
            return YAMLParseError(
                code: "duplicate-key",
                message: "duplicate key '\(TextSanitizer.line(String(key.prefix(60))))' (first written on line \(firstLine)); remove one of them",
                line: node.line, column: node.column)
        }
        if entries.count - stack[top].firstChild >= Self.linearLimit { stack[top].seen[key] = node.line }
        stack[top].pendingKey = (key, node.line, node.column)
        return nil
    }

    private func firstLine(of key: String, in frame: Int) -> Int? {
        let own = entries[stack[frame].firstChild...]
        if own.count <= Self.linearLimit {
            return own.first { $0.key == key }?.keyLine
        }
        return stack[frame].seen[key] ?? own.prefix(Self.linearLimit).first { $0.key == key }?.keyLine
    }
}
