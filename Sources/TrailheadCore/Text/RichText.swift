/// Body text read as the small subset Trailhead renders: paragraphs with inline `code`, fenced
/// code blocks, bullet and numbered lists, and `::: note`, `::: warning` and
/// `::: when CONDITION` sections closed by `:::`.
///
/// Anything else is text, so a body written before this subset existed reads as it did.
public struct RichText: Sendable, Equatable {
    /// A run of a paragraph or list item.
    public enum Span: Sendable, Equatable {
        case text(String)
        case code(String)
        /// A line the author started indented, kept on a line of its own.
        case lineBreak
    }

    public enum Callout: String, Sendable, CaseIterable {
        case note, warning

        public var label: String { self == .note ? "Note" : "Warning" }
    }

    public struct ListItem: Sendable, Equatable {
        /// `•`, or the number as written (`3.`).
        public var marker: String
        public var spans: [Span]
    }

    public indirect enum Block: Sendable, Equatable {
        case paragraph([Span])
        case list([ListItem])
        /// Lines exactly as written: never re-wrapped, copied whole.
        case code(String)
        case callout(Callout, [Block])
        /// Shown where the condition holds or cannot be checked; counted as hidden where it is false.
        case conditional(Condition, [Block])
    }

    /// A line of the text that does not read as the author meant; `line` counts from 1 within the text.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    public var blocks: [Block]

    /// Sections nest at most this deep, so a hostile file cannot make rendering recurse without end.
    static let maximumDepth = 4

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// Whether `text` uses anything beyond paragraphs and lists: callers skip the parse otherwise.
    public static func hasStructure(_ text: String) -> Bool {
        text.contains("```") || text.contains(":::")
    }

    public static func parse(_ text: String) -> (text: RichText, problems: [Problem]) {
        var parser = Parser()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            parser.read(line, number: index + 1)
        }
        return parser.finish()
    }

    /// Every condition of the text's sections, outermost first.
    public var conditions: [Condition] {
        func collect(_ blocks: [Block]) -> [Condition] {
            blocks.flatMap { block -> [Condition] in
                switch block {
                case .conditional(let condition, let inner): [condition] + collect(inner)
                case .callout(_, let inner): collect(inner)
                default: []
                }
            }
        }
        return collect(blocks)
    }

    /// The code blocks a reader can select and copy, in reading order, among the sections `shows` keeps.
    public func codeBlocks(where shows: (Condition) -> Bool) -> [String] {
        func collect(_ blocks: [Block]) -> [String] {
            blocks.flatMap { block -> [String] in
                switch block {
                case .code(let code): [code]
                case .callout(_, let inner): collect(inner)
                case .conditional(let condition, let inner): shows(condition) ? collect(inner) : []
                default: []
                }
            }
        }
        return collect(blocks)
    }

    /// How many sections `shows` leaves out.
    public func hiddenSections(where shows: (Condition) -> Bool) -> Int {
        func count(_ blocks: [Block]) -> Int {
            blocks.reduce(0) { total, block in
                switch block {
                case .conditional(let condition, let inner): total + (shows(condition) ? count(inner) : 1)
                case .callout(_, let inner): total + count(inner)
                default: total
                }
            }
        }
        return count(blocks)
    }

    /// Inline code between backticks; a backtick without its pair is text.
    static func spans(_ text: Substring) -> [Span] {
        var spans: [Span] = []
        var rest = text
        while let open = rest.firstIndex(of: "`") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "`") else { break }
            if open > rest.startIndex { spans.append(.text(String(rest[..<open]))) }
            if close > afterOpen { spans.append(.code(String(rest[afterOpen..<close]))) }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { spans.append(.text(String(rest))) }
        return spans
    }
}

extension RichText {
    /// Reads line by line, keeping the sections open around the current line.
    private struct Parser {
        struct Section {
            var kind: Kind
            var line: Int
            var blocks: [Block] = []

            enum Kind {
                case top
                case callout(Callout)
                case conditional(Condition)
            }
        }

        struct Fence {
            var line: Int
            var indent: Int
            var lines: [Substring] = []
        }

        var sections = [Section(kind: .top, line: 0)]
        var paragraph: [Span] = []
        var items: [ListItem] = []
        var fence: Fence?
        var problems: [Problem] = []

