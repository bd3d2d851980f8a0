/// A 64-bit checksum fed in pieces, against damage, not against an adversary: it tells a cache
/// entry or snapshot that was cut short or flipped on disk from a whole one. What the cache
/// knows content by is `ContentDigest`. Four lanes each take every fourth eight-byte word
/// (multiply, xor-shift), so their multiplications overlap instead of waiting on one another;
/// the lanes and an FNV-1a tail are folded together at the end.
struct FastChecksum {
    private(set) var count = 0
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9)
    private var tail: UInt64 = 0xcbf2_9ce4_8422_2325

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (lane ^ word) &* multiplier
        return mixed ^ (mixed >> 29)
    }

    /// Every piece but the last must hold a whole number of 32-byte blocks.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let blocks = bytes.count / 32
        var (first, second, third, fourth) = lanes
        for block in 0..<blocks {
            let offset = block * 32
            first = Self.mix(first, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            second = Self.mix(second, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            third = Self.mix(third, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            fourth = Self.mix(fourth, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        }
        lanes = (first, second, third, fourth)
        for index in (blocks * 32)..<bytes.count {
            tail = (tail ^ UInt64(bytes[index])) &* 0x100_0000_01b3
        }
        count += bytes.count
    }

    var value: UInt64 {
        var state = Self.mix(lanes.0, lanes.1)
        state = Self.mix(state, lanes.2)
        state = Self.mix(state, lanes.3)
        state = Self.mix(state, tail)
        return Self.mix(state, UInt64(count))
    }

    static func value(of bytes: [UInt8]) -> UInt64 {
        var checksum = FastChecksum()
        bytes.withUnsafeBytes { checksum.combine($0) }
        return checksum.value
    }
}
