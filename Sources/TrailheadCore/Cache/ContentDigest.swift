import COpenSSL

/// The SHA-256 digest of some content: what the tree cache and search snapshots know a file or
/// a catalog by. No other content can be made to have it, so a file in a cloned repository
/// cannot be crafted to be taken for a bundled tree.
public struct ContentDigest: Hashable, Sendable {
    /// The 32 bytes as four words, in the digest's byte order.
    let words: [UInt64]

    init(_ digest: UnsafeRawBufferPointer) {
        words = (0..<4).map { digest.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
    }

    init?(words: [UInt64]) {
        guard words.count == 4 else { return nil }
        self.words = words
    }

    /// Lower-case hexadecimal, for file names.
    public var hex: String {
        words.map { word in
            (0..<8).map { index in
                let byte = UInt8(truncatingIfNeeded: word >> (8 * index))
                let digits = String(byte, radix: 16)
                return byte < 16 ? "0" + digits : digits
            }.joined()
        }.joined()
    }

    public static func of(_ bytes: [UInt8]) -> ContentDigest {
        ContentDigester.fingerprint(of: bytes).digest
    }
}

/// What the tree cache knows a file's content by: its digest and its length.
public struct ContentFingerprint: Sendable, Hashable {
    public var digest: ContentDigest
    public var count: Int
}

/// Feeds content to SHA-256 in pieces of any size.
struct ContentDigester {
    private var context: SHA256_CTX
    private(set) var count = 0

    init() {
        context = SHA256_CTX()
        SHA256_Init(&context)
    }

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        if let base = bytes.baseAddress { SHA256_Update(&context, base, bytes.count) }
        count += bytes.count
    }

    var fingerprint: ContentFingerprint {
        var finished = context
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        SHA256_Final(&digest, &finished)
        return ContentFingerprint(digest: digest.withUnsafeBytes { ContentDigest($0) }, count: count)
    }

    static func fingerprint(of bytes: [UInt8]) -> ContentFingerprint {
        var digester = ContentDigester()
        bytes.withUnsafeBytes { digester.combine($0) }
        return digester.fingerprint
    }
}
