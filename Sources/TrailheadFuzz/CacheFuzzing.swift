@_spi(Fuzzing) import TrailheadCore

/// A real cache entry with bytes changed by the input and its checksum made good again, as a
/// co-user with write access to the cache could craft it: reading it back must never crash,
/// and whatever it is accepted as must hold nothing a tree file could not.
enum CacheFuzzing {
    static func run(_ input: [UInt8]) {
        var entry = original
        for edit in Edits(input, within: entry.count) { entry[edit.offset] ^= edit.mask }
        Resealing.resealEntry(&entry)
        guard let nodes = Resealing.nodes(ofEntry: entry) else { return }
        for node in nodes {
            let texts = [node.heading] + node.tags + (node.resource?.commands.map(\.run) ?? [])
            if let text = texts.first(where: { TextSanitizer.firstHazard(in: $0, multiline: true) != nil }) {
                fatalError("an entry was accepted with hidden text: \(text.debugDescription)")
            }
            for link in node.resource?.links ?? [] where URLRules.problem(with: link.url) != nil {
                fatalError("an entry was accepted with a refused link: \(link.url.debugDescription)")
            }
        }
    }

    static let original: [UInt8] = Resealing.entry(of: SearchFuzzing.tree)
}

/// Byte edits read from a fuzz input: each three bytes are a 16-bit offset (wrapped into the
/// data) and a mask to XOR there.
struct Edits: Sequence, IteratorProtocol {
    private let input: [UInt8]
    private let count: Int
    private var position = 0

    init(_ input: [UInt8], within count: Int) {
        self.input = input
        self.count = count
    }

    mutating func next() -> (offset: Int, mask: UInt8)? {
        guard count > 0, position + 3 <= input.count else { return nil }
        defer { position += 3 }
        let offset = (Int(input[position]) << 8 | Int(input[position + 1])) % count
        return (offset, input[position + 2])
    }
}
