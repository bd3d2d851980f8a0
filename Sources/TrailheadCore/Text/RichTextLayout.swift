/// Rich text laid out in lines of a width: the one layout behind the interface's page and the
/// plain text of `show`, `walk` and plain mode, so both break and indent alike.
struct RichTextLayout {
    enum Role: Equatable {
        case text, code, codeBlock, note, warning, condition, continuation
    }

    struct Segment: Equatable {
        var text: String
        var role: Role
    }

    struct Line: Equatable {
        var segments: [Segment]
        var indent: Int
        /// The code block this line shows, counted from 0 in reading order.
        var codeBlock: Int?
    }

    let width: Int
    let probes: ProbeBoard
    let revealHidden: Bool
    /// Plain text keeps inline code's backticks, having no style to show it by.
    let marksCode: Bool
    /// The interface cuts a code line at the window's edge (marking the rest); plain text leaves
    /// it whole for the terminal to fold, so a copied line is the line.
    let cutsCode: Bool
    private(set) var lines: [Line] = []
    private(set) var codeBlockCount = 0

    init(width: Int, probes: ProbeBoard, revealHidden: Bool, marksCode: Bool, cutsCode: Bool) {
        self.width = max(width, 10)
        self.probes = probes
        self.revealHidden = revealHidden
        self.marksCode = marksCode
        self.cutsCode = cutsCode
    }

    /// Lines for `text`, each block after the first separated by a blank line.
    static func lines(
        for text: RichText, width: Int, probes: ProbeBoard = ProbeBoard(), revealHidden: Bool = false,
        marksCode: Bool, cutsCode: Bool
    ) -> [Line] {
        var layout = RichTextLayout(width: width, probes: probes, revealHidden: revealHidden, marksCode: marksCode, cutsCode: cutsCode)
        layout.add(text.blocks, indent: 0)
        return layout.lines
    }

    mutating func add(_ blocks: [RichText.Block], indent: Int) {
        var first = true
        for block in blocks {
            if case .conditional(let condition, _) = block, !revealHidden, !probes.shows(condition) { continue }
            if !first { lines.append(Line(segments: [], indent: indent)) }
            first = false
            add(block, indent: indent)
        }
    }

    private mutating func add(_ block: RichText.Block, indent: Int) {
        switch block {
        case .paragraph(let spans):
            wrap(spans, indent: indent)
        case .list(let items):
            for item in items {
                wrap(item.spans, indent: indent, marker: item.marker + " ")
            }
        case .code(let code):
            addCode(code, indent: indent + 2)
        case .callout(let callout, let inner):
            lines.append(Line(segments: [Segment(text: callout.label + ":", role: callout == .note ? .note : .warning)], indent: indent))
            add(inner, indent: indent + 2)
        case .conditional(let condition, let inner):
            let note = probes.note(for: condition) ?? condition.description
            wrap([.text(note.prefix(1).uppercased() + note.dropFirst() + ":")], indent: indent, role: .condition)
            add(inner, indent: indent + 2)
        }
    }

    private mutating func addCode(_ code: String, indent: Int) {
        let block = codeBlockCount
        codeBlockCount += 1
        let available = max(width - indent, 4)
        for sourceLine in code.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = TextSanitizer.line(String(sourceLine))
            guard cutsCode, DisplayWidth.of(text) > available else {
                lines.append(Line(segments: text.isEmpty ? [] : [Segment(text: text, role: .codeBlock)], indent: indent, codeBlock: block))
                continue
            }
            var rest = text
            var firstPiece = true
            while !rest.isEmpty {
                let lead = firstPiece ? [] : [Segment(text: "↪ ", role: .continuation)]
                let (piece, remainder) = TextWrapper.split(rest, atColumns: available - (firstPiece ? 0 : 2))
                lines.append(Line(segments: lead + [Segment(text: piece, role: .codeBlock)], indent: indent, codeBlock: block))
                rest = remainder
                firstPiece = false
            }
        }
    }

    /// A word: the segments it is made of (text and code may touch, as in "`rucio`,").
    private typealias Word = [Segment]

    /// Greedy wrapping of styled words; `marker` starts the first line and later lines align after it.
    private mutating func wrap(_ spans: [RichText.Span], indent: Int, marker: String = "", role textRole: Role = .text) {
        let markerWidth = DisplayWidth.of(marker)
        let available = max(width - indent - markerWidth, 4)
        var current: [Segment] = marker.isEmpty ? [] : [Segment(text: marker, role: .text)]
        var currentWidth = 0
        func finishLine() {
            lines.append(Line(segments: current, indent: indent))
            current = []
            currentWidth = 0
        }
        func startContinuation() {
            if markerWidth > 0 { current = [Segment(text: String(repeating: " ", count: markerWidth), role: .text)] }
        }
        for entry in words(spans, textRole: textRole) {
            guard let word = entry else {
                finishLine()
                startContinuation()
                continue
            }
            let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if currentWidth > 0, currentWidth + 1 + wordWidth > available {
                finishLine()
                startContinuation()
            }
            if currentWidth > 0 {
                let between = current.last?.role == word.first?.role ? word.first?.role ?? textRole : textRole
                Self.append(Segment(text: " ", role: between), to: &current)
                currentWidth += 1
            }
            if wordWidth <= available - currentWidth {
                for segment in word { Self.append(segment, to: &current) }
                currentWidth += wordWidth
                continue
            }
            for segment in word {
                var rest = segment.text
                while !rest.isEmpty {
                    if currentWidth >= available {
                        finishLine()
                        startContinuation()
                    }
                    let (piece, remainder) = TextWrapper.split(rest, atColumns: available - currentWidth)
                    Self.append(Segment(text: piece, role: segment.role), to: &current)
                    currentWidth += DisplayWidth.of(piece)
                    rest = remainder
                }
            }
        }
        if currentWidth > 0 { finishLine() }
    }

    private static func append(_ segment: Segment, to line: inout [Segment]) {
        if let last = line.last, last.role == segment.role {
            line[line.count - 1].text += segment.text
        } else {
            line.append(segment)
        }
    }

    /// The words of a paragraph, sanitised; nil stands for a kept line break.
    private func words(_ spans: [RichText.Span], textRole: Role) -> [Word?] {
        var words: [Word?] = []
        var word: Word = []
        func finishWord() {
            if !word.isEmpty { words.append(word) }
            word = []
        }
        for span in spans {
            let (text, role): (String, Role)
            switch span {
            case .lineBreak:
                finishWord()
                words.append(nil)
                continue
            case .text(let value): (text, role) = (value, textRole)
            case .code(let value): (text, role) = (marksCode ? "`" + value + "`" : value, .code)
            }
            for (index, piece) in TextSanitizer.line(text).split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { finishWord() }
                if !piece.isEmpty { Self.append(Segment(text: String(piece), role: role), to: &word) }
            }
        }
        finishWord()
        return words
    }
}
