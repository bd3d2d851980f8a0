import CStemmer

/// Snowball's English (Porter2) stemmer: "downloading", "downloads" and "downloaded" all become
/// "download". One per thread of work: a Snowball stemmer keeps state between calls.
final class Stemmer {
    private let stemmer: OpaquePointer?
    private var known: [String: String] = [:]

    init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        sb_stemmer_delete(stemmer)
    }

    /// The stem of a folded word; words with digits (x509, sha256) and short ones are kept whole.
    func stem(_ word: String) -> String {
        if let stem = known[word] { return stem }
        var stem = word
        if let stemmer, word.utf8.count > 2, word.utf8.count < 64, !word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            let bytes = Array(word.utf8)
            if let result = sb_stemmer_stem(stemmer, bytes, Int32(bytes.count)) {
                let length = Int(sb_stemmer_length(stemmer))
                stem = String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
        }
        known[word] = stem
        return stem
    }
}
