import CLibYAML

/// Reads one YAML document into a `YAMLNode` tree, event by event, with hard limits.
///
/// Working at libyaml's event level (rather than decoding generically) lets us refuse aliases
/// before they can expand, stop deep `[[[[` nesting without recursion, catch duplicate keys,
/// and keep the position of every key and value.
public struct YAMLReader: Sendable {
    public var maxDepth: Int

    public init(maxDepth: Int = 64) {
        self.maxDepth = maxDepth
    }

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

    public func read(_ bytes: UnsafeRawBufferPointer) -> Result<YAMLNode, YAMLParseError> {
        if let bad = UTF8Validator.firstInvalidByte(in: bytes) {
            let hex = String(bad.byte, radix: 16, uppercase: true)
            return .failure(YAMLParseError(
                code: "invalid-utf8",
                message: "invalid UTF-8 (byte 0x\(hex)); save the file as UTF-8",
                line: bad.line, column: bad.column))
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(YAMLParseError(code: "yaml", message: "out of memory", line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let empty: [UInt8] = [0]
        return empty.withUnsafeBufferPointer { fallback in
            yaml_parser_set_input_string(&parser, base ?? fallback.baseAddress, bytes.count)
            return readEvents(&parser, bytes: bytes)
        }
    }

    private func readEvents(_ parser: inout yaml_parser_t, bytes: UnsafeRawBufferPointer) -> Result<YAMLNode, YAMLParseError> {
        var stack: [Frame] = []
        var root: YAMLNode?
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxError(parser, bytes: bytes))
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            var completed: YAMLNode?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                guard let root else {
                    return .failure(YAMLParseError(
                        code: "empty-file", message: "the file holds no YAML content; a tree file holds one mapping (format, id, title, description, start, nodes)",
                        line: 1, column: 1))
                }
                return .success(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(YAMLParseError(
                        code: "multiple-documents",
                        message: "a second YAML document starts here; put one tree in each file",
                        line: line, column: column))
                }
                continue
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                return .failure(YAMLParseError(
                    code: "alias",
                    message: "YAML aliases (*\(TextSanitizer.line(String(name.prefix(40))))) are not allowed in tree files; write the value out",
                    line: line, column: column))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if let anchor = scalar.anchor { return .failure(anchorError(anchor, line: line, column: column)) }
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                completed = YAMLNode(
                    value: .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE),
                    line: line, column: column)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                if let anchor { return .failure(anchorError(anchor, line: line, column: column)) }
                if stack.count >= maxDepth {
                    return .failure(YAMLParseError(
                        code: "too-deep",
                        message: "nesting is deeper than \(maxDepth) levels",
                        line: line, column: column))
                }
                stack.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT, line: line, column: column))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                completed = stack.removeLast().node
            default:
                continue
            }
            guard let node = completed else { continue }
            if stack.isEmpty {
                root = node
            } else if let error = attach(node, to: &stack[stack.count - 1]) {
                return .failure(error)
            }
        }
    }

    private func anchorError(_ anchor: UnsafeMutablePointer<UInt8>, line: Int, column: Int) -> YAMLParseError {
        let name = TextSanitizer.line(String(String(cString: anchor).prefix(40)))
        return YAMLParseError(
            code: "anchor",
            message: "YAML anchors (&\(name)) are not allowed in tree files; write each value out where it is used",
            line: line, column: column)
    }

    private func attach(_ node: YAMLNode, to frame: inout Frame) -> YAMLParseError? {
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

    private func syntaxError(_ parser: yaml_parser_t, bytes: UnsafeRawBufferPointer) -> YAMLParseError {
        let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        var line = Int(parser.problem_mark.line) + 1
        var column = Int(parser.problem_mark.column) + 1
        var index = Int(parser.problem_mark.index)
        if parser.error == YAML_READER_ERROR {
            index = parser.problem_offset
            (line, column) = Self.position(ofByte: index, in: bytes)
        }
        var message = problem
        let context = parser.context.map { String(cString: $0) }
        if let context {
            let contextLine = Int(parser.context_mark.line) + 1
            message += " \(context) that started on line \(contextLine)"
        }
        if problem == "found unexpected end of stream", context?.contains("quoted scalar") == true {
            return YAMLParseError(
                code: "yaml-syntax", message: "the quoted text starting here is never closed; add the closing quote",
                line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
        }
        if problem == "did not find expected key" || problem == "mapping values are not allowed in this context"
            || problem == "did not find expected '-' indicator" {
            message = "check the indentation of this line against the lines above: \(message)"
        }
        if problem == "control characters are not allowed" {
            let value = UInt32(truncatingIfNeeded: parser.problem_value)
            let shown = Unicode.Scalar(value).map(TextSanitizer.codePoint) ?? "a control character"
            message = "a raw control character \(shown) is in the file here; remove it"
        }
        if problem.hasPrefix("Maximum nesting level") {
            return YAMLParseError(code: "too-deep", message: "nesting is deeper than \(maxDepth) levels", line: line, column: column)
        }
        if index < bytes.count, bytes[index] == 0x09 {
            message = "a tab character here; YAML indents with spaces only"
        }
        return YAMLParseError(code: "yaml-syntax", message: message, line: line, column: column)
    }

    /// Converts a byte offset to a 1-based line and column counted in characters.
    static func position(ofByte offset: Int, in bytes: UnsafeRawBufferPointer) -> (Int, Int) {
        var line = 1
        var column = 1
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
