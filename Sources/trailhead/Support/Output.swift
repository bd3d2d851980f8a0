import TrailheadCore
import TrailheadTUI

#if canImport(Glibc)
import Glibc
#endif

/// Writing to stdout and stderr; every message about tree content is sanitized before it gets here.
enum Output {
    static func line(_ text: String) {
        print(text)
    }

    /// Indented for a person at a terminal, one line for a pipe or a file.
    static func json(_ value: JSONValue) {
        var bytes = value.utf8(pretty: Environment.isTerminal(STDOUT_FILENO))
        bytes.append(0x0A)
        // What `print` buffered goes first; then the bytes straight to the descriptor.
        fflush(nil)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    static func error(_ message: String) {
        standardError("trailhead: error: \(message)\n")
    }

    static func warning(_ message: String) {
        standardError("trailhead: warning: \(message)\n")
    }

    /// Writes straight to file descriptor 2, unbuffered, so messages keep their order with stdout.
    static func standardError(_ text: String) {
        fflush(nil)
        DescriptorWriter.writeAll(text, to: STDERR_FILENO)
    }

    /// Output is wrapped to the terminal, or kept at 80 columns when it goes to a file or pipe.
    static var width: Int {
        Environment.isTerminal(STDOUT_FILENO) ? min(Environment.terminalWidth, 100) : 80
    }
}
