/// A JSON document built in code, written with keys in the order given so output is stable.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// Compact or indented JSON. Control, bidi and invisible characters are written as `\u` escapes,
    /// so the output is safe on a terminal and still decodes to the original text.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: utf8(pretty: pretty), as: UTF8.self)
    }

    /// The serialized bytes, for writing out without building a String first.
    public func utf8(pretty: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        append(to: &out, pretty: pretty)
        return out
    }

    /// Appends the serialized value; `indent` is the column of the line it starts on, for a
    /// value written inside a container that is being streamed.
    public func append(to out: inout [UInt8], pretty: Bool, indent: Int = 0) {
        write(to: &out, indent: pretty ? indent : nil)
    }

    private func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .int(let value): Self.writeInt(value, to: &out)
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let items):
            writeContainer(open: 0x5B, close: 0x5D, count: items.count, to: &out, indent: indent) { index, out, inner in
                items[index].write(to: &out, indent: inner)
            }
        case .object(let members):
            writeContainer(open: 0x7B, close: 0x7D, count: members.count, to: &out, indent: indent) { index, out, inner in
                Self.writeString(members[index].0, to: &out)
                out += (inner == nil ? ":" : ": ").utf8
                members[index].1.write(to: &out, indent: inner)
            }
        }
    }

    private func writeContainer(
        open: UInt8, close: UInt8, count: Int, to out: inout [UInt8], indent: Int?,
        item: (Int, inout [UInt8], Int?) -> Void
    ) {
        out.append(open)
        guard count > 0 else {
            out.append(close)
            return
        }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { out.append(0x2C) }
            if let inner {
                out.append(0x0A)
                out += repeatElement(0x20, count: inner)
            }
            item(index, &out, inner)
        }
        if let indent {
            out.append(0x0A)
            out += repeatElement(0x20, count: indent)
        }
        out.append(close)
    }

    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
    }

    static func writeString(_ text: String, to out: inout [UInt8]) {
        var text = text
        if text.withUTF8({ appendIfPlain($0, to: &out) }) { return }
        writeEscaped(text, to: &out)
    }

    /// Decimal digits, without making a String (result lists write hundreds of thousands).
    static func writeInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var scale: UInt = 1
        while scale <= magnitude / 10 { scale *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude / scale % 10))
            scale /= 10
        } while scale > 0
    }

    /// `writeString` for text held as UTF-8 bytes.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if appendIfPlain(bytes, to: &out) { return }
        writeEscaped(String(decoding: bytes, as: UTF8.self), to: &out)
    }

    /// Printable ASCII without quotes or backslashes, the common case, is copied as it is.
    private static func appendIfPlain(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        guard bytes.allSatisfy(isPlain) else { return false }
        out.append(0x22)
        out.append(contentsOf: bytes)
        out.append(0x22)
        return true
    }

    private static func writeEscaped(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\"": out += "\\\"".utf8
            case "\\": out += "\\\\".utf8
            case "\n": out += "\\n".utf8
            case "\t": out += "\\t".utf8
            case "\r": out += "\\r".utf8
            default:
                if TextSanitizer.hazard(of: scalar, previous: previous) != nil {
                    let hex = String(scalar.value, radix: 16)
                    out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                } else {
                    out += String(scalar).utf8
                }
            }
        }
        out.append(0x22)
    }
}
