/// Reads the block-style YAML that tree files are written in, several times faster than libyaml,
/// and gives up on everything else.
///
/// Tree files use a small part of YAML: indented mappings and `-` lists, one-line plain, quoted
/// and flow (`[a, b]`, `{k: v}`) values, `|` and `>` blocks, comments. This scanner reads exactly
/// that, line by line, and returns nil for anything outside it (anchors, tags, multi-line plain or
/// quoted text, tabs, document markers, explicit keys) and for every error, so that libyaml reads
/// those files and words their errors. Where it succeeds it builds the very document libyaml would,
/// positions included: unit tests and the `yaml` fuzz target compare the two.
struct BlockYAMLScanner {
    private struct Unsupported: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var builder: YAMLDocumentBuilder
    private var position = 0
    private var line = 1
    private var lineStart = 0
    /// The indentation of the content line `position` stands on, or nil past the last one.
    private var indent: Int?
    /// The last position `mark` counted a column for.
    private var lastMark = (lineStart: -1, index: 0, column: 1)

    /// The document in `raw`, whose first line is numbered `firstLine` (a part of a larger file
    /// starts past line 1), or nil where libyaml must read it.
    static func read(_ raw: UnsafeRawBufferPointer, maxDepth: Int, firstLine: Int = 1) -> YAMLDocument? {
        guard let base = raw.baseAddress, raw.count > 0 else { return nil }
        let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: raw.count)
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        var scanner = BlockYAMLScanner(bytes: bytes, builder: YAMLDocumentBuilder(maxDepth: maxDepth, expectedBytes: bytes.count))
        scanner.line = firstLine
        return try? scanner.document()
    }

    /// False where libyaml reads characters differently from this scanner: tabs, carriage returns,
    /// other control characters (which libyaml refuses), Unicode line breaks and byte order marks.
    private static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index < count {
            // Eight bytes at a time while none is below 0x20 (a line break included) or above 0x7E.
            if index + 8 <= count, PrintableASCIIWord.isPrintable(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x0A { return false }
            } else if byte >= 0x7F {
                let next = index + 1 < count ? bytes[index + 1] : 0
                let third = index + 2 < count ? bytes[index + 2] : 0
                switch byte {
                case 0x7F: return false
                case 0xC2 where next < 0xA0: return false
                case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): return false
                case 0xEF where (next == 0xBB && third == 0xBF) || (next == 0xBF && third >= 0xBE): return false
                default: break
                }
            }
            index += 1
        }
        return true
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, builder: YAMLDocumentBuilder) {
        self.bytes = bytes
        self.builder = builder
    }

    private mutating func document() throws(Unsupported) -> YAMLDocument {
        try nextContentLine()
        guard let column = indent else { throw Unsupported() }
        try collection(column: column)
        guard indent == nil, builder.isComplete else { throw Unsupported() }
        return builder.document
    }

    // MARK: Collections

    /// A block mapping or list starting at `position`, which stands at `column` on its line.
    private mutating func collection(column: Int) throws(Unsupported) {
        if isEntryDash(position) {
            try sequence(column: column, indentless: false)
        } else if keyColon(from: position) != nil {
            try mapping(column: column)
        } else {
            throw Unsupported()
        }
    }

    private mutating func mapping(column: Int) throws(Unsupported) {
        try open(mapping: true, at: position)
        while true {
            guard let colon = keyColon(from: position) else { throw Unsupported() }
            try plainScalar(trimmed(position..<colon), at: position)
            position = colon + 1
            try value(ofKeyAt: column, colon: colon)
            guard let next = indent, next >= column else { break }
            guard next == column, !isEntryDash(position) else { throw Unsupported() }
        }
        try close()
    }

    /// A `-` list at `column`; an indentless one is the value of a key at the same column, and
    /// ends at that mapping's next key.
    private mutating func sequence(column: Int, indentless: Bool) throws(Unsupported) {
        try open(mapping: false, at: position)
        while true {
            let dash = position
            position += 1
            skipSpaces()
            if atLineEnd || byte(position) == UInt8(ascii: "#") {
                let empty = mark(dash + 1)
                try endLine()
                if let next = indent, next > column {
                    try collection(column: next)
                } else {
                    try scalar([], plain: true, mark: empty)
                }
            } else if isEntryDash(position) {
                throw Unsupported()
            } else if keyColon(from: position) != nil {
                try mapping(column: position - lineStart)
            } else {
                try inlineValue(parentColumn: column)
            }
            guard let next = indent, next >= column else { break }
            guard next == column else { throw Unsupported() }
            guard isEntryDash(position) else {
                if indentless { break }
                throw Unsupported()
            }
        }
        try close()
    }

    /// The value after a key's colon: on the same line, or the block below it, or empty.
    private mutating func value(ofKeyAt column: Int, colon: Int) throws(Unsupported) {
        skipSpaces()
        guard atLineEnd || byte(position) == UInt8(ascii: "#") else {
            try inlineValue(parentColumn: column)
            return
        }
        // libyaml places an empty value just after its colon.
        let empty = mark(colon + 1)
        try endLine()
        if let next = indent {
            if next > column {
                try collection(column: next)
                return
            }
            if next == column, isEntryDash(position) {
                try sequence(column: column, indentless: true)
                return
            }
        }
        try scalar([], plain: true, mark: empty)
    }

    /// A value that starts on the current line, in a collection whose lines start at `parentColumn`.
    private mutating func inlineValue(parentColumn: Int) throws(Unsupported) {
        if try quotedScalar() {
            try endLine()
            return
        }
        switch byte(position) {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            try blockScalar(parentColumn: parentColumn)
            return
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            try flowCollection(mapping: bytes[position] == UInt8(ascii: "{"))
        default:
            guard Self.canStartPlain(byte(position)) else { throw Unsupported() }
            var end = position
            while !isLineEnd(end) {
                let current = bytes[end]
                if current == UInt8(ascii: ":"), isBlankOrEnd(end + 1) { throw Unsupported() }
                if current == UInt8(ascii: "#"), bytes[end - 1] == UInt8(ascii: " ") { break }
                end += 1
            }
            try plainScalar(trimmed(position..<end), at: position)
            position = end
        }
        try endLine()
    }

    // MARK: Flow collections on one line

    /// `[a, b]` or `{k: v, l: w}`, opening at `position` and closing on the same line.
    private mutating func flowCollection(mapping: Bool) throws(Unsupported) {
        let closing = mapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        try open(mapping: mapping, at: position)
        position += 1
        skipSpaces()
        if byte(position) == closing {
            position += 1
            try close()
            return
        }
        while true {
            if mapping { try flowKey() }
            try flowScalar()
            skipSpaces()
            let separator = byte(position)
            position += 1
            if separator == closing { break }
            guard separator == UInt8(ascii: ",") else { throw Unsupported() }
            skipSpaces()
        }
        try close()
    }

    /// A plain key of a flow mapping and its `: `, leaving `position` at the value.
    private mutating func flowKey() throws(Unsupported) {
        let keyStart = position
        guard Self.canStartPlain(byte(keyStart)) else { throw Unsupported() }
        var end = keyStart
        while byte(end) != UInt8(ascii: ":") {
            let current = byte(end)
            guard Self.canContinueFlowPlain(current), current != UInt8(ascii: ","), current != UInt8(ascii: "]"),
                current != UInt8(ascii: "}") else { throw Unsupported() }
            end += 1
        }
        guard byte(end + 1) == UInt8(ascii: " "), end - keyStart <= Self.longestKey else { throw Unsupported() }
        try plainScalar(trimmed(keyStart..<end), at: keyStart)
        position = end + 1
        skipSpaces()
    }

    /// A quoted or plain item of a flow collection, which must end on this line.
    private mutating func flowScalar() throws(Unsupported) {
        if try quotedScalar() { return }
        guard Self.canStartPlain(byte(position)) else { throw Unsupported() }
        var end = position
        while true {
            let current = byte(end)
            if current == UInt8(ascii: ",") || current == UInt8(ascii: "]") || current == UInt8(ascii: "}") { break }
            guard Self.canContinueFlowPlain(current) else { throw Unsupported() }
            end += 1
        }
        try plainScalar(trimmed(position..<end), at: position)
        position = end
    }

    /// A `"…"` or `'…'` scalar at `position`, which must close on this line; false when none starts here.
    private mutating func quotedScalar() throws(Unsupported) -> Bool {
        let quote = byte(position)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
        let start = mark(position)
        let text = quote == UInt8(ascii: "'") ? try singleQuoted() : try doubleQuoted()
        switch text {
        case .source(let range): try scalar(range, plain: false, mark: start)
        case .decoded(let decoded): try scalar(decoded, plain: false, mark: start)
        }
        return true
    }

    // MARK: Scalars

    /// A quoted scalar's text: as written, or unescaped into new bytes.
    private enum QuotedText {
        case source(Range<Int>)
        case decoded([UInt8])
    }

    private mutating func doubleQuoted() throws(Unsupported) -> QuotedText {
        position += 1
        let start = position
        while byte(position) != UInt8(ascii: "\"") {
            if isLineEnd(position) { throw Unsupported() }
            if bytes[position] == UInt8(ascii: "\\") { return try doubleQuotedWithEscapes(from: start) }
            position += 1
        }
        defer { position += 1 }
        return .source(start..<position)
    }

    private mutating func doubleQuotedWithEscapes(from start: Int) throws(Unsupported) -> QuotedText {
        var decoded = Array(bytes[start..<position])
        while byte(position) != UInt8(ascii: "\"") {
            if isLineEnd(position) { throw Unsupported() }
            let current = bytes[position]
            position += 1
            guard current == UInt8(ascii: "\\") else {
                decoded.append(current)
                continue
            }
            let escape = byte(position)
            position += 1
            let digits: Int
            switch escape {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default:
                guard let replacement = Self.simpleEscapes[escape] else { throw Unsupported() }
                decoded += replacement
                continue
            }
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let digit = Self.hexValue(byte(position)) else { throw Unsupported() }
                value = value << 4 | digit
                position += 1
            }
            guard let scalar = Unicode.Scalar(value) else { throw Unsupported() }
            decoded += Array(String(Character(scalar)).utf8)
        }
        position += 1
        return .decoded(decoded)
    }

    private static let simpleEscapes: [UInt8: [UInt8]] = [
        UInt8(ascii: "0"): [0x00], UInt8(ascii: "a"): [0x07], UInt8(ascii: "b"): [0x08], UInt8(ascii: "t"): [0x09],
        UInt8(ascii: "n"): [0x0A], UInt8(ascii: "v"): [0x0B], UInt8(ascii: "f"): [0x0C], UInt8(ascii: "r"): [0x0D],
        UInt8(ascii: "e"): [0x1B], UInt8(ascii: " "): [0x20], UInt8(ascii: "\""): [0x22], UInt8(ascii: "/"): [0x2F],
        UInt8(ascii: "\\"): [0x5C], UInt8(ascii: "N"): [0xC2, 0x85], UInt8(ascii: "_"): [0xC2, 0xA0],
        UInt8(ascii: "L"): [0xE2, 0x80, 0xA8], UInt8(ascii: "P"): [0xE2, 0x80, 0xA9],
    ]

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func singleQuoted() throws(Unsupported) -> QuotedText {
        position += 1
        let start = position
        var decoded: [UInt8] = []
        var runStart = position
        while true {
            if isLineEnd(position) { throw Unsupported() }
            guard bytes[position] == UInt8(ascii: "'") else {
                position += 1
                continue
            }
            if byte(position + 1) == UInt8(ascii: "'") {
                // `''` is one quote: keep the run up to and including the first.
                decoded += bytes[runStart...position]
                position += 2
                runStart = position
                continue
            }
            position += 1
            if runStart == start { return .source(start..<(position - 1)) }
            decoded += bytes[runStart..<(position - 1)]
            return .decoded(decoded)
        }
    }

    /// A `|` (literal) or `>` (folded) block whose lines are indented past `parentColumn`;
    /// `-` strips the final line break. Keeping every final break (`+`), an explicit indentation
    /// and more-indented lines inside a folded block are left to libyaml.
    private mutating func blockScalar(parentColumn: Int) throws(Unsupported) {
        let start = mark(position)
        let literal = bytes[position] == UInt8(ascii: "|")
        position += 1
        let strip = byte(position) == UInt8(ascii: "-")
        if strip { position += 1 }
        guard byte(position) == UInt8(ascii: " ") || atLineEnd else { throw Unsupported() }
        try endLineOnly()
        var content: [UInt8] = []
        var contentIndent: Int?
        var widestLeadingBlank = 0
        var emptyLines = 0
        var hasContent = false
        var lastLineEnded = false
        while position < bytes.count {
            var first = position
            while byte(first) == UInt8(ascii: " ") { first += 1 }
            let spaces = first - position
            if isLineEnd(first) {
                // libyaml keeps spaces past the indentation of a blank line, and lets leading blank lines widen it.
                if let contentIndent {
                    guard spaces <= contentIndent else { throw Unsupported() }
                } else {
                    widestLeadingBlank = max(widestLeadingBlank, spaces)
                }
                emptyLines += 1
                position = first
                moveToNextLine()
                continue
            }
            if contentIndent == nil {
                guard spaces > parentColumn, widestLeadingBlank <= spaces else { throw Unsupported() }
                contentIndent = spaces
            }
            guard let contentIndent, spaces >= contentIndent else { break }
            guard literal || spaces == contentIndent else { throw Unsupported() }
            if hasContent {
                if literal {
                    content += repeatElement(0x0A, count: emptyLines + 1)
                } else if emptyLines == 0 {
                    content.append(0x20)
                } else {
                    content += repeatElement(0x0A, count: emptyLines)
                }
            } else {
                content += repeatElement(0x0A, count: emptyLines)
            }
            emptyLines = 0
            var end = position + contentIndent
            while !isLineEnd(end) { end += 1 }
            content += bytes[(position + contentIndent)..<end]
            hasContent = true
            lastLineEnded = end < bytes.count
            position = end
            moveToNextLine()
        }
        guard hasContent else { throw Unsupported() }
        if !strip && lastLineEnded { content.append(0x0A) }
        try scalar(content, plain: false, mark: start)
        try nextContentLine()
    }

    // MARK: Lines

    /// Requires only spaces and a comment to the end of the line, then finds the next content line.
    private mutating func endLine() throws(Unsupported) {
        try endLineOnly()
        try nextContentLine()
    }

    private mutating func endLineOnly() throws(Unsupported) {
        skipSpaces()
        if byte(position) == UInt8(ascii: "#") {
            // libyaml takes `"text"#` as a comment; YAML says it is not one.
            guard position > lineStart, bytes[position - 1] == UInt8(ascii: " ") else { throw Unsupported() }
        } else if !atLineEnd {
            throw Unsupported()
        }
        while !atLineEnd { position += 1 }
        moveToNextLine()
    }

    /// From `position` at a line's end, steps over the line break.
    private mutating func moveToNextLine() {
        guard position < bytes.count else { return }
        position += 1
        line += 1
        lineStart = position
    }

    /// Steps over empty, all-space and comment lines from the start of a line, and sets `indent`.
    private mutating func nextContentLine() throws(Unsupported) {
        while position < bytes.count {
            var first = position
            while byte(first) == UInt8(ascii: " ") { first += 1 }
            if isLineEnd(first) || bytes[first] == UInt8(ascii: "#") {
                position = first
                while !atLineEnd { position += 1 }
                moveToNextLine()
                continue
            }
            // Document markers and directives are libyaml's.
            if first == lineStart, Self.startsDocumentMarker(bytes, at: first) { throw Unsupported() }
            indent = first - lineStart
            position = first
            return
        }
        indent = nil
    }

    // MARK: Characters

    /// The position of the `:` that ends a plain key starting at `start`, if the line holds one.
    private func keyColon(from start: Int) -> Int? {
        guard Self.canStartPlain(byte(start)) else { return nil }
        var index = start
        while !isLineEnd(index) {
            let current = bytes[index]
            if current == UInt8(ascii: ":"), isBlankOrEnd(index + 1) {
                return index - start <= Self.longestKey ? index : nil
            }
            if current == UInt8(ascii: "#"), index > start, bytes[index - 1] == UInt8(ascii: " ") { return nil }
            index += 1
        }
        return nil
    }

    /// libyaml refuses a key longer than 1,024 characters; well below that, a long key is left to it.
    private static let longestKey = 1000

    private func isEntryDash(_ index: Int) -> Bool {
        byte(index) == UInt8(ascii: "-") && isBlankOrEnd(index + 1)
    }

    private static func canStartPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case 0, 0x0A, UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
            UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            false
        default:
            true
        }
    }

    /// Characters a one-line flow item may hold; `:` and `#` are left to libyaml, whose rules for them differ by version.
    private static func canContinueFlowPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case 0, 0x0A, UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "{"): false
        default: true
        }
    }

    private static func startsDocumentMarker(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let first = bytes[index]
        if first == UInt8(ascii: "%") { return true }
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
        return index + 2 < bytes.count && bytes[index + 1] == first && bytes[index + 2] == first
    }

    /// The byte at `index`, or 0 past the end (the text holds no NUL: see `hasOnlyPlainCharacters`).
    private func byte(_ index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    private func isLineEnd(_ index: Int) -> Bool {
        index >= bytes.count || bytes[index] == 0x0A
    }

    private var atLineEnd: Bool { isLineEnd(position) }

    private func isBlankOrEnd(_ index: Int) -> Bool {
        isLineEnd(index) || bytes[index] == UInt8(ascii: " ")
    }

    private mutating func skipSpaces() {
        while byte(position) == UInt8(ascii: " ") { position += 1 }
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return range.lowerBound..<end
    }

    // MARK: Events

    /// A 1-based line and column on the current line, the column counted in characters as libyaml does.
    /// Counting goes on from the last mark on the same line, so a line of many values (a long
    /// `[a, b, …]`) is counted once, not once per value.
    private mutating func mark(_ index: Int) -> (line: Int, column: Int) {
        var (from, column) = (lineStart, 1)
        if lastMark.lineStart == lineStart, lastMark.index <= index {
            (from, column) = (lastMark.index, lastMark.column)
        }
        for offset in from..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
        lastMark = (lineStart, index, column)
        return (line, column)
    }

    private mutating func open(mapping: Bool, at index: Int) throws(Unsupported) {
        let (line, column) = mark(index)
        if builder.open(mapping: mapping, line: line, column: column) != nil { throw Unsupported() }
    }

    private mutating func close() throws(Unsupported) {
        if builder.close() != nil { throw Unsupported() }
    }

    private mutating func plainScalar(_ range: Range<Int>, at index: Int) throws(Unsupported) {
        try scalar(range, plain: true, mark: mark(index))
    }

    private mutating func scalar(_ range: Range<Int>, plain: Bool, mark: (line: Int, column: Int)) throws(Unsupported) {
        if builder.scalar(UnsafeBufferPointer(rebasing: bytes[range]), plain: plain, line: mark.line, column: mark.column) != nil {
            throw Unsupported()
        }
    }

    private mutating func scalar(_ decoded: [UInt8], plain: Bool, mark: (line: Int, column: Int)) throws(Unsupported) {
        let problem = decoded.withUnsafeBufferPointer { builder.scalar($0, plain: plain, line: mark.line, column: mark.column) }
        if problem != nil { throw Unsupported() }
    }
}
