/// Where each table of a search snapshot lies in its file. The tables follow a fixed header in
/// a fixed order, each padded to 8 bytes, so their offsets follow from six counts alone.
struct SearchSnapshotLayout: Equatable {
    /// How many of each thing the snapshot holds; the header stores these.
    struct Counts: Equatable {
        var nodes = 0
        var fields = 0
        var textBytes = 0
        var rawBytes = 0
        var nodeBytes = 0
        var keyBytes = 0

        var all: [Int] { [nodes, fields, textBytes, rawBytes, nodeBytes, keyBytes] }

        init() {}

        init?(_ values: [Int]) {
            guard values.count == 6, values.allSatisfy({ $0 >= 0 && $0 <= Int(Int32.max) }) else { return nil }
            (nodes, fields, textBytes, rawBytes, nodeBytes, keyBytes) = (values[0], values[1], values[2], values[3], values[4], values[5])
        }
    }

    enum Table: Int, CaseIterable {
        /// Folded field texts, as in `SearchIndex.lower`, and the upper-case bits beside them.
        case text, upperBits
        case fieldStart, fieldEnd, fieldBonus
        /// Each field's `FieldMask`.
        case fieldMask
        /// What writing a result needs of its field, in one 16-byte record: its start and end
        /// in `text`, then where its original text starts in `raw` and, above three bits for
        /// its kind, that text's length. The original is kept only where it cannot be rebuilt
        /// from the folded text and its upper-case bits (anything but ASCII, or a carriage return).
        case fieldRecord, raw
        case nodeFieldStart, depth, titleLength, keyRank
        /// A record per node, laid out so that a breadcrumb is followed record to record with
        /// no other table read: the index of the node its breadcrumb comes from (-1 at a start,
        /// -2 when unreachable) and the offset of that node's record, the length of the step
        /// from there as JSON, that step, then the node's `{"tree":…,"node":…,"kind":…,"title":…,`
        /// as search results write it.
        case nodeStart, node
        /// Node keys: the tree id's bytes, then the node id's.
        case keyStart, keyTreeLength, key
    }

    static let headerSize = 120

    let counts: Counts
    private let offsets: [Int]
    /// Bytes after the header.
    let size: Int

    init(_ counts: Counts) {
        self.counts = counts
        var offsets: [Int] = []
        var position = Self.headerSize
        for table in Table.allCases {
            offsets.append(position)
            position += (Self.byteCount(of: table, counts) + 7) & ~7
        }
        self.offsets = offsets
        size = position - Self.headerSize
    }

    func offset(of table: Table) -> Int { offsets[table.rawValue] }

    static func byteCount(of table: Table, _ counts: Counts) -> Int {
        let nodes = counts.nodes, fields = counts.fields
        switch table {
        case .text: return counts.textBytes
        case .upperBits: return (counts.textBytes + 63) / 64 * 8
        case .fieldStart, .fieldEnd, .fieldBonus: return fields * 4
        case .fieldMask: return fields * 8
        case .fieldRecord: return fields * 16
        case .raw: return counts.rawBytes
        case .nodeFieldStart, .nodeStart, .keyStart: return (nodes + 1) * 4
        case .depth, .titleLength, .keyRank, .keyTreeLength: return nodes * 4
        case .node: return counts.nodeBytes
        case .key: return counts.keyBytes
        }
    }
}
