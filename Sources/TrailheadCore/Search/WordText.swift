/// Text as word search reads it: folded (lower case, accents removed), cut into words of letters
/// and digits, with the words that carry no meaning in a question set apart.
enum WordText {
    /// A word and the characters of the text it was cut from, for highlighting.
    struct Word: Equatable {
        var text: String
        var characters: Range<Int>
    }

    /// Words asked in questions that say nothing of the topic ("how do I …", "where can I …").
    static let stopWords: Set<String> = [
        "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "do", "does",
        "did", "doing", "for", "from", "get", "go", "got", "has", "have", "hi", "how", "i", "if", "in", "into", "is", "it",
        "its", "just", "know", "like", "make", "many", "me", "mine", "much", "my", "need", "new", "no", "not", "of", "on", "one", "or", "please", "should", "so",
        "some", "that", "the", "their", "then", "there", "these", "this", "to", "up", "use", "using", "want", "was", "way",
        "we", "what", "when", "where", "which", "who", "why", "will", "with", "work", "working", "works", "would", "you", "your",
    ]

    /// The folded words of `text`, in order.
    static func words(_ text: String) -> [Word] {
        var text = text
        if let ascii = text.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? asciiWords(bytes) : nil }) { return ascii }
        var words: [Word] = []
        var current: [UInt8] = []
        var start = 0
        var index = 0
        func finish() {
            if !current.isEmpty { words.append(Word(text: String(decoding: current, as: UTF8.self), characters: start..<index)) }
            current = []
        }
        for character in text {
            let folded = TextFolding.fold(String(character)).lower
            if let first = folded.first, folded.allSatisfy({ Self.isWordByte($0) }), first != 0 {
                if current.isEmpty { start = index }
                current += folded
            } else {
                finish()
            }
            index += 1
        }
        finish()
        return words
    }

    /// The common case without a character to fold: bytes are characters.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        var start = -1
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] | (bytes[index] >= 0x41 && bytes[index] <= 0x5A ? 0x20 : 0) : 0
            if index < bytes.count, isWordByte(byte) {
                if start < 0 { start = index }
            } else if start >= 0 {
                var word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if bytes[start..<index].contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { word = word.lowercased() }
                words.append(Word(text: word, characters: start..<index))
                start = -1
            }
        }
        return words
    }

    /// ASCII letters and digits, and the bytes of any letter beyond ASCII.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
}
