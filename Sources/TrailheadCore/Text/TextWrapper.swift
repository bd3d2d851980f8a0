/// Wraps and truncates text to a number of terminal columns.
public enum TextWrapper {
    /// Wraps each paragraph to `width` columns, breaking at spaces and splitting words longer than a line.
    /// Single newlines inside a paragraph are kept as line breaks, so lists and addresses stay intact.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        for sourceLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = sourceLine.drop { $0 == " " }
            let indent = String(repeating: " ", count: min(sourceLine.count - trimmed.count, width / 2))
            if trimmed.isEmpty {
                lines.append("")
                continue
            }
            let indentWidth = indent.count
            var current = indent
            var currentWidth = indentWidth
            for word in trimmed.split(separator: " ") {
                let wordWidth = DisplayWidth.of(word)
                let needed = currentWidth == indentWidth ? wordWidth : wordWidth + 1
                if currentWidth + needed <= width {
                    if currentWidth > indentWidth {
                        current += " "
                        currentWidth += 1
                    }
                    current += word
                    currentWidth += wordWidth
                    continue
                }
                if currentWidth > indentWidth { lines.append(current) }
                if indentWidth + wordWidth <= width {
                    current = indent + word
                    currentWidth = indentWidth + wordWidth
                    continue
                }
                let pieces = cut(word, columns: width - indentWidth)
                lines += pieces.dropLast().map { indent + $0.text }
                current = indent + pieces[pieces.count - 1].text
                currentWidth = indentWidth + pieces[pieces.count - 1].width
            }
            lines.append(current)
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Joins the lines of each paragraph into one, so authors may break lines anywhere.
    /// Blank lines separate paragraphs; a line that starts a list item (`- `, `* `, `• `, `1. `)
    /// or is indented starts a line of its own.
    public static func reflow(_ text: String) -> String {
        var out = ""
        var previousBlank = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpacesSubstring
            if trimmed.isEmpty {
                if !previousBlank { out += "\n\n" }
                previousBlank = true
                continue
            }
            if previousBlank {
                out += line
            } else if line.hasPrefix(" ") || startsListItem(trimmed) {
                out += "\n" + line
            } else {
                out += " " + trimmed
            }
            previousBlank = false
        }
        while out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    private static func startsListItem(_ line: Substring) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ") { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && (line.dropFirst(digits.count).hasPrefix(". ") || line.dropFirst(digits.count).hasPrefix(") "))
    }

    /// Cuts text to at most `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let (head, _) = split(text, atColumns: width - 1)
        // `split` moves one character even when it does not fit; a wide one would overflow the width.
        if DisplayWidth.of(head) > width - 1 { return "…" }
        return head + "…"
    }

    /// Cuts a word wider than a line into line-sized pieces in one pass (re-measuring the rest after
    /// each cut would be quadratic in the word's length). Each piece holds at least one character.
    private static func cut(_ word: Substring, columns: Int) -> [(text: String, width: Int)] {
        var pieces: [(text: String, width: Int)] = []
        var piece = ""
        var pieceWidth = 0
        for character in word {
            let characterWidth = DisplayWidth.of(character)
            if pieceWidth + characterWidth > columns && !piece.isEmpty {
                pieces.append((piece, pieceWidth))
                piece = ""
                pieceWidth = 0
            }
            piece.append(character)
            pieceWidth += characterWidth
        }
        pieces.append((piece, pieceWidth))
        return pieces
    }

    /// The longest prefix that fits in `columns`, and the rest; at least one character moves when nothing fits.
    static func split(_ text: String, atColumns columns: Int) -> (String, String) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let width = DisplayWidth.of(text[index])
            if used + width > columns { break }
            used += width
            index = text.index(after: index)
        }
        if index == text.startIndex && !text.isEmpty && columns > 0 {
            index = text.index(after: index)
        }
        return (String(text[..<index]), String(text[index...]))
    }
}
