/// Finds the first byte that is not valid UTF-8, reported as a 1-based line and column.
public enum UTF8Validator {
    /// The position of the first bad byte, its value, or nil when all of `bytes` is valid UTF-8.
    public static func firstInvalidByte(in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int, byte: UInt8)? {
        guard let bad = firstInvalidIndex(in: bytes) else { return nil }
        let (line, column) = YAMLReader.position(ofByte: bad, in: bytes)
        return (line, column, bytes[bad])
    }

    /// Tree files are mostly ASCII, so eight bytes at a time are checked for a high bit first;
    /// lines and columns are counted only when a bad byte has been found.
    private static func firstInvalidIndex(in bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            var value = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length {
                guard index + offset < count else { return index }
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                value = value << 6 | UInt32(next & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                return index
            }
            index += length
        }
        return nil
    }
}
