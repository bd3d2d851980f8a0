#if canImport(Glibc)
import Glibc
#endif

/// The process environment and terminal facts, read once at the edge.
enum Environment {
    static let variables: [String: String] = {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }()

    /// The current directory, or nil when it has been removed or is too deep to name.
    static var workingDirectory: String? {
        guard let path = getcwd(nil, 0) else { return nil }
        defer { free(path) }
        return String(cString: path)
    }

    static var userID: UInt32 { getuid() }

    /// The locale's character set is not UTF-8 (`LC_ALL=C`, ISO-8859-1): text output is written
    /// as ASCII, as the interface draws, so no byte arrives that the terminal would misread.
    /// JSON stays UTF-8, as its specification requires.
    static let textIsASCII: Bool = {
        setlocale(LC_CTYPE, "")
        return String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8"
    }()

    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// Columns of the terminal on stdout, else `$COLUMNS`, else 80.
    static var terminalWidth: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 {
            return columns
        }
        return 80
    }
}
