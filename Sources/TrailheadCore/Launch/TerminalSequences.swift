/// Escape sequences Trailhead writes on purpose: OSC 8 hyperlinks and OSC 52 clipboard writes.
///
/// Their payloads come from tree files, so they are built only from validated URLs (OSC 8) or
/// base64 (OSC 52), and nothing that could end the sequence early gets through.
public enum TerminalSequences {
    static let escape = "\u{1B}"
    static let stringTerminator = "\u{1B}\\"

    /// `text` as a clickable link to `url`; the URL must already have passed `URLRules`.
    /// Characters outside printable ASCII are percent-encoded, as OSC 8 requires.
    public static func hyperlink(_ url: String, text: String) -> String {
        var safeURL = ""
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7F {
                safeURL.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                safeURL += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return escape + "]8;;" + safeURL + stringTerminator + TextSanitizer.line(text) + escape + "]8;;" + stringTerminator
    }

    /// An OSC 52 "set clipboard" sequence, passed through tmux or GNU screen when inside them.
    public static func clipboard(_ text: String, insideTmux: Bool, insideScreen: Bool) -> String {
        let osc = escape + "]52;c;" + Base64.encode(Array(text.utf8)) + "\u{07}"
        if insideTmux {
            // tmux keeps the plain sequence when `set-clipboard` is on; the wrapped copy reaches
            // the outer terminal when `allow-passthrough` is on. Escapes inside are doubled.
            let wrapped = escape + "Ptmux;" + osc.replacing(escape, with: escape + escape) + stringTerminator
            return osc + wrapped
        }
        if insideScreen {
            // screen passes a DCS string through, in pieces of at most 768 bytes.
            var pieces: [String] = []
            var rest = Substring(osc)
            while !rest.isEmpty {
                pieces.append(escape + "P" + rest.prefix(760) + stringTerminator)
                rest = rest.dropFirst(760)
            }
            return pieces.joined()
        }
        return osc
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// Standard base64 (RFC 4648), for OSC 52.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], alphabet[Int(value & 63)]]
            index += 3
        }
        let remaining = bytes.count - index
        if remaining == 1 {
            let value = UInt32(bytes[index]) << 16
            out += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], 61, 61]
        } else if remaining == 2 {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], 61]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
