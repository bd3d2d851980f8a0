/// Which URLs a tree may offer: well-formed https, http or mailto only.
public enum URLRules {
    public static let allowedSchemes = ["https", "http", "mailto"]

    /// Why a URL is refused, or nil when it is acceptable.
    public static func problem(with url: String) -> String? {
        if url.isEmpty { return "the URL is empty" }
        // Printable ASCII, nearly every URL, holds no hazard and no space: skip the Unicode scans.
        let printableASCII = url.allUTF8Bytes { $0 > 0x20 && $0 < 0x7F }
        if printableASCII, isPlainWebURL(url), !url.utf8.contains(where: isOutsideRFC3986) { return nil }
        if !printableASCII {
            if let hazard = TextSanitizer.firstHazard(in: url, multiline: false) {
                return "the URL contains a \(hazard.hazard.rawValue) (\(TextSanitizer.visibleForm(of: hazard.scalar)))"
            }
            // Any Unicode space, not only U+0020: a no-break or ideographic space looks like the end of the link.
            if url.unicodeScalars.contains(where: \.properties.isWhitespace) { return "the URL contains a space; write it as %20" }
        }
        guard let colon = url.firstIndex(of: ":") else {
            return "the URL has no scheme; start it with https://"
        }
        let scheme = url[..<colon].lowercased()
        guard allowedSchemes.contains(scheme) else {
            if scheme.isEmpty || !scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) {
                return "the URL has no scheme; start it with https://"
            }
            return "the URL scheme '\(TextSanitizer.line(String(scheme.prefix(20))))' is not allowed; use https, http or mailto"
        }
        // RFC 3986 has no place for these anywhere in a URL; a shell or a browser's command line would act on most.
        if let odd = url.utf8.first(where: isOutsideRFC3986) {
            let character = String(UnicodeScalar(odd))
            return "the URL contains '\(character)', which a URL cannot hold; write it as \(FeedbackLink.percentEncoded(character))"
        }
        let rest = url[url.index(after: colon)...]
        if scheme == "mailto" {
            let address = rest.prefix { $0 != "?" }
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !address.hasPrefix("-") else {
                return "the mailto link needs an address like mailto:name@example.org"
            }
            // Some mail programs attach the named file, from the reader's disk, to the message.
            let fields = rest.drop { $0 != "?" }.dropFirst().split(separator: "&").map { $0.prefix { $0 != "=" }.lowercased() }
            if fields.contains(where: { $0 == "attach" || $0 == "attachment" }) {
                return "the mailto link asks to attach a file; remove 'attach'"
            }
            return nil
        }
        guard rest.hasPrefix("//") else { return "the URL must look like \(scheme)://host/path" }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") {
            // `https://docs.cern.ch@evil.example/` goes to evil.example.
            return "the URL names a user ('\(TextSanitizer.line(String(authority[..<at].prefix(40))))') before its host, which hides where it goes; remove everything up to '@'"
        }
        let host = authority.split(separator: ":").first ?? ""
        guard !host.isEmpty, !host.hasPrefix("-"), !host.hasPrefix("."),
              host.allSatisfy(isHostCharacter)
        else {
            return "the URL has no valid host name"
        }
        return nil
    }

    /// The URL as it is handed to a browser: every byte outside ASCII after the host
    /// percent-encoded, so the browser is given only characters RFC 3986 allows.
    public static func launchForm(of url: String) -> String {
        guard !url.allUTF8Bytes({ $0 < 0x80 }) else { return url }
        let hostEnd: String.Index
        if let schemeEnd = url.firstRange(of: "://") {
            hostEnd = url[schemeEnd.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        } else {
            hostEnd = url.firstIndex(of: "?") ?? url.endIndex
        }
        var encoded = String(url[..<hostEnd])
        for byte in url[hostEnd...].utf8 {
            encoded += byte < 0x80 ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true)
        }
        return encoded
    }

    /// A warning for an accepted URL whose host has a name mixing ASCII letters with letters of
    /// another script (`https://\u{0430}pple.com`, with a Cyrillic "а"): the classic way to imitate
    /// a known address. Names in one script pass, accented Latin ones (`münchen`) included.
    public static func lookalikeHostWarning(for url: String) -> String? {
        guard !url.allUTF8Bytes({ $0 < 0x80 }) else { return nil }
        let host: Substring
        if let schemeEnd = url.firstRange(of: "://") {
            let authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            host = authority.split(separator: "@").last.map { $0.split(separator: ":").first ?? "" } ?? ""
        } else if url.lowercased().hasPrefix("mailto:"), let at = url.firstIndex(of: "@") {
            host = url[url.index(after: at)...].prefix { $0 != "?" && $0 != "&" }
        } else {
            return nil
        }
        for label in host.split(separator: ".") {
            let scalars = label.unicodeScalars
            guard scalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }),
                  let foreign = scalars.first(where: { $0.properties.isAlphabetic && !isLatin($0) }) else { continue }
            let name = foreign.properties.name.map { " (\($0))" } ?? ""
            return "the host '\(TextSanitizer.line(String(host)))' mixes Latin letters with \(TextSanitizer.codePoint(foreign))\(name), which can look like one; make sure it is the site you mean, or write the name in its xn-- form"
        }
        return nil
    }

    /// ASCII and the Latin blocks of Unicode, where accented letters of internationalized names live.
    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F: true
        default: false
        }
    }

    /// Printable ASCII that RFC 3986 has no place for anywhere in a URL; a shell or a browser's
    /// command line would act on most of them.
    private static func isOutsideRFC3986(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "^"),
             UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"): true
        default: false
        }
    }

    /// Whether a printable ASCII URL is `http(s)://` and a host of letters, digits, `-` and `.`:
    /// what nearly every link is, accepted here without the general checks below, which accept it too.
    private static func isPlainWebURL(_ url: String) -> Bool {
        var url = url
        return url.withUTF8 { bytes in
            let schemeLength = bytes.starts(with: "https://".utf8) ? 8 : bytes.starts(with: "http://".utf8) ? 7 : 0
            guard schemeLength > 0 else { return false }
            let host = bytes[schemeLength...].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
            guard let first = host.first, first != UInt8(ascii: "-"), first != UInt8(ascii: ".") else { return false }
            return host.allSatisfy { FuzzyMatcher.isLetter($0) || FuzzyMatcher.isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        }
    }

    /// Letters and digits of any script (internationalized names), `-`, `.`, and brackets for IPv6.
    private static func isHostCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return FuzzyMatcher.isLetter(ascii) || FuzzyMatcher.isDigit(ascii) || ascii == 0x2D || ascii == 0x2E || ascii == 0x5B || ascii == 0x5D
        }
        return character.isLetter || character.isNumber
    }
}
