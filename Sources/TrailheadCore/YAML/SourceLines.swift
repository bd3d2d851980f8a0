/// A file's bytes with the offset of each line, to find text by line and column as YAML counts
/// them (a line ends at LF, CR LF or a lone CR; a column is a character; a byte-order mark at
/// the start is no column). Indexed once, so each lookup costs only the lines it reads.
struct SourceLines {
    let bytes: [UInt8]
    /// The offset of the first byte of each line; line 1 is `starts[0]`.
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        var index = starts[0]
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                starts.append(index + 1)
            }
            index += 1
        }
        self.starts = starts
    }

    /// The offset of the byte at `line`:`column`, or nil when there is no such place.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= starts.count else { return nil }
        var index = starts[line - 1]
        var current = 1
        let end = line < starts.count ? starts[line] : bytes.count
        while index < end {
            if current == column { return index }
            if bytes[index] & 0xC0 != 0x80 && bytes[index] != 0x0D { current += 1 }
            index += 1
        }
        return current == column ? index : nil
    }

    /// The line and column of the byte at `offset`.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = bytes[starts[low]..<min(offset, bytes.count)].count { $0 & 0xC0 != 0x80 && $0 != 0x0D } + 1
        return (low + 1, column)
    }

    /// Where `needle` is first written from `line`:`column` on, within `lines` lines: a
    /// placeholder inside a quoted or block value, whose text is not the file's byte for byte.
    func position(of needle: String, from line: Int, column: Int, lines: Int) -> (line: Int, column: Int)? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, let start = offset(line: line, column: column) else { return nil }
        let end = line + lines <= starts.count ? starts[line + lines - 1] : bytes.count
        guard end - start >= pattern.count else { return nil }
        for index in start...(end - pattern.count) where bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
            return position(ofByte: index)
        }
        return nil
    }
}
