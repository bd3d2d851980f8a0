/// The house style of docs/authoring.md, checked by `validate --style`: a question ends with `?`,
/// offers more than one answer, answers are short, and an acronym is written out once per tree.
/// Each finding is a warning: style never fails a build.
public enum StyleCheck {
    /// Labels longer than this wrap on an 80-column terminal and read as paragraphs, not answers.
    public static let longestLabel = 80

    /// Acronyms every newcomer reads without help; any other is written out once in its tree.
    static let commonAcronyms: Set<String> = [
        "API", "CERN", "CLI", "CPU", "CSV", "EU", "FAQ", "GB", "GPU", "HTML", "HTTP", "HTTPS", "ID", "IT", "JSON",
        "KB", "MB", "OK", "OS", "PATH", "PB", "PC", "PDF", "PIN", "RAM", "README", "SQL", "SSH", "TB", "UK", "URL",
        "US", "USB", "YAML",
    ]

    /// The style warnings for the nodes of `tree` that `include` keeps (those of the checked
    /// files). An acronym written out in a tree the walk goes on into (`linked`) counts as
    /// explained: the newcomer reads it there.
    public static func diagnostics(for tree: Tree, linked: [Tree] = [], including include: (Node) -> Bool = { _ in true }) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let explained = ([tree] + linked).reduce(into: Set<String>()) { $0.formUnion(explainedAcronyms(in: $1)) }
        var reported: Set<String> = []
        for node in tree.orderedNodes where include(node) {
            if let question = node.question {
                if !question.text.trimmingSpaces.hasSuffix("?") {
                    diagnostics.append(.warning("style-question-mark", "question '\(node.id)' does not end with '?'; ask it as a question", at: node.location))
                }
                if question.choices.count == 1 {
                    diagnostics.append(.warning("style-one-choice", "question '\(node.id)' offers one answer; make it a resource, or add the other answers", at: node.location))
                }
                for (number, choice) in question.choices.enumerated() where choice.label.count > longestLabel {
                    diagnostics.append(.warning(
                        "style-long-label",
                        "choice \(number + 1) of '\(node.id)' is \(choice.label.count) characters; keep a label under \(longestLabel + 1) and move the rest to 'hint'",
                        at: choice.location))
                }
            }
            for acronym in acronyms(in: prose(of: node)) where !explained.contains(acronym) && reported.insert(acronym).inserted {
                diagnostics.append(.warning(
                    "style-acronym",
                    "'\(acronym)' is not written out in tree '\(tree.id)' or a tree it leads to; write it out once, as 'IAM (Identity and Access Management)' or 'Identity and Access Management (IAM)', or say what it is: 'ROOT (CERN's analysis framework)'",
                    at: node.location))
            }
        }
        return diagnostics
    }

    /// What a newcomer reads on the node: everything but commands, URLs and code.
    static func prose(of node: Node) -> [String] {
        switch node.content {
        case .question(let question):
            return [question.text] + FormatKeys.questionTexts.compactMap { question[keyPath: $0.path] }
                + question.choices.flatMap { [$0.label, $0.hint ?? ""] }
        case .resource(let resource):
            return [resource.title] + FormatKeys.resourceTexts.compactMap { resource[keyPath: $0.path] }
                + resource.links.compactMap(\.label) + resource.commands.map(\.does)
        }
    }

    /// The acronyms `texts` use outside code spans and addresses: words of two to eight capital
    /// letters and digits, starting with a letter, not among the common ones.
    static func acronyms(in texts: [String]) -> [String] {
        var found: [String] = []
        for text in texts {
            for word in words(ofProse: text) where isAcronym(word) && !commonAcronyms.contains(word) && !found.contains(word) {
                found.append(word)
            }
        }
        return found
    }

    /// An acronym is explained where it stands in brackets after its words, "Identity and Access
    /// Management (IAM)", or before them, "IAM (Identity and Access Management)", anywhere in the
    /// tree: its title and description included.
    static func explainedAcronyms(in tree: Tree) -> Set<String> {
        var explained: Set<String> = []
        let texts = [tree.title, tree.description] + tree.orderedNodes.flatMap(prose(of:))
        for text in texts {
            let characters = Array(text)
            for (index, character) in characters.enumerated() where character == "(" {
                let inside = characters[(index + 1)...].prefix { $0 != ")" }
                if index + 1 + inside.count < characters.count, isAcronym(String(inside)) {
                    explained.insert(String(inside))
                }
                let before = String(characters[..<index]).trimmingSpaces
                if let last = before.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).last,
                   before.hasSuffix(String(last)), isAcronym(String(last)),
                   inside.first?.isLetter == true, inside.count > last.count {
                    explained.insert(String(last))
                }
            }
        }
        return explained
    }

    static func isAcronym(_ word: String) -> Bool {
        let scalars = word.unicodeScalars
        guard (2...8).contains(scalars.count), let first = scalars.first, ("A"..."Z").contains(first) else { return false }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            && scalars.filter { ("A"..."Z").contains($0) }.count >= 2
    }

    /// The words of `text` outside `code spans`, each stripped of the punctuation prose puts
    /// around words; a piece such as `$PATH`, `#SBATCH`, `RC2-40-CBC` or an address is no word.
    private static func words(ofProse text: String) -> [String] {
        var words: [String] = []
        var inCode = false
        for piece in text.split(whereSeparator: \.isWhitespace) {
            var kept = ""
            for character in piece {
                if character == "`" {
                    inCode.toggle()
                    kept.append(" ")
                } else if !inCode {
                    kept.append(character)
                }
            }
            for part in kept.split(separator: " ") {
                var word = Substring(part)
                while let first = word.first, Self.enclosing.contains(first) { word.removeFirst() }
                while let last = word.last, Self.enclosing.contains(last) { word.removeLast() }
                if word.hasSuffix("'s") || word.hasSuffix("’s") { word.removeLast(2) } else if word.count > 2, word.last == "s" { word.removeLast() }
                words.append(String(word))
            }
        }
        return words
    }

    private static let enclosing: Set<Character> = ["(", ")", "[", "]", "\"", "'", "“", "”", "‘", "’", ",", ".", ":", ";", "!", "?", "*"]
}
