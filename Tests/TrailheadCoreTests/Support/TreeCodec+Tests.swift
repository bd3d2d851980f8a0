@testable import TrailheadCore

/// Entries made and read in memory, as if from one empty file, where a test is about the codec
/// rather than about which file an entry belongs to.
extension TreeCodec {
    static let memorySource = ContentDigester.fingerprint(of: [])

    static func encode(_ tree: Tree, records: [[UInt8]]? = nil) -> [UInt8] {
        encode(tree, source: memorySource, records: records)
    }

    static func decode(_ bytes: [UInt8], file: String) throws -> Tree {
        try decode(bytes, file: file, source: memorySource)
    }
}
