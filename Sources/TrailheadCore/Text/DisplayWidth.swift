/// Terminal column widths of text, without depending on the C locale.
public enum DisplayWidth {
    /// Columns a scalar occupies: 0 for combining marks and format characters, 2 for wide ones.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if value == 0x200B { return 0 }
        return isWide(value) || scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// Columns a string occupies; a grapheme (emoji with modifiers, letter with accents) counts once.
    public static func of<Text: StringProtocol>(_ text: Text) -> Int {
        if let ascii = asciiWidth(text.utf8) { return ascii }
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    /// Most tree text is ASCII, where every byte is its own grapheme and printable ones take one column;
    /// nil as soon as a non-ASCII byte appears.
    private static func asciiWidth<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int? {
        var printable = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte >= 0x20 && byte < 0x7F { printable += 1 }
        }
        return printable
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var width = of(first)
        // A variation selector 16 asks for emoji presentation, which terminals draw two columns wide.
        if width == 1 && scalars.contains(where: { $0.value == 0xFE0F }) { width = 2 }
        return width
    }

    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
