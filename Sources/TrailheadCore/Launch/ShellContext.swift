/// Where a placeholder stands in a command, as a POSIX shell reads the text around it: what
/// decides how its value must be quoted to stay one literal piece of text.
public enum ShellContext: Equatable, Sendable {
    /// Outside any quotes: the value is quoted as a word of its own.
    case word
    /// Inside `'…'`.
    case singleQuoted
    /// Inside `"…"`, where `$`, backquotes and backslashes still act.
    case doubleQuoted
    /// In the body of a here-document; `expanding` when its delimiter is unquoted, so `$`,
    /// backquotes and backslashes act there.
    case hereDocument(expanding: Bool)
    /// A place no quoting makes safe (after a backslash, inside backquotes, `$'…'` or `${…}`);
    /// `reason` says where and what to do instead, for the author.
    case unquotable(reason: String)

    /// The contexts of the placeholders among `segments`, one per placeholder, in order.
    public static func contexts(of segments: [PlaceholderScanner.Segment]) -> [ShellContext] {
        var reader = ShellContextReader()
        for segment in segments {
            switch segment {
            case .literal(let text): reader.read(text)
            case .placeholder: reader.placeholder()
            }
        }
        return reader.contexts
    }
}

/// A small POSIX shell lexer that follows quotes, substitutions, comments and here-documents
/// through a command's literal text, and notes the context at each placeholder.
struct ShellContextReader {
    private enum Frame: Equatable {
        /// Inside `$(…)`, with the depth of parentheses opened within it.
        case substitution(depth: Int)
        case doubleQuoted, singleQuoted, ansiC, backquoted, parameter
    }

    private struct HereDocument {
        var delimiter: String
        var stripsTabs: Bool
        var expanding: Bool
    }

    private(set) var contexts: [ShellContext] = []
    private var frames: [Frame] = []
    private var escaped = false
    private var inComment = false
    private var atWordStart = true
    private var pending: [HereDocument] = []
    /// The here-document whose body is being read, the text of its current line, whether a
    /// placeholder stands on that line, and the substitutions open within the body.
    private var body: HereDocument?
    private var bodyLine = ""
    private var bodyLineHasPlaceholder = false
    private var bodySubstitutions = 0
    private var bodyBackquoted = false
    /// Characters of an operator that needs lookahead (`$`, `<`, `<<`) and of a delimiter word.
    private var lookahead: [Unicode.Scalar] = []
    private var delimiter: (word: String, quoted: Bool, quote: Unicode.Scalar?, stripsTabs: Bool, started: Bool)?

    mutating func read(_ text: String) {
        for scalar in text.unicodeScalars { take(scalar) }
    }

    mutating func placeholder() {
        flushLookahead()
        if delimiter != nil {
            contexts.append(.unquotable(reason: "it is part of a here-document's delimiter (write the delimiter without it)"))
            return
        }
        if let body {
            bodyLineHasPlaceholder = true
            if escaped {
                escaped = false
                contexts.append(.unquotable(reason: "it follows a backslash (remove the backslash)"))
            } else if body.expanding && (bodySubstitutions > 0 || bodyBackquoted) {
                contexts.append(.unquotable(reason: "it is inside a command substitution in a here-document (take it out of the $(…))"))
            } else {
                contexts.append(.hereDocument(expanding: body.expanding))
            }
            return
        }
        if escaped {
            escaped = false
            contexts.append(.unquotable(reason: "it follows a backslash (remove the backslash)"))
            return
        }
        atWordStart = false
        if inComment {
            contexts.append(.word)
            return
        }
        switch frames.last {
        case nil, .substitution: contexts.append(.word)
        case .doubleQuoted: contexts.append(.doubleQuoted)
        case .singleQuoted: contexts.append(.singleQuoted)
        case .ansiC: contexts.append(.unquotable(reason: "it is inside $'…' (put it outside, or use '…')"))
        case .backquoted: contexts.append(.unquotable(reason: "it is inside backquotes (use $(…) instead)"))
        case .parameter: contexts.append(.unquotable(reason: "it is inside ${…} (put it outside)"))
        }
    }

    private mutating func take(_ scalar: Unicode.Scalar) {
        if body != nil {
            takeInBody(scalar)
            return
        }
        if delimiter != nil {
            takeInDelimiter(scalar)
            return
        }
        if !lookahead.isEmpty {
            lookahead.append(scalar)
            resolveLookahead()
            return
        }
        takeNow(scalar)
    }

