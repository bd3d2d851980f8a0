import Testing
@testable import TrailheadCore

@Suite struct PrintableASCIIWordTests {
    /// Every byte value in every lane of a word whose other lanes hold printable neighbours,
    /// the edges of the range among them: the word test must answer as a byte-by-byte check.
    @Test func agreesWithAByteCheckForEveryByteInEveryLane() {
        for neighbour in [0x20, 0x41, 0x7E] as [UInt8] {
            for lane in 0..<8 {
                for byte in 0...255 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[lane] = UInt8(byte)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(PrintableASCIIWord.isPrintable(word) == (0x20...0x7E).contains(byte), "byte \(byte) in lane \(lane)")
                }
            }
        }
    }

    /// A name too long to pack must match no key, the empty one included.
    @Test func aKeyNameTooLongToPackMatchesNothing() throws {
        let names: KeyNames = ["a-key-name-longer-than-fifteen", "title"]
        let document = try Array("\"\": x\ntitle: y\n".utf8).withUnsafeBytes { YAMLReader().read($0) }.get()
        let keys = document.entries(of: document.root).map(\.key)
        #expect(keys.map { names.name(of: $0, in: document) } == [nil, "title"])
    }
}
