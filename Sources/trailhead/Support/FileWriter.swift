import ArgumentParser
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// Writes generated text to a file named on the command line, or to stdout for `-`.
enum FileWriter {
    /// Whether an existing file may be replaced; without it, creation fails if the file exists.
    enum Mode {
        case replace
        case createNew
    }

    /// Exits 1 with the reason when the file cannot be written, and when `createNew` finds it exists.
    static func write(_ text: String, to path: String, mode: Mode) throws {
        if path == "-" {
            print(text, terminator: "")
            return
        }
        // O_EXCL makes "does it exist" and "create it" one step, so nothing is overwritten by a race.
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (mode == .replace ? O_TRUNC : O_EXCL)
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "the file exists; use --force to replace it" : String(cString: strerror(errno))
            Output.error("cannot write \(TextSanitizer.line(path)): \(reason)")
            throw ExitCode(1)
        }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                Output.error("cannot write \(TextSanitizer.line(path)): \(String(cString: strerror(errno)))")
                throw ExitCode(1)
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
