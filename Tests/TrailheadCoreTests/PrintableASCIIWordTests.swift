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

    /// Every byte value in every lane, among neighbours equal to the byte looked for, one below
    /// and one above it: the word test must answer as a byte-by-byte search.
    @Test(arguments: [0x22, 0x5C, 0x00, 0xFF] as [UInt8])
    func findsAByteAsAByteSearchDoes(wanted: UInt8) {
        for neighbour in Set([wanted &- 1, wanted &+ 1, 0x41, 0x00, 0x80, 0xFF]) where neighbour != wanted {
            for lane in 0..<8 {
                for byte in 0...255 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[lane] = UInt8(byte)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(PrintableASCIIWord.contains(wanted, in: word) == (byte == wanted), "byte \(byte) in lane \(lane) among \(neighbour)")
                }
            }
        }
    }

    /// JSON's plain-text test, eight bytes at a time, answers as the byte test does for any byte
    /// at any place in texts of every length around a word's.
    @Test func jsonPlainTextAgreesWithItsByteTest() {
        for length in 1...19 {
            for place in 0..<length {
                for byte in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[place] = UInt8(byte)
                    let expected = bytes.allSatisfy(JSONValue.isPlain)
                    #expect(bytes.withUnsafeBufferPointer { JSONValue.isPlain($0) } == expected, "byte \(byte) at \(place) of \(length)")
                }
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { JSONValue.isPlain($0) })
    }

    /// A name too long to pack must match no key, the empty one included.
    @Test func aKeyNameTooLongToPackMatchesNothing() throws {
        let names: KeyNames = ["a-key-name-longer-than-fifteen", "title"]
        let document = try Array("\"\": x\ntitle: y\n".utf8).withUnsafeBytes { YAMLReader().read($0) }.get()
        let keys = document.entries(of: document.root).map(\.key)
        #expect(keys.map { names.name(of: $0, in: document) } == [nil, "title"])
    }
}
