/// The cache's 64-bit content hash, fed in pieces: a multiply-xorshift over eight bytes at a time,
/// the tail FNV-1a style. Not cryptographic, but well spread; an entry is also keyed by length.
struct ContentHasher {
    private(set) var count = 0
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Every piece but the last must hold a whole number of eight-byte words.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let words = bytes.count / 8
        for index in 0..<words {
            let word = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            state = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
            state ^= state >> 29
        }
        for index in (words * 8)..<bytes.count {
            state = (state ^ UInt64(bytes[index])) &* 0x100_0000_01b3
        }
        count += bytes.count
    }

    var fingerprint: ContentFingerprint {
        ContentFingerprint(hash: state, count: count)
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
