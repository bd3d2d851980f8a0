/// The promise of `TextSanitizer`, restated independently: nothing a terminal would obey survives.
enum TerminalSafety {
    /// C0 and C1 controls (ESC among them), DEL, and the bidi embeddings, overrides, isolates and marks.
    static func isObeyed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Crashes, naming the scalar and the check, when `text` holds one a terminal would obey.
    static func require(_ text: String, allowingNewlines: Bool, _ what: String) {
        for scalar in text.unicodeScalars where isObeyed(scalar) && !(allowingNewlines && scalar == "\n") {
            fatalError("\(what): U+\(String(scalar.value, radix: 16, uppercase: true)) survived in \(text.debugDescription)")
        }
    }
}
