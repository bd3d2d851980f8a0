/// Folds text for matching: lower case, Latin accents removed, one byte per character where possible.
public enum TextFolding {
    /// The folded text in two forms of equal length, lower-cased and case-kept, and for each
    /// byte the index of the character it came from (to highlight matches).
    public struct Folded: Sendable {
        public var lower: [UInt8]
        public var cased: [UInt8]
        public var characterIndex: [Int32]
    }

    public static func fold(_ text: String) -> Folded {
        var folded = Folded(lower: [], cased: [], characterIndex: [])
        folded.lower.reserveCapacity(text.utf8.count)
        folded.cased.reserveCapacity(text.utf8.count)
        folded.characterIndex.reserveCapacity(text.utf8.count)
        var characterIndex: Int32 = 0
        for character in text {
            for scalar in character.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    folded.cased.append(UInt8(value))
                    folded.lower.append(lowered(UInt8(value)))
                    folded.characterIndex.append(characterIndex)
                } else if let base = latin(value) {
                    folded.cased.append(base)
                    folded.lower.append(lowered(base))
                    folded.characterIndex.append(characterIndex)
                } else if scalar.properties.generalCategory != .nonspacingMark {
                    for byte in String(scalar).utf8 {
                        folded.cased.append(byte)
                        folded.lower.append(byte)
                        folded.characterIndex.append(characterIndex)
                    }
                }
            }
            characterIndex += 1
        }
        return folded
    }

    /// Folds a query term the same way; `caseSensitive` keeps its case (smart case).
    public static func foldQuery(_ text: String, caseSensitive: Bool) -> [UInt8] {
        let folded = fold(text)
        return caseSensitive ? folded.cased : folded.lower
    }

    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Base letters of U+00C0–U+017F, upper-case entries in capitals.
    private static let latinBase: [UInt8] = Array(
        ("AAAAAAACEEEEIIII" + "DNOOOOO*OUUUUYTs" + "aaaaaaaceeeeiiii" + "dnooooo/ouuuuyty"
            + "AaAaAaCcCcCcCcDd" + "DdEeEeEeEeEeGgGg" + "GgGgHhHhIiIiIiIi" + "IiJjJjKkkLlLlLlL"
            + "lLlNnNnNnnNnOoOo" + "OoOoRrRrRrSsSsSs" + "SsTtTtTtUuUuUuUu" + "UuUuWwYyYZzZzZzs").utf8)

    static func latin(_ value: UInt32) -> UInt8? {
        guard value >= 0xC0, value <= 0x17F else { return nil }
        let base = latinBase[Int(value - 0xC0)]
        if base == UInt8(ascii: "*") || base == UInt8(ascii: "/") { return nil }
        return base
    }
}