        mutating func read(_ line: Substring, number: Int) {
            let trimmed = line.trimmingSpacesSubstring
            if var open = fence {
                if trimmed == "```" {
                    fence = nil
                    append(.code(open.lines.joined(separator: "\n")))
                } else {
                    open.lines.append(Self.dropIndent(line, upTo: open.indent))
                    fence = open
                }
                return
            }
            if trimmed.hasPrefix("```") {
                closeParagraph()
                fence = Fence(line: number, indent: line.count - line.drop { $0 == " " }.count)
            } else if trimmed.hasPrefix(":::") {
                closeParagraph()
                directive(trimmed.dropFirst(3).trimmingSpacesSubstring, number: number)
            } else if trimmed.isEmpty {
                closeParagraph()
            } else if let (marker, text) = Self.listItem(trimmed) {
                flushParagraph()
                items.append(ListItem(marker: marker, spans: RichText.spans(text)))
            } else if !items.isEmpty {
                Self.join(&items[items.count - 1].spans, [.text(" ")] + RichText.spans(trimmed))
            } else {
                Self.join(&paragraph, (paragraph.isEmpty ? [] : [line.hasPrefix(" ") ? .lineBreak : .text(" ")]) + RichText.spans(trimmed))
            }
        }

        mutating func directive(_ words: Substring, number: Int) {
            if words.isEmpty {
                guard sections.count > 1 else {
                    problems.append(Problem(line: number, message: "':::' closes no section; remove it, or open one above with '::: note'"))
                    return
                }
                closeSection()
                return
            }
            let name = words.prefix { $0 != " " }
            let argument = words.dropFirst(name.count).trimmingSpacesSubstring
            let kind: Section.Kind
            switch name {
            case "note" where argument.isEmpty: kind = .callout(.note)
            case "warning" where argument.isEmpty: kind = .callout(.warning)
            case "when":
                switch Condition.parse(String(argument)) {
                case .success(let condition): kind = .conditional(condition)
                case .failure(let error):
                    problems.append(Problem(line: number, message: "::: when: \(error)"))
                    kind = .top
                }
            default:
                problems.append(Problem(
                    line: number,
                    message: "'::: \(TextSanitizer.line(String(words.prefix(40))))' opens no known section; write '::: note', '::: warning' or '::: when CONDITION', and close it with ':::'"))
                kind = .top
            }
            guard sections.count < RichText.maximumDepth else {
                problems.append(Problem(line: number, message: "sections nest more than \(RichText.maximumDepth - 1) deep here; close one with ':::' first"))
                return
            }
            sections.append(Section(kind: kind, line: number))
        }

        mutating func finish() -> (text: RichText, problems: [Problem]) {
            if let open = fence {
                problems.append(Problem(line: open.line, message: "the code block opened here is not closed; end it with a line of ```"))
                fence = nil
                append(.code(open.lines.joined(separator: "\n")))
            }
            closeParagraph()
            while sections.count > 1 {
                problems.append(Problem(line: sections[sections.count - 1].line, message: "the section opened here is not closed; end it with a line of ':::'"))
                closeSection()
            }
            return (RichText(blocks: sections[0].blocks), problems)
        }

        private mutating func flushParagraph() {
            if !paragraph.isEmpty { append(.paragraph(paragraph)) }
            paragraph = []
        }

        private mutating func closeParagraph() {
            flushParagraph()
            if !items.isEmpty { append(.list(items)) }
            items = []
        }

        private mutating func closeSection() {
            let section = sections.removeLast()
            switch section.kind {
            // A section whose opening line was wrong keeps its text, unmarked.
            case .top: sections[sections.count - 1].blocks += section.blocks
            case .callout(let callout): append(.callout(callout, section.blocks))
            case .conditional(let condition): append(.conditional(condition, section.blocks))
            }
        }

        private mutating func append(_ block: Block) {
            sections[sections.count - 1].blocks.append(block)
        }

        /// Appends, merging text that meets text, so a reflowed paragraph is one span between its code.
        static func join(_ spans: inout [Span], _ more: [Span]) {
            for span in more {
                if case .text(let next) = span, case .text(let last)? = spans.last {
                    spans[spans.count - 1] = .text(last + next)
                } else {
                    spans.append(span)
                }
            }
        }

        /// `- text`, `* text`, `• text`, `3. text` or `3) text`: the marker shown and the text.
        static func listItem(_ line: Substring) -> (String, Substring)? {
            for bullet in ["- ", "* ", "• "] where line.hasPrefix(bullet) {
                return ("•", line.dropFirst(2).trimmingSpacesSubstring)
            }
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 3 else { return nil }
            let rest = line.dropFirst(digits.count)
            guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
            return (digits + ".", rest.dropFirst(2).trimmingSpacesSubstring)
        }

        /// A code line without the fence's own indentation, so a fenced block inside a list reads flush.
        static func dropIndent(_ line: Substring, upTo indent: Int) -> Substring {
            var line = line
            var dropped = 0
            while dropped < indent, line.first == " " {
                line = line.dropFirst()
                dropped += 1
            }
            return line
        }
    }
}
