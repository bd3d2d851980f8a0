import Glibc

/// Every node's words, for a query a newcomer writes in words: a question, a sentence, a typo, a
/// pasted error message. Ranked by BM25 over weighted fields (titles and labels count most), with
/// stemming, stop words, the trees' `aliases`, one or two typos forgiven, the last word matched as
/// a prefix while it is typed, and the trees' `errors` fragments matched against pasted text.
public struct WordIndex: Sendable {
    /// How sure a result is: only confident ones are offered as answers.
    public struct Ranked: Sendable, Equatable {
        public var results: [SearchResult]
        /// For each result, whether it answers the query (enough of its words found) rather than
        /// merely sharing a word with it.
        public var confident: [Bool]
    }

    /// A node whose `errors` fragment matches pasted text.
    public struct ErrorMatch: Sendable, Equatable {
        public var key: NodeKey
        /// The fragment as written in the tree.
        public var fragment: String
        /// How much of the text the fragment's literal pieces cover: longer is more specific.
        public var covered: Int
    }

    typealias Posting = (node: Int32, frequency: Float)

    private let catalog: Catalog
    private let labels: (starts: [Int32], labels: [String])
    private(set) var keys: [NodeKey] = []
    private var termIDs: [String: Int32] = [:]
    private var postings: [[Posting]] = []
    /// Each folded word seen, with its term, sorted for prefix lookups.
    private var surfaces: [(word: String, term: Int32)] = []
    private var surfaceIDs: [String: Int32] = [:]
    /// BM25's length normalisation per node: k1 × (1 − b + b × length / average length).
    private var lengthNorm: [Float] = []
    /// A resource is what a newcomer came for: on a tie with the question that leads to it, it wins.
    private var resourceBoost: [Float] = []
    /// The stems `aliases` make equivalent to a stem (a word of a group may appear in no node).
    private var aliases: [String: [String]] = [:]
    private var errors: [(node: Int32, fragment: String, pieces: [String])] = []

    /// How much a word in each field counts, as repeated occurrences (BM25F).
    static func weight(of field: SearchIndex.Field) -> Float {
        switch field {
        case .title: 4
        case .label: 3
        case .tag: 2.5
        case .hint: 1.2
        case .command: 1
        case .body: 1
        case .link: 0.5
        }
    }

    public init(catalog: Catalog) {
        catalog.decodeAllNodes()
        self.catalog = catalog
        let routes = catalog.routes
        let incoming = routes.incomingLabels()
        labels = (incoming.starts, Array(incoming.labels))
        let stemmer = Stemmer()
        // Postings grow in node order, so a term met again in the same node adds to its last one.
        var lastNode: [Int32] = []
        for (number, key) in routes.keys.enumerated() {
            guard let node = catalog.node(key) else { continue }
            let nodeNumber = Int32(keys.count)
            keys.append(key)
            var length: Float = 0
            let nodeLabels = incoming.labels[Int(incoming.starts[number])..<Int(incoming.starts[number + 1])]
            NodeFields.forEach(of: node, labels: nodeLabels) { field, text in
                let weight = Self.weight(of: field)
                for word in WordText.words(text) {
                    let term = Int(termID(for: word.text, stemmer: stemmer))
                    if term == postings.count {
                        postings.append([])
                        lastNode.append(-1)
                    }
                    if lastNode[term] == nodeNumber {
                        postings[term][postings[term].count - 1].frequency += weight
                    } else {
                        postings[term].append((nodeNumber, weight))
                        lastNode[term] = nodeNumber
                    }
                    length += weight
                }
            }
            for fragment in node.errors {
                errors.append((nodeNumber, fragment, ErrorText.pieces(of: fragment)))
            }
            lengthNorm.append(length)
            resourceBoost.append(node.isResource ? 1.15 : 1)
        }
        let averageLength = max(1, lengthNorm.reduce(0, +) / Float(max(1, lengthNorm.count)))
        lengthNorm = lengthNorm.map { 1.2 * (0.25 + 0.75 * $0 / averageLength) }
        surfaces = surfaceIDs.map { ($0.key, $0.value) }.sorted { $0.word < $1.word }
        for tree in catalog.trees {
            for group in tree.aliases {
                let stems = Set(group.flatMap { WordText.words($0) }.map { stemmer.stem($0.text) })
                for stem in stems { aliases[stem, default: []] += stems.filter { $0 != stem } }
            }
        }
    }

    private mutating func termID(for word: String, stemmer: Stemmer) -> Int32 {
        if let known = surfaceIDs[word] { return known }
        let stem = stemmer.stem(word)
        let id: Int32
        if let existing = termIDs[stem] {
            id = existing
        } else {
            id = Int32(termIDs.count)
            termIDs[stem] = id
        }
        surfaceIDs[word] = id
        return id
    }

    // MARK: - Errors