    private mutating func takeNow(_ scalar: Unicode.Scalar) {
        if escaped {
            escaped = false
            atWordStart = false
            return
        }
        if inComment {
            if scalar == "\n" { endLine() }
            return
        }
        switch frames.last {
        case .singleQuoted:
            if scalar == "'" { frames.removeLast() }
        case .ansiC:
            if scalar == "\\" { escaped = true } else if scalar == "'" { frames.removeLast() }
        case .backquoted:
            if scalar == "\\" { escaped = true } else if scalar == "`" { frames.removeLast() }
        case .parameter:
            if scalar == "\\" { escaped = true } else if scalar == "}" { frames.removeLast() }
        case .doubleQuoted:
            switch scalar {
            case "\\": escaped = true
            case "\"": frames.removeLast()
            case "`": frames.append(.backquoted)
            case "$": lookahead = [scalar]
            default: break
            }
        case nil, .substitution:
            takeUnquoted(scalar)
        }
    }

    private mutating func takeUnquoted(_ scalar: Unicode.Scalar) {
        let wordStart = atWordStart
        atWordStart = false
        switch scalar {
        case "\\": escaped = true
        case "'": frames.append(.singleQuoted)
        case "\"": frames.append(.doubleQuoted)
        case "`": frames.append(.backquoted)
        case "$", "<": lookahead = [scalar]
        case "#" where wordStart: inComment = true
        case "(":
            if case .substitution(let depth) = frames.last { frames[frames.count - 1] = .substitution(depth: depth + 1) }
            atWordStart = true
        case ")":
            if case .substitution(let depth) = frames.last {
                if depth == 0 { frames.removeLast() } else { frames[frames.count - 1] = .substitution(depth: depth - 1) }
            }
            atWordStart = true
        case "\n":
            endLine()
        case " ", "\t", ";", "&", "|", ">":
            atWordStart = true
        default:
            break
        }
    }

    /// Decides `$x`, `$(`, `${`, `$'`, `<<`, `<<-` and `<<<` once the next character is known.
    private mutating func resolveLookahead() {
        let first = lookahead[0]
        if first == "$" {
            let next = lookahead[1]
            lookahead = []
            switch next {
            case "(": frames.append(.substitution(depth: 0))
            case "{": frames.append(.parameter)
            case "'" where frames.last != .doubleQuoted: frames.append(.ansiC)
            default: takeNow(next)
            }
            return
        }
        // `<` seen unquoted.
        if lookahead.count == 2 {
            if lookahead[1] != "<" {
                let next = lookahead[1]
                lookahead = []
                atWordStart = true
                takeNow(next)
            }
            return
        }
        let third = lookahead[2]
        lookahead = []
        atWordStart = true
        switch third {
        case "<": break
        case "-": delimiter = ("", false, nil, true, false)
        default:
            delimiter = ("", false, nil, false, false)
            takeInDelimiter(third)
        }
    }

    private mutating func flushLookahead() {
        guard !lookahead.isEmpty else { return }
        let held = lookahead
        lookahead = []
        if held == ["$"] { return }
        atWordStart = true
        if held == ["<", "<"] { delimiter = ("", false, nil, false, false) }
    }

    /// Reads a here-document's delimiter word: quotes around any part of it stop expansion in its body.
    private mutating func takeInDelimiter(_ scalar: Unicode.Scalar) {
        guard var word = delimiter else { return }
        if let quote = word.quote {
            if scalar == quote { word.quote = nil } else { word.word.unicodeScalars.append(scalar) }
            delimiter = word
            return
        }
        if (scalar == " " || scalar == "\t") && !word.started { return }
        switch scalar {
        case "'", "\"":
            word.quote = scalar
            word.quoted = true
            word.started = true
        case "\\":
            word.quoted = true
            word.started = true
        case " ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")":
            delimiter = nil
            pending.append(HereDocument(delimiter: word.word, stripsTabs: word.stripsTabs, expanding: !word.quoted))
            takeNow(scalar)
            return
        default:
            word.word.unicodeScalars.append(scalar)
            word.started = true
        }
        delimiter = word
    }

    private mutating func endLine() {
        inComment = false
        atWordStart = true
        if !pending.isEmpty { body = pending.removeFirst() }
    }

    private mutating func takeInBody(_ scalar: Unicode.Scalar) {
        guard let current = body else { return }
        if scalar == "\n" {
            let line = current.stripsTabs ? String(bodyLine.drop { $0 == "\t" }) : bodyLine
            if !bodyLineHasPlaceholder && line == current.delimiter {
                body = pending.isEmpty ? nil : pending.removeFirst()
                bodySubstitutions = 0
                bodyBackquoted = false
            }
            bodyLine = ""
            bodyLineHasPlaceholder = false
            escaped = false
            return
        }
        bodyLine.unicodeScalars.append(scalar)
        guard current.expanding else { return }
        if escaped {
            escaped = false
            return
        }
        switch scalar {
        case "\\": escaped = true
        case "`": bodyBackquoted.toggle()
        case "(" where bodyLine.unicodeScalars.dropLast().last == "$": bodySubstitutions += 1
        case "{" where bodyLine.unicodeScalars.dropLast().last == "$": bodySubstitutions += 1
        case ")", "}": if bodySubstitutions > 0 { bodySubstitutions -= 1 }
        default: break
        }
    }
}
