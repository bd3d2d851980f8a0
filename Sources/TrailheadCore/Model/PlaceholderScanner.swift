/// Finds the `{name}` placeholders in a command's text.
public enum PlaceholderScanner {
    /// The declared names that appear as `{name}` in `text`, in order of appearance (repeats kept).
    /// Braces around anything undeclared, and `${...}` shell expansions, are literal text.
    public static func names(in text: String, declared: Set<String>) -> [String] {
        segments(of: text, declared: declared).compactMap {
            if case .placeholder(let name) = $0 { return name }
            return nil
        }
    }

    /// A command text cut into literal runs and placeholders.
    public enum Segment: Equatable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    public static func segments(of text: String, declared: Set<String>) -> [Segment] {
        segments(of: text, isDeclared: declared.contains)
    }

    /// `segments`, asking `isDeclared` about each name: a command has a placeholder or two, which
    /// a loader checks without building a set for each of thousands of commands.
    static func segments(of text: String, isDeclared: (String) -> Bool) -> [Segment] {
        if !text.utf8.contains(UInt8(ascii: "{")) { return text.isEmpty ? [] : [.literal(text)] }
        if text.allUTF8Bytes({ $0 < 0x80 }) { return asciiSegments(of: text, isDeclared: isDeclared) }
        var segments: [Segment] = []
        var literalStart = text.startIndex
        var previous: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            // `${name}` is the shell's, not a placeholder.
            if character == "{", previous != "$", let close = text[next...].firstIndex(of: "}") {
                let name = String(text[next..<close])
                if isDeclared(name) {
                    if literalStart < index { segments.append(.literal(String(text[literalStart..<index]))) }
                    segments.append(.placeholder(name))
                    index = text.index(after: close)
                    literalStart = index
                    previous = "}"
                    continue
                }
            }
            previous = character
            index = next
        }
        if literalStart < text.endIndex { segments.append(.literal(String(text[literalStart...]))) }
        return segments
    }

    /// `segments` for ASCII text, over bytes: there every character is one byte (`\r\n` aside,
    /// which holds no brace or `$`), so the result is the same without walking characters.
    private static func asciiSegments(of text: String, isDeclared: (String) -> Bool) -> [Segment] {
        let bytes = Array(text.utf8)
        let string = { (range: Range<Int>) in String(decoding: bytes[range], as: UTF8.self) }
        var segments: [Segment] = []
        var literalStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index == 0 || bytes[index - 1] != UInt8(ascii: "$"),
               let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")) {
                let name = string((index + 1)..<close)
                if isDeclared(name) {
                    if literalStart < index { segments.append(.literal(string(literalStart..<index))) }
                    segments.append(.placeholder(name))
                    index = close + 1
                    literalStart = index
                    continue
                }
            }
            index += 1
        }
        if literalStart < bytes.count { segments.append(.literal(string(literalStart..<bytes.count))) }
        return segments
    }

    /// Brace-wrapped words that look like placeholder names but are not declared (likely a forgotten declaration).
    public static func undeclaredNames(in text: String, declared: Set<String>) -> [String] {
        undeclaredNames(in: segments(of: text, declared: declared))
    }

    /// Also `{NetID}`: not a valid name (names are lower-case), but plainly meant as one.
    static func undeclaredNames(in segments: [Segment]) -> [String] {
        var names: [String] = []
        for case .literal(let literal) in segments where literal.utf8.contains(UInt8(ascii: "{")) {
            var rest = literal[...]
            while let open = rest.firstIndex(of: "{") {
                let isShellExpansion = open > rest.startIndex && rest[rest.index(before: open)] == "$"
                guard let close = rest[open...].firstIndex(of: "}") else { break }
                let name = String(rest[rest.index(after: open)..<close])
                if !isShellExpansion && (isValidName(name) || isValidName(name.lowercased())) && !names.contains(name) { names.append(name) }
                rest = rest[rest.index(after: open)...]
            }
        }
        return names
    }

    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