    /// The nodes whose `errors` fragments occur in `text`, most specific first.
    public func explain(_ text: String) -> [ErrorMatch] {
        let normalized = ErrorText.normalized(text)
        var best: [Int32: (fragment: String, covered: Int)] = [:]
        for entry in errors {
            guard let covered = ErrorText.match(entry.pieces, in: normalized) else { continue }
            if covered > best[entry.node]?.covered ?? -1 { best[entry.node] = (entry.fragment, covered) }
        }
        return best.map { ErrorMatch(key: keys[Int($0.key)], fragment: $0.value.fragment, covered: $0.value.covered) }
            .sorted { ($0.covered, $1.key) > ($1.covered, $0.key) }
    }

    // MARK: - Words

    /// One word of the query and the terms it may stand for, each with how well it matches.
    struct Slot {
        var word: String
        var candidates: [(term: Int32, quality: Float)]
        /// What finding this word is worth: the rarest of its candidates, or a fairly rare word's
        /// worth when nothing in the trees resembles it.
        var weight: Float
    }

    /// The nodes `text` is about, best first, at most `limit`.
    public func search(_ text: String, limit: Int = 200) -> Ranked {
        let slots = self.slots(text)
        let errorMatches = explain(text)
        guard !slots.isEmpty || !errorMatches.isEmpty else { return Ranked(results: [], confident: []) }
        // Flat arrays rather than dictionaries: a common word's postings run to every node.
        var scores = [Float](repeating: 0, count: keys.count)
        var found = [Float](repeating: 0, count: keys.count)
        var slotBest = [Float](repeating: 0, count: keys.count)
        var slotQuality = [Float](repeating: 0, count: keys.count)
        var touched: [Int32] = []
        for slot in slots {
            var slotTouched: [Int32] = []
            for (term, termQuality) in slot.candidates {
                let list = postings[Int(term)]
                let idf = inverseFrequency(list.count)
                for (node, frequency) in list {
                    let number = Int(node)
                    let value = termQuality * idf * frequency * 2.2 / (frequency + lengthNorm[number])
                    if slotBest[number] == 0 { slotTouched.append(node) }
                    slotBest[number] = max(slotBest[number], value)
                    slotQuality[number] = max(slotQuality[number], termQuality)
                }
            }
            for node in slotTouched {
                let number = Int(node)
                if scores[number] == 0 { touched.append(node) }
                scores[number] += slotBest[number] * resourceBoost[number]
                // A word found through a typo or an alias counts for less of what the query asks.
                found[number] += slot.weight * slotQuality[number]
                slotBest[number] = 0
                slotQuality[number] = 0
            }
        }
        let totalWeight = max(slots.reduce(0) { $0 + $1.weight }, 0.001)
        for match in errorMatches {
            guard let node = keys.firstIndex(of: match.key) else { continue }
            if scores[node] == 0 { touched.append(Int32(node)) }
            scores[node] += 50 + Float(match.covered)
            found[node] = totalWeight
        }
        let ranked = Self.best(touched, by: scores, limit: limit)
        let matchedTerms = Set(slots.flatMap { $0.candidates.map(\.term) })
        let results = ranked.map { result(for: $0, score: scores[Int($0)], terms: matchedTerms) }
        // Confident: most of what the query asks is found (70% of its weight), and the hit is not a lone common word.
        let confident = ranked.map { node in found[Int(node)] / totalWeight >= 0.7 && scores[Int(node)] >= 1.5 }
        return Ranked(results: results, confident: confident)
    }

    /// The `limit` best of `nodes` by score (ties to the earlier node), best first, without
    /// sorting them all: a common word touches most of a large catalog.
    static func best(_ nodes: [Int32], by scores: [Float], limit: Int) -> [Int32] {
        SearchIndex.top(nodes, limit: limit) { lhs, rhs in
            let (left, right) = (scores[Int(lhs)], scores[Int(rhs)])
            return left != right ? left > right : lhs < rhs
        }
    }

    /// The query's words that carry meaning, each with the terms it may stand for.
    func slots(_ text: String) -> [Slot] {
        let words = joiningCompounds(WordText.words(text))
        let meaningful = words.filter { !WordText.stopWords.contains($0.text) }
        let kept = (meaningful.isEmpty ? words : meaningful).prefix(16)
        let typing = !(text.last.map { $0 == " " || $0 == "\n" } ?? true)
        let stemmer = Stemmer()
        // A word no node has weighs as one a few nodes have: enough that a question about
        // something else is not answered, not so much that one odd word sinks a good match.
        let unknown = inverseFrequency(max(2, keys.count / 50))
        return kept.enumerated().map { index, word in
            var candidates: [(term: Int32, quality: Float)] = []
            func add(_ term: Int32, _ quality: Float) {
                if let existing = candidates.firstIndex(where: { $0.term == term }) {
                    candidates[existing].quality = max(candidates[existing].quality, quality)
                } else {
                    candidates.append((term, quality))
                }
            }
            let stem = stemmer.stem(word.text)
            if let term = surfaceIDs[word.text] ?? termIDs[stem] {
                add(term, 1)
            }
            for alias in aliases[stem] ?? [] {
                if let term = termIDs[alias] { add(term, 0.9) }
            }
            if index == kept.count - 1, typing, word.text.count >= 2 {
                for term in prefixTerms(word.text) { add(term, 0.8) }
            }
            if candidates.isEmpty, word.text.count >= 4 {
                for (term, edits) in nearTerms(word.text, maximumEdits: word.text.count >= 8 ? 2 : 1) {
                    // A long word with one slip is nearly surely meant; a short one may be another word.
                    add(term, edits == 2 ? 0.55 : word.text.count >= 8 ? 0.8 : 0.65)
                }
                let near = candidates.compactMap { candidate in termIDs.first { $0.value == candidate.term }?.key }
                for alias in near.flatMap({ aliases[$0] ?? [] }) {
                    if let term = termIDs[alias] { add(term, 0.6) }
                }
            }
            let weight = candidates.map { inverseFrequency(postings[Int($0.term)].count) }.max() ?? unknown
            return Slot(word: word.text, candidates: candidates, weight: weight)
        }
    }

