/// Eight bytes at a time, the test both YAML readers run before looking at single bytes.
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
}
