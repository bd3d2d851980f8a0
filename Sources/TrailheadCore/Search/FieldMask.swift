/// Which bytes and adjacent pairs of bytes a folded field holds, as 64 bits, so the search loop
/// can rule a field out without reading it.
///
/// A term with a byte the field lacks is no subsequence of it, and a term that must match as a
/// run (`'exact`, `^prefix`, `suffix$`, or the whole-word test) needs each of its pairs there too.
/// Bits are shared (a letter and a digit, or two pairs, may set the same one), so a mask can only
/// say "cannot match", never "matches": the field is still read when the bits allow it. A
/// keystroke at 100k nodes spent most of its time in `memchr` over fields that such a test rejects.
enum FieldMask {
    /// The low 32 bits: one per byte value modulo 32, so `A` and `a` share a bit.
    @inline(__always)
    static func byteBit(_ byte: UInt8) -> UInt64 {
        1 << UInt64(byte & 31)
    }

    /// The high 32 bits: one per hash of a pair of adjacent bytes.
    @inline(__always)
    static func pairBit(_ first: UInt8, _ second: UInt8) -> UInt64 {
        let pair = UInt32(first) << 8 | UInt32(second)
        return 1 << (32 + UInt64((pair &* 0x9E37_79B1) >> 27))
    }

    /// The bytes' bits, in the low half.
    static func bytes(of text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        text.reduce(0) { $0 | byteBit($1) }
    }

    /// The bits of every pair of adjacent bytes, in the high half.
    static func pairs(of text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard text.count > 1 else { return 0 }
        var mask: UInt64 = 0
        for index in 1..<text.count {
            mask |= pairBit(text[index - 1], text[index])
        }
        return mask
    }

    /// A field's mask: its bytes and its pairs.
    static func of(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes(of: text) | pairs(of: text)
    }
}
