/// Eight bytes at a time, the tests the YAML readers and the JSON writer run before looking at single bytes.
enum PrintableASCIIWord {
    /// Whether every byte of the eight in `word` is printable ASCII (0x20–0x7E). A byte below 0x20
    /// borrows a high bit when 0x20 is taken from it; one above 0x7E has, or carries into, its own.
    /// Either test may also flag a byte next to a real one, never a word without one.
    static func isPrintable(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let below = (word &- ones &* 0x20) & ~word & (ones &* 0x80)
        let above = ((word &+ ones) | word) & (ones &* 0x80)
        return below | above == 0
    }

    /// Whether one of the eight bytes in `word` is `byte`: that byte becomes zero in the XOR, and
    /// only a zero byte borrows its high bit without having had it.
    static func contains(_ byte: UInt8, in word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & (ones &* 0x80) != 0
    }
}
