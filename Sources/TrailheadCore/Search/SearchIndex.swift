/// Every node of a catalog prepared for fuzzy search across its texts.
///
/// All field texts live folded in one contiguous byte buffer (lower-cased, accents removed),
/// with a bit per byte marking upper-case letters, so a search is a tight loop over memory
/// with no allocation per candidate. Field texts are kept as references to the catalog's
/// strings, to report what matched.
public struct SearchIndex: SearchEngine {
    /// Which part of a node a hit came from; hits in titles and labels count most.
    public enum Field: String, Sendable, Codable, CaseIterable {
        case title, label, tag, hint, body, command, link

        /// Every field by its position in `allCases` (which makes a new array each time it is read).
        static let byNumber = allCases

        /// Added to a term's match score in this field. Additive rather than a multiplier, so a
        /// tight match in body text still beats letters scattered across a title.
        var bonus: Int {
            switch self {
            case .title: 40
            case .label: 36
            case .tag: 28
            case .hint: 16
            case .command: 16
            case .link: 8
            case .body: 0
            }
        }

        /// A node's own heading, or the answer that leads to it: what a tie on score is settled by first.
        var isHeading: Bool { self == .title || self == .label }

        /// The least bonus of a heading: titles and labels count most, so the search loop, which
        /// knows only bonuses, tells a heading by its bonus (a test keeps the two in step).
        static let headingBonus = Field.label.bonus
    }

    var lower: [UInt8] = []
    var upperBits: [UInt64] = []
    var fieldStart: [Int32] = []
    var fieldEnd: [Int32] = []
    var fieldKind: [Field] = []
    /// `fieldKind[f].bonus`, kept beside the byte ranges for the search loop.
    var fieldBonus: [Int32] = []
    /// Each field's `FieldMask`, beside its byte range.
    var fieldMask: [UInt64] = []
    var fieldText: [String] = []
    /// Node `n` owns fields `nodeFieldStart[n] ..< nodeFieldStart[n + 1]`.
    var nodeFieldStart: [Int32] = [0]
    var keys: [NodeKey] = []
    var depth: [Int32] = []
    var titleLength: [Int32] = []

    public init(catalog: Catalog) {
        catalog.decodeAllNodes()
        let routes = catalog.routes
        let incoming = routes.incomingLabels()
        // Every node in catalog order, by number, cut in parts built on every core and joined:
        // the index is the same as one built in a single pass.
        let trees = catalog.trees.map { (id: $0.id, order: $0.nodeOrder, nodes: $0.nodes) }
        let total = routes.keys.count
        let partCount = Cores.parts(for: total, minimumPerPart: 2048)
        let parts = OrderedParallelMap.map(count: partCount, chunks: partCount) { partNumber in
            var part = SearchIndex()
            let range = (total * partNumber / partCount)..<(total * (partNumber + 1) / partCount)
            part.lower.reserveCapacity(range.count * 256)
            part.upperBits.reserveCapacity(range.count * 4 + 1)
            var position = 0
            for number in range {
                while routes.treeOffset.count > position + 1, routes.treeOffset[position + 1] <= number { position += 1 }
                let tree = trees[position]
                let id = tree.order[number - routes.treeOffset[position]]
                guard let node = tree.nodes[id] else { continue }
                let labels = incoming.labels[Int(incoming.starts[number])..<Int(incoming.starts[number + 1])]
                part.add(key: routes.keys[number], node: node, labels: labels, depth: routes.depth(of: Int32(number)) ?? Int(Int32.max / 2))
            }
            return part
        }
        self = parts[0]
        parts.dropFirst().forEach { append($0) }
    }

    private init() {}

    /// Appends another index's nodes after this one's, as if they had been added here.
    private mutating func append(_ other: SearchIndex) {
        let base = lower.count, shift = UInt64(base % 64)
        lower += other.lower
        upperBits += repeatElement(0, count: max(0, (lower.count + 63) / 64 - upperBits.count))
        for (offset, word) in other.upperBits.enumerated() where word != 0 {
            let index = base / 64 + offset
            upperBits[index] |= word << shift
            if shift > 0, word >> (64 - shift) != 0 { upperBits[index + 1] |= word >> (64 - shift) }
        }
        fieldStart += other.fieldStart.map { $0 + Int32(base) }
        fieldEnd += other.fieldEnd.map { $0 + Int32(base) }
        let fieldBase = Int32(fieldKind.count)
        fieldKind += other.fieldKind
        fieldBonus += other.fieldBonus
        fieldMask += other.fieldMask
        fieldText += other.fieldText
        nodeFieldStart += other.nodeFieldStart.dropFirst().map { $0 + fieldBase }
        keys += other.keys
        depth += other.depth
        titleLength += other.titleLength
    }

    /// Fields go in decreasing order of bonus, so scoring can stop once no later field can win.
    private mutating func add(key: NodeKey, node: Node, labels: ArraySlice<String>, depth: Int) {
        NodeFields.forEach(of: node, labels: labels) { addField($0, $1) }
        nodeFieldStart.append(Int32(fieldKind.count))
        keys.append(key)
        self.depth.append(Int32(clamping: depth))
        titleLength.append(Int32(clamping: node.heading.count))
    }

    private mutating func addField(_ kind: Field, _ text: String) {
        fieldStart.append(Int32(lower.count))
        var text = text
        let appendedASCII = text.withUTF8 { bytes in
            // The common case in bulk: copy the bytes, then lower-case them and mark the upper-case ones.
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            let start = lower.count
            lower.append(contentsOf: bytes)
            growUpperBits(to: lower.count)
            upperBits.withUnsafeMutableBufferPointer { bits in
                for (offset, byte) in bytes.enumerated() where FuzzyMatcher.isUpper(byte) {
                    let position = start + offset
                    bits[position / 64] |= 1 << UInt64(position % 64)
                }
            }
            // Lower-cased in place: only A–Z change.
            lower.withUnsafeMutableBufferPointer { folded in
                for position in start..<folded.count {
                    let byte = folded[position]
                    folded[position] = byte | (FuzzyMatcher.isUpper(byte) ? 0x20 : 0)
                }
            }
            return true
        }
        if !appendedASCII {
            let folded = TextFolding.fold(text)
            for (offset, byte) in folded.lower.enumerated() {
                appendByte(byte, upper: folded.cased[offset] != byte)
            }
        }
        fieldEnd.append(Int32(lower.count))
        let start = Int(fieldStart[fieldStart.count - 1])
        fieldMask.append(lower.withUnsafeBufferPointer { FieldMask.of(UnsafeBufferPointer(rebasing: $0[start...])) })
        // A separator between fields, so a fuzzy term never runs from one field into the next.
        appendByte(0x0A, upper: false)
        fieldKind.append(kind)
        fieldBonus.append(Int32(kind.bonus))
        fieldText.append(text)
    }

    private mutating func growUpperBits(to count: Int) {
        let needed = (count + 63) / 64
        if needed > upperBits.count { upperBits.append(contentsOf: repeatElement(0, count: needed - upperBits.count)) }
    }

    private mutating func appendByte(_ byte: UInt8, upper: Bool) {
        let position = lower.count
        if position / 64 >= upperBits.count { upperBits.append(0) }
        if upper { upperBits[position / 64] |= 1 << UInt64(position % 64) }
        lower.append(byte)
    }
}
