import CLibYAML

/// Reads one YAML document into a `YAMLDocument`, event by event, with hard limits.
///
/// Working at libyaml's event level (rather than decoding generically) lets us bound what
/// aliases expand to before they copy anything, stop deep `[[[[` nesting without recursion, catch duplicate keys,
/// and keep the position of every key and value. Most tree files never reach libyaml: the
/// `BlockYAMLScanner` reads the block style they are written in several times faster, and hands
/// anything else (and every error) to libyaml.
public struct YAMLReader: Sendable {
    public var maxDepth: Int
    public var scanner: Scanner

    public init(maxDepth: Int = 64, scanner: Scanner = .fastest) {
        self.maxDepth = maxDepth
        self.scanner = scanner
    }

    /// Which scanner reads the text; `.libyaml` is there to check the block scanner against.
    public enum Scanner: Sendable {
        /// The block scanner for the YAML that tree files are written in, and libyaml for the rest.
        case fastest
        case libyaml
    }

    /// Only the block scanner: the document libyaml would read, or nil where it leaves the text to libyaml.
    /// Its lines are numbered from `firstLine`, for a part of a larger file.
    public func readBlockSubset(_ bytes: UnsafeRawBufferPointer, firstLine: Int = 1) -> YAMLDocument? {
        guard UTF8Validator.firstInvalidByte(in: bytes) == nil else { return nil }
        return BlockYAMLScanner.read(bytes, maxDepth: maxDepth, firstLine: firstLine)
    }

    public func read(_ bytes: UnsafeRawBufferPointer) -> Result<YAMLDocument, YAMLParseError> {
        if let bad = UTF8Validator.firstInvalidByte(in: bytes) {
            let hex = String(bad.byte, radix: 16, uppercase: true)
            return .failure(YAMLParseError(
                code: "invalid-utf8",
                message: "invalid UTF-8 (byte 0x\(hex)); save the file as UTF-8",
                line: bad.line, column: bad.column))
        }
        if scanner == .fastest, let document = BlockYAMLScanner.read(bytes, maxDepth: maxDepth) {
            return .success(document)
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

    private func readEvents(_ parser: inout yaml_parser_t, bytes: UnsafeRawBufferPointer) -> Result<YAMLDocument, YAMLParseError> {
        var builder = YAMLDocumentBuilder(maxDepth: maxDepth)
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxError(parser, bytes: bytes))
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            var problem: YAMLParseError?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                guard builder.isComplete else {
                    return .failure(YAMLParseError(
                        code: "empty-file", message: "the file holds no YAML content; a tree file holds one mapping (format, id, title, description, start, nodes)",
                        line: 1, column: 1))
                }
                return .success(builder.document)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(YAMLParseError(
                        code: "multiple-documents",
                        message: "a second YAML document starts here; put one tree in each file",
                        line: line, column: column))
                }
            case YAML_ALIAS_EVENT:
                problem = builder.alias(String(cString: event.data.alias.anchor), line: line, column: column)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                var plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
                if let tag = scalar.tag {
                    // `!!str` (and the non-specific `!`) keep a value as text, as quotes do.
                    guard Self.textTags.contains(String(cString: tag)) else { return .failure(tagError(tag, line: line, column: column)) }
                    plain = false
                }
                let text = UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length))
                problem = builder.scalar(text, plain: plain, anchor: scalar.anchor.map { String(cString: $0) }, line: line, column: column)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                if let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag {
                    return .failure(tagError(tag, line: line, column: column))
                }
                problem = builder.open(mapping: isMapping, anchor: anchor.map { String(cString: $0) }, line: line, column: column)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                problem = builder.close()
            default:
                break
            }
            if let problem { return .failure(problem) }
        }
    }

    static let textTags: Set<String> = ["tag:yaml.org,2002:str", "!"]

    private func tagError(_ tag: UnsafeMutablePointer<UInt8>, line: Int, column: Int) -> YAMLParseError {
        var name = String(cString: tag)
        if name.hasPrefix("tag:yaml.org,2002:") { name = "!!" + name.dropFirst("tag:yaml.org,2002:".count) }
        return YAMLParseError(
            code: "tag",
            message: "the YAML tag \(TextSanitizer.line(String(name.prefix(40)))) is not allowed in tree files; a value is text, a number or true/false by how it is written (only !!str, which keeps a value as text, is allowed)",
            line: line, column: column)
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
        if problem == "mapping values are not allowed in this context", let advice = Self.colonInValue(at: index, in: bytes) {
            return YAMLParseError(code: "yaml-syntax", message: advice, line: line, column: column)
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

    /// `title: VPN: set up`: the value holds a colon and a space, which YAML reads as a second
    /// key on the line. Says so, with the line written the way that works; nil for other causes.
    static func colonInValue(at index: Int, in bytes: UnsafeRawBufferPointer) -> String? {
        guard index < bytes.count else { return nil }
        var start = index
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        var end = index
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        let line = Array(bytes[start..<end])
        let problem = index - start
        // The first ": " of the line ends its key; the problem is a later one, inside the value.
        guard let firstColon = line.indices.first(where: { line[$0] == 0x3A && $0 + 1 < line.count && line[$0 + 1] == 0x20 }),
              firstColon < problem else { return nil }
        let key = String(decoding: line[..<firstColon], as: UTF8.self)
        let value = String(decoding: line[(firstColon + 1)...], as: UTF8.self).trimmingSpaces
        guard !key.trimmingSpaces.isEmpty, !key.contains("\""), !value.hasPrefix("\""), !value.hasPrefix("'") else { return nil }
        let quoted = value.map { $0 == "\\" || $0 == "\"" ? "\\\($0)" : String($0) }.joined()
        let shown = TextSanitizer.line("\(key.trimmingSpaces): \"\(quoted)\"")
        return "a colon followed by a space inside a value starts a new key; put the value in quotes: \(shown)"
    }

    /// Converts a byte offset to a 1-based line and column counted in characters, as YAML counts
    /// them: a line ends at LF, CR LF or a lone CR, and a byte-order mark at the start is no column.
    static func position(ofByte offset: Int, in bytes: UnsafeRawBufferPointer) -> (Int, Int) {
        var line = 1
        var column = 1
        let end = min(offset, bytes.count)
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? min(3, end) : 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}
