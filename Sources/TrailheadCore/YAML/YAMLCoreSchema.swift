/// What YAML 1.2's core schema makes of a plain (unquoted, untagged) scalar: nothing, a boolean,
/// an integer, a float, or text. Tree files are read by that schema everywhere a value has a
/// type (`format`, `multiline`), and a node id that it would read as anything but text is reported,
/// since other YAML tools would see a different id.
enum YAMLCoreSchema {
    enum Reading: Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case float
        case text
    }

    static func reading(of plain: String) -> Reading {
        var text = plain
        return text.withUTF8 { reading(of: $0) }
    }

    static func reading(of bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        guard let first = bytes.first else { return .null }
        // Most plain scalars are words: only these first bytes can start anything but text.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"):
            break
        default:
            return .text
        }
        let word = String(decoding: bytes, as: UTF8.self)
        switch word {
        case "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN": return .float
        default: break
        }
        if let value = integer(word) { return .int(value) }
        return isFloat(bytes) ? .float : .text
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; nil for anything else or too large.
    static func integer(_ word: String) -> Int? {
        if word.hasPrefix("0o") { return word.count > 2 ? Int(word.dropFirst(2), radix: 8) : nil }
        if word.hasPrefix("0x") { return word.count > 2 ? Int(word.dropFirst(2), radix: 16) : nil }
        let digits = word.first == "+" || word.first == "-" ? word.dropFirst() : Substring(word)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(word.first == "+" ? String(digits) : word)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        let whole = digits()
        var fraction = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fraction = digits()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { return false }
        }
        return index == bytes.count
    }
}
