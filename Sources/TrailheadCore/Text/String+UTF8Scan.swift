extension String {
    /// Whether every UTF-8 byte satisfies `predicate`, scanned in the string's own buffer. The
    /// generic `utf8.allSatisfy` walks an iterator that handles every string representation, which
    /// showed up in profiles of loading and writing large catalogs; these checks run per field.
    func allUTF8Bytes(_ predicate: (UInt8) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            for byte in bytes where !predicate(byte) { return false }
            return true
        }
    }
}

extension String {
    /// Whether the text is empty or only whitespace. Nearly every text starts with a printable
    /// ASCII character, which settles it without walking the text's characters.
    var isBlank: Bool {
        if let first = utf8.first, first > 0x20, first < 0x7F { return false }
        return allSatisfy(\.isWhitespace)
    }

    /// Whether the text holds the ASCII `character`. A byte search settles the usual answer, no;
    /// where the byte is there, the `Character` search decides (`\r\n` is one character, not `\n`).
    func containsASCII(_ character: Character) -> Bool {
        guard let byte = character.asciiValue, utf8.contains(byte) else { return false }
        return contains(character)
    }
}