    /// Two words a newcomer writes apart that the trees write as one, joined: the joined word is
    /// what the nodes contain.
    private func joiningCompounds(_ words: [WordText.Word]) -> [WordText.Word] {
        var joined: [WordText.Word] = []
        var index = 0
        while index < words.count {
            if index + 1 < words.count, isCompound(words[index].text, words[index + 1].text) {
                joined.append(WordText.Word(
                    text: words[index].text + words[index + 1].text,
                    characters: words[index].characters.lowerBound..<words[index + 1].characters.upperBound))
                index += 2
            } else {
                joined.append(words[index])
                index += 1
            }
        }
        return joined
    }

    /// Joined only when read apart the pair says less: its second word is a stop word or one of
    /// them is unknown ("log in", "set up"); a question's own words do not start one ("do I" is
    /// not "doi"), and two known words stay two ("voms proxy" is not `VOMSPROXY_FILE`).
    private func isCompound(_ first: String, _ second: String) -> Bool {
        guard !WordText.stopWords.contains(first), surfaceIDs[first + second] != nil else { return false }
        return WordText.stopWords.contains(second) || surfaceIDs[first] == nil || surfaceIDs[second] == nil
    }

    private func inverseFrequency(_ documents: Int) -> Float {
        let total = Float(max(keys.count, 1))
        return log(1 + (total - Float(documents) + 0.5) / (Float(documents) + 0.5))
    }

    /// Terms of the folded words that start with `prefix` (at most 64 words looked at).
    private func prefixTerms(_ prefix: String) -> [Int32] {
        var low = 0, high = surfaces.count
        while low < high {
            let middle = (low + high) / 2
            if surfaces[middle].word < prefix { low = middle + 1 } else { high = middle }
        }
        var terms: [Int32] = []
        var index = low
        while index < surfaces.count, index - low < 64, surfaces[index].word.hasPrefix(prefix) {
            if surfaces[index].word != prefix { terms.append(surfaces[index].term) }
            index += 1
        }
        return terms
    }

    /// Terms of the folded words within `maximumEdits` of `word` (insertions, deletions,
    /// substitutions, and a swap of neighbours counting as one).
    private func nearTerms(_ word: String, maximumEdits: Int) -> [(Int32, Int)] {
        let target = Array(word.utf8)
        var found: [(Int32, Int)] = []
        for (surface, term) in surfaces {
            let candidate = surface.utf8
            guard abs(candidate.count - target.count) <= maximumEdits, candidate.first == target.first || maximumEdits > 1 else { continue }
            if let edits = Self.editDistance(target, Array(candidate), atMost: maximumEdits) { found.append((term, edits)) }
        }
        return found
    }

    /// Optimal-string-alignment distance, or nil when it is over `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], atMost limit: Int) -> Int? {
        if a == b { return 0 }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowBest = current[0]
            for j in 1..<(b.count + 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previousPrevious[j - 2] + 1) }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        let distance = a.isEmpty ? b.count : previous[b.count]
        return distance <= limit ? distance : nil
    }

    // MARK: - Results

    /// The node's field where most of the matched words are, weighted, with those words marked.
    private func result(for node: Int32, score: Float, terms: Set<Int32>) -> SearchResult {
        let key = keys[Int(node)]
        var best: (field: SearchIndex.Field, text: String, positions: [Int], value: Float)?
        if let catalogNode = catalog.node(key), let number = catalog.routes.number(of: key) {
            let nodeLabels = labels.labels[Int(labels.starts[Int(number)])..<Int(labels.starts[Int(number) + 1])]
            NodeFields.forEach(of: catalogNode, labels: nodeLabels) { field, text in
                var positions: [Int] = []
                for word in WordText.words(text) where surfaceIDs[word.text].map(terms.contains) == true {
                    positions += Array(word.characters)
                }
                let value = Float(positions.count) * Self.weight(of: field)
                if value > best?.value ?? 0 { best = (field, text, positions, value) }
            }
        }
        let shown = best ?? (.title, catalog.node(key)?.heading ?? key.description, [], 0)
        return SearchResult(key: key, score: Int(score * 100), field: shown.field, matchedText: shown.text, positions: shown.positions)
    }
}
