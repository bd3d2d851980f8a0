import CStemmer

/// Snowball's English (Porter2) stemmer: "downloading", "downloads" and "downloaded" all become
/// "download". One per thread of work: a Snowball stemmer keeps state between calls.
final class Stemmer {
    private let environment: UnsafeMutablePointer<SN_env>?
    private var known: [String: String] = [:]

    init() {
        environment = english_UTF_8_create_env()
    }

    deinit {
        english_UTF_8_close_env(environment)
    }

    /// The stem of a folded word; words with digits (x509, sha256) and short ones are kept whole.
    func stem(_ word: String) -> String {
        if let stem = known[word] { return stem }
        var stem = word
        if let environment, word.utf8.count > 2, word.utf8.count < 64, !word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            let bytes = Array(word.utf8)
            if SN_set_current(environment, Int32(bytes.count), bytes) == 0, english_UTF_8_stem(environment) >= 0,
               let result = environment.pointee.p {
                stem = String(decoding: UnsafeBufferPointer(start: result, count: Int(environment.pointee.l)), as: UTF8.self)
            }
        }
        known[word] = stem
        return stem
    }
}
