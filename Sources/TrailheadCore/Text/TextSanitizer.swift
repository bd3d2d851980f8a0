/// Makes untrusted text safe to write to a terminal by showing control, bidi and invisible characters.
///
/// Tree files come from many contributors, so every sink that writes their text to a terminal
/// goes through here: an escape sequence or a bidi override is shown, never obeyed.
public enum TextSanitizer {
    /// Why a scalar may not be written raw.
    public enum Hazard: String, Sendable {
        case control = "control character"
        case bidi = "bidirectional-override character"
        case invisible = "zero-width or invisible character"
    }

    public static func hazard(of scalar: Unicode.Scalar, previous: Unicode.Scalar? = nil) -> Hazard? {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F:
            return .control
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return .bidi
        case 0x200D:
            // A zero-width joiner glues emoji into one picture; anywhere else it only hides text.
            if let previous, previous.properties.isEmoji, previous.value > 0x7F { return nil }
            return .invisible
        case 0xFE0E, 0xFE0F:
            // A variation selector picks how an emoji or symbol is drawn; after anything else it hides.
            if let previous, previous.properties.isEmoji, previous.value > 0x7F { return nil }
            return .invisible
        // Unicode's default-ignorable code points (a renderer may draw them as nothing: tag
        // characters, Hangul fillers, the soft hyphen, variation selectors…), the other format
        // characters, line and paragraph separators, and the Braille blank. Written as ranges
        // (Unicode 15.1) rather than asked of the scalar's properties, which would page in the
        // standard library's Unicode tables at every start.
        case 0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B, 0x200C, 0x2060...0x206F,
             0x3164, 0xFE00...0xFE0D, 0xFEFF, 0xFFA0, 0xFFF0...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A,
             0xE0000...0xE0FFF, 0x0600...0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD,
             0x13430...0x1345F, 0x2028, 0x2029, 0x2800:
            return .invisible
        default:
            return nil
        }
    }

    /// The first scalar that may not appear in tree text, and its offset in scalars.
    /// Newline and tab are allowed when `multiline` is true.
    public static func firstHazard(in text: String, multiline: Bool) -> (scalar: Unicode.Scalar, hazard: Hazard, offset: Int)? {
        if text.allUTF8Bytes({ ($0 >= 0x20 && $0 < 0x7F) || (multiline && ($0 == 0x0A || $0 == 0x09)) }) { return nil }
        var previous: Unicode.Scalar?
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            defer { previous = scalar }
            if multiline && (scalar == "\n" || scalar == "\t") { continue }
            if let hazard = hazard(of: scalar, previous: previous) {
                return (scalar, hazard, offset)
            }
        }
        return nil
    }

    /// Text for one line of output: newlines shown as `↵`, tabs as a space, hazards made visible.
    public static func line(_ text: String) -> String {
        sanitize(text, keepNewlines: false)
    }

    /// Text that may span lines: newlines kept, tabs expanded, every other hazard made visible.
    public static func block(_ text: String) -> String {
        sanitize(text, keepNewlines: true)
    }

    /// How a hazardous scalar is shown: caret notation for C0 and DEL, `<U+XXXX>` for the rest.
    public static func visibleForm(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: return "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        default: return codePoint(scalar)
        }
    }

    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    private static func sanitize(_ text: String, keepNewlines: Bool) -> String {
        if isPlainASCII(text) { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\n":
                if keepNewlines { out.append(scalar) } else { out.append(contentsOf: "↵".unicodeScalars) }
            case "\t":
                out.append(contentsOf: (keepNewlines ? "    " : " ").unicodeScalars)
            default:
                if hazard(of: scalar, previous: previous) != nil {
                    out.append(contentsOf: visibleForm(of: scalar).unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// Printable ASCII needs no work; checking bytes first keeps the common case cheap.
    private static func isPlainASCII(_ text: String) -> Bool {
        text.allUTF8Bytes { $0 >= 0x20 && $0 < 0x7F }
    }
}
