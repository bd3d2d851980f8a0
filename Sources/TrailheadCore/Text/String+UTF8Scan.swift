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
