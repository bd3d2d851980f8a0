/// One YAML document as a flat table of its values in reading order, with every scalar's text in one buffer.
///
/// A collection's record is followed by its children (a mapping's alternate key, value), and it
/// records where its subtree ends, so a reader steps from one child to the next without
/// following pointers. Building this costs an append per value: no array per collection, no
/// string per scalar, nothing to reference-count. A decoder turns only the text it keeps into
/// `String`s, and compares keys as bytes.
public struct YAMLDocument: Sendable, Equatable {
    /// A value of the document, by its place in the table.
    public struct Value: Sendable, Hashable {
        let index: Int
    }

    /// One `key: value` pair of a mapping; the key is always a scalar.
    public struct Entry: Sendable, Equatable {
        public let key: Value
        public let value: Value
    }

    public enum Kind: UInt8, Sendable {
        /// An unquoted scalar, where `~`, `null` and the empty string mean "nothing".
        case plainScalar
        /// A quoted or block (`|`, `>`) scalar: always text.
        case otherScalar
        case sequence
        case mapping
    }

    struct Record: Equatable {
        var kind: Kind
        /// A scalar whose every byte is printable ASCII (0x20 to 0x7E): no line break, control
        /// character or lookalike can be in it, which most text checks then need not look for.
        var isPrintableASCII = false
        var line: Int32
        var column: Int32
        /// A scalar's first byte in `text`; a collection's number of items or entries.
        var start: UInt32
        /// A scalar's length in bytes; a collection's end: the index just past its last descendant.
        var extent: UInt32
    }

    var records: [Record] = []
    var text: [UInt8] = []

    /// The top value; a document holds at least one.
    public var root: Value { Value(index: 0) }

    public func kind(of value: Value) -> Kind { records[value.index].kind }
    public func line(of value: Value) -> Int { Int(records[value.index].line) }
    public func column(of value: Value) -> Int { Int(records[value.index].column) }

    /// Whether a scalar's text is all printable ASCII, known without reading it again.
    public func isPrintableASCII(_ value: Value) -> Bool { records[value.index].isPrintableASCII }

    public func isScalar(_ value: Value) -> Bool { records[value.index].kind.rawValue <= Kind.otherScalar.rawValue }

    /// The YAML word for a value's kind, for messages such as "expected text, found a list".
    public func kindName(of value: Value) -> String {
        switch kind(of: value) {
        case .plainScalar, .otherScalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// A scalar's text; empty for a collection.
    public func string(_ value: Value) -> String {
        let record = records[value.index]
        guard record.kind.rawValue <= Kind.otherScalar.rawValue else { return "" }
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(record.start)..<Int(record.start + record.extent)]), as: UTF8.self)
        }
    }

    /// Whether a scalar's text is exactly `name`, compared as bytes without making a string.
    public func scalar(_ value: Value, is name: String) -> Bool {
        let record = records[value.index]
        guard record.kind.rawValue <= Kind.otherScalar.rawValue, Int(record.extent) == name.utf8.count else { return false }
        return text.withUnsafeBufferPointer { buffer in
            var index = Int(record.start)
            for byte in name.utf8 {
                if buffer[index] != byte { return false }
                index += 1
            }
            return true
        }
    }

    /// A scalar's text packed into two words, or nil when it is longer than 15 bytes or not a scalar.
    func packedText(of value: Value) -> PackedKey? {
        let record = records[value.index]
        guard record.kind.rawValue <= Kind.otherScalar.rawValue, record.extent <= 15 else { return nil }
        return text.withUnsafeBufferPointer { buffer in
            PackedKey(UnsafeBufferPointer(rebasing: buffer[Int(record.start)..<Int(record.start + record.extent)]))
        }
    }

    /// An unquoted `~`, `null` (in any of YAML's spellings) or nothing at all.
    public func isNull(_ value: Value) -> Bool {
        let record = records[value.index]
        guard record.kind == .plainScalar, record.extent <= 4 else { return false }
        return Self.nullSpellings.contains { scalar(value, is: $0) }
    }

    private static let nullSpellings = ["", "~", "null", "Null", "NULL"]

    /// The number of a sequence's items or a mapping's entries.
    public func count(of value: Value) -> Int {
        isScalar(value) ? 0 : Int(records[value.index].start)
    }

    /// A sequence's items; none for anything else.
    public func items(of value: Value) -> [Value] {
        guard kind(of: value) == .sequence else { return [] }
        let count = Int(records[value.index].start)
        var items: [Value] = []
        items.reserveCapacity(count)
        var index = value.index + 1
        for _ in 0..<count {
            items.append(Value(index: index))
            index = next(after: index)
        }
        return items
    }

    /// A mapping's entries, in the order written; none for anything else.
    public func entries(of value: Value) -> [Entry] {
        guard kind(of: value) == .mapping else { return [] }
        let count = Int(records[value.index].start)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var index = value.index + 1
        for _ in 0..<count {
            // A key is a scalar: its value is the next record.
            entries.append(Entry(key: Value(index: index), value: Value(index: index + 1)))
            index = next(after: index + 1)
        }
        return entries
    }

    /// The index of the value after `index` and its subtree.
    func next(after index: Int) -> Int {
        let record = records[index]
        return record.kind.rawValue <= Kind.otherScalar.rawValue ? index + 1 : Int(record.extent)
    }
}
