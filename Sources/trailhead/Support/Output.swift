import Dispatch
import TrailheadCore
import TrailheadProcess

#if canImport(Glibc)
import Glibc
#endif

/// Writing to stdout and stderr; every message about tree content is sanitized before it gets here.
enum Output {
    static func line(_ text: String) {
        print(forLocale(text))
    }

    /// Text as the locale can show it (see `Environment.textIsASCII`).
    static func forLocale(_ text: String) -> String {
        Environment.textIsASCII ? ASCIIFallback.text(text) : text
    }

    /// The command line asked for JSON (`--json`, `--format json`): a failure is then also an
    /// error document on stdout, so a script reading it always gets JSON.
    nonisolated(unsafe) static var jsonRequested = false
    /// Whether a document has been written, so a failure after it adds none.
    nonisolated(unsafe) private static var documentWritten = false

    /// A document of the JSON contract: `format` (its version) first, then `members`.
    static func document(_ members: [(String, JSONValue)]) {
        json(.object([("format", .int(NodeJSON.contractVersion))] + members))
    }

    /// An object made elsewhere (`validate`'s run, a link report) as a document.
    static func document(_ object: JSONValue) {
        guard case .object(let members) = object else { return json(object) }
        document(members)
    }

    /// `{"format": 1, "error": {"message": …, details…}}`, for a failure with `--json`.
    static func errorDocument(_ message: String, details: [(String, JSONValue)] = []) {
        document([("error", .object([("message", .string(message))] + details))])
    }

    /// Indented for a person at a terminal, one line for a pipe or a file.
    static func json(_ value: JSONValue) {
        documentWritten = true
        var bytes = value.utf8(pretty: jsonIsPretty)
        bytes.append(0x0A)
        writeToStandardOutput(bytes)
    }

    /// Whether JSON goes out indented: only for a person at a terminal.
    static var jsonIsPretty: Bool { Environment.isTerminal(STDOUT_FILENO) }

    /// `{members…, "key": [items…]}`, written as the items are made, so a list of a hundred
    /// thousand results is never held whole (as text or as values). Items are made and serialized
    /// on every core, a batch at a time, and written in order.
    static func json(_ members: [(String, JSONValue)], streaming key: String, count: Int, item: @Sendable (Int) -> JSONValue) {
        let pretty = jsonIsPretty
        json(members, streaming: key, count: count, pretty: pretty) { index, out in
            item(index).append(to: &out, pretty: pretty, indent: 4)
        }
    }

    /// The same, with each item appended as bytes by `writeItem` (indented for `pretty`).
    static func json(
        _ members: [(String, JSONValue)], streaming key: String, count: Int, pretty: Bool,
        writeItem: @Sendable (Int, inout [UInt8]) -> Void
    ) {
        documentWritten = true
        // The object with an empty list last: its text ends with `[]` and the closing brace.
        var out = JSONValue.object([("format", .int(NodeJSON.contractVersion))] + members + [(key, .array([]))]).utf8(pretty: pretty)
        let closing = pretty ? Array("\n}".utf8) : Array("}".utf8)
        out.removeLast(closing.count + 1)
        let separator = pretty ? Array(",\n    ".utf8) : [0x2C]
        // Batches are written on a queue of their own while the next one is made, so a slow
        // reader (a pipe) and the serializing overlap; at most two batches wait at once.
        let writer = DispatchQueue(label: "trailhead.stdout")
        let slots = DispatchSemaphore(value: 2)
        var batchStart = 0
        // Small batches first, so the reader gets its first bytes soon; larger ones after.
        var batchSize = 512
        while batchStart < count {
            let batch = batchStart..<min(count, batchStart + batchSize)
            batchSize = min(batchSize * 2, 8192)
            // Each core writes a run of items into one buffer, which goes out as it is.
            let runs = OrderedParallelMap.map(count: 2, chunks: batch.count > 256 ? 2 : 1) { half in
                let run = (batch.lowerBound + batch.count * half / 2)..<(batch.lowerBound + batch.count * (half + 1) / 2)
                var piece: [UInt8] = []
                piece.reserveCapacity(run.count * 1024)
                for index in run {
                    piece += index == 0 ? separator.dropFirst() : separator[...]
                    writeItem(index, &piece)
                }
                return piece
            }
            slots.wait()
            writer.async { [out] in
                writeToStandardOutput(out)
                runs.forEach(writeToStandardOutput)
                slots.signal()
            }
            out.removeAll()
            batchStart = batch.upperBound
        }
        writer.sync {}
        if pretty && count > 0 { out += Array("\n  ".utf8) }
        out.append(0x5D)
        out += closing
        out.append(0x0A)
        writeToStandardOutput(out)
    }

    /// What `print` buffered goes first; then the bytes straight to the descriptor.
    private static func writeToStandardOutput(_ bytes: [UInt8]) {
        fflush(nil)
        DescriptorWriter.writeAll(bytes, to: STDOUT_FILENO)
    }

    /// Messages name paths and values that came from files, directories and the environment:
    /// shown, never obeyed, whatever a caller forgot to sanitize (sanitizing twice changes nothing).
    static func error(_ message: String) {
        standardError("trailhead: error: \(TextSanitizer.block(message))\n")
        if jsonRequested && !documentWritten { errorDocument(message) }
    }

    static func warning(_ message: String) {
        standardError("trailhead: warning: \(TextSanitizer.block(message))\n")
    }

    /// Writes straight to file descriptor 2, unbuffered, so messages keep their order with stdout.
    static func standardError(_ text: String) {
        fflush(nil)
        DescriptorWriter.writeAll(forLocale(text), to: STDERR_FILENO)
    }

    /// Output is wrapped to the terminal, or kept at 80 columns when it goes to a file or pipe.
    static var width: Int {
        Environment.isTerminal(STDOUT_FILENO) ? min(Environment.terminalWidth, 100) : 80
    }
}
