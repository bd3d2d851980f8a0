/// The cache's 64-bit content hash, fed in pieces. Four lanes each take every fourth eight-byte
/// word (multiply, xor-shift), so their multiplications overlap instead of waiting on one another;
/// the lanes and an FNV-1a tail are folded together at the end. Not cryptographic, but well
/// spread; an entry is also keyed by length.
struct ContentHasher {
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

    var fingerprint: ContentFingerprint {
        var state = Self.mix(lanes.0, lanes.1)
        state = Self.mix(state, lanes.2)
        state = Self.mix(state, lanes.3)
        state = Self.mix(state, tail)
        return ContentFingerprint(hash: Self.mix(state, UInt64(count)), count: count)
    }

    static func fingerprint(of bytes: [UInt8]) -> ContentFingerprint {
        var hasher = ContentHasher()
        bytes.withUnsafeBytes { hasher.combine($0) }
        return hasher.fingerprint
    }
}

/// What the tree cache knows a file's content by.
public struct ContentFingerprint: Sendable, Equatable {
    public var hash: UInt64
    public var count: Int
}
