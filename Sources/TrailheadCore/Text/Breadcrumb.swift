/// Fits a breadcrumb ("A › B › C › D") into a width by eliding the middle, keeping the first part
/// (where it starts) and as many of the last parts (where it ends) as fit.
public enum Breadcrumb {
    public static let separator = " › "

    public static func fit(_ parts: [String], width: Int) -> [String] {
        let sanitized = parts.map(TextSanitizer.line)
        let joinedWidth = { (items: [String]) in DisplayWidth.of(items.joined(separator: separator)) }
        guard sanitized.count > 2, joinedWidth(sanitized) > width else { return sanitized }
        var tail: [String] = []
        for part in sanitized.dropFirst().reversed() {
            if !tail.isEmpty && joinedWidth([sanitized[0], "…", part] + tail) > width { break }
            tail.insert(part, at: 0)
        }
        return [sanitized[0], "…"] + tail
    }

    public static func text(_ parts: [String], width: Int) -> String {
        fit(parts, width: width).joined(separator: separator)
    }
}
