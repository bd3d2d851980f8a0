/// Assembles a `YAMLNode` tree from YAML events, whichever scanner produced them, and enforces
/// the rules both share: a depth limit, plain-text keys and no duplicate keys.
struct YAMLTreeBuilder {
    /// An open sequence or mapping. A struct mutated in place through the stack, so appending
    /// to a 100,000-entry mapping never copies it.
    private struct Frame {
        var isMapping: Bool
        var line: Int
        var column: Int
        var items: [YAMLNode] = []
        var entries: [YAMLEntry] = []
        var pendingKey: (key: String, line: Int, column: Int)?
        var seen: [String: Int] = [:]

        /// Below this many keys, duplicates are found by scanning; above, by the `seen` index.
        static let linearLimit = 16

        func firstLine(of key: String) -> Int? {
            if entries.count <= Frame.linearLimit {
                return entries.first { $0.key == key }?.keyLine
            }
            return seen[key] ?? entries.prefix(Frame.linearLimit).first { $0.key == key }?.keyLine
        }

        var node: YAMLNode {
            YAMLNode(value: isMapping ? .mapping(entries) : .sequence(items), line: line, column: column)
        }
    }

    let maxDepth: Int
    private var stack: [Frame] = []
    /// The document's top node, once it is complete.
    private(set) var root: YAMLNode?

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    mutating func open(mapping: Bool, line: Int, column: Int) -> YAMLParseError? {
        if stack.count >= maxDepth {
            return YAMLParseError(code: "too-deep", message: "nesting is deeper than \(maxDepth) levels", line: line, column: column)
        }
        stack.append(Frame(isMapping: mapping, line: line, column: column))
        return nil
    }

    mutating func close() -> YAMLParseError? {
        add(stack.removeLast().node)
    }

    mutating func scalar(_ text: String, plain: Bool, line: Int, column: Int) -> YAMLParseError? {
        add(YAMLNode(value: .scalar(text, plain: plain), line: line, column: column))
    }

    private mutating func add(_ node: YAMLNode) -> YAMLParseError? {
        if stack.isEmpty {
            root = node
            return nil
        }
        return Self.attach(node, to: &stack[stack.count - 1])
    }

    private static func attach(_ node: YAMLNode, to frame: inout Frame) -> YAMLParseError? {
        guard frame.isMapping else {
            frame.items.append(node)
            return nil
        }
        if let pending = frame.pendingKey {
            frame.entries.append(YAMLEntry(key: pending.key, keyLine: pending.line, keyColumn: pending.column, value: node))
            frame.pendingKey = nil
            return nil
        }
        guard case .scalar(let key, _) = node.value else {
            return YAMLParseError(
                code: "complex-key", message: "a key must be plain text, not \(node.kindName)",
                line: node.line, column: node.column)
        }
        if let firstLine = frame.firstLine(of: key) {
            return YAMLParseError(
                code: "duplicate-key",
                message: "duplicate key '\(TextSanitizer.line(String(key.prefix(60))))' (first written on line \(firstLine)); remove one of them",
                line: node.line, column: node.column)
        }
        if frame.entries.count >= Frame.linearLimit { frame.seen[key] = node.line }
        frame.pendingKey = (key, node.line, node.column)
        return nil
    }
}
