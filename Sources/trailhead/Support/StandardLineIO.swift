import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// Plain mode's input on stdin and its dialogue on stdout, or on stderr when stdout is kept for
/// what `--print` chooses.
struct StandardLineIO: LineIO {
    var dialogueOnStandardError = false

    mutating func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    mutating func write(_ text: String) {
        if dialogueOnStandardError {
            Output.standardError(text)
        } else {
            print(Output.forLocale(text), terminator: "")
            fflush(nil)
        }
    }
}
