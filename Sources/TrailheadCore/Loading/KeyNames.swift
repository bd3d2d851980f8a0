/// The keys one kind of mapping allows, each also packed into two words, so that a key read from
/// a document is matched by comparing integers rather than strings.
struct KeyNames: ExpressibleByArrayLiteral, Sendable {
    let names: [String]
    /// Nil for a name too long to pack, which then matches nothing (no key a tree file knows is).
    private let packed: [PackedKey?]

    init(_ names: [String]) {
        self.names = names
        packed = names.map { PackedKey($0.utf8) }
    }

    init(arrayLiteral names: String...) {
        self.init(names)
    }

    func adding(_ name: String) -> KeyNames {
        KeyNames(names + [name])
    }

    func contains(_ name: String) -> Bool {
        names.contains(name)
    }

    /// The allowed name `key` spells, if any.
    func name(of key: YAMLDocument.Value, in document: YAMLDocument) -> String? {
        guard let packedKey = document.packedText(of: key), let index = packed.firstIndex(of: packedKey) else { return nil }
        return names[index]
    }
}

/// Text of at most 15 bytes held in two words, its length in the last byte; no key a tree file
/// knows is longer.
struct PackedKey: Equatable, Sendable {
    var low: UInt64
    var high: UInt64

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init?<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        guard bytes.count <= 15 else { return nil }
        var low: UInt64 = 0
        var high = UInt64(bytes.count) << 56
        for (index, byte) in bytes.enumerated() {
            if index < 8 {
                low |= UInt64(byte) << (8 * index)
            } else {
                high |= UInt64(byte) << (8 * (index - 8))
            }
        }
        self.init(low: low, high: high)
    }
}
