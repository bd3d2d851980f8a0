import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// Plain mode's input and output on stdin and stdout.
struct StandardLineIO: LineIO {
    mutating func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    mutating func write(_ text: String) {
        print(text, terminator: "")
        fflush(nil)
    }
}
