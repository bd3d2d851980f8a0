/// Line-based input and output for plain mode, so a session can be driven from tests.
public protocol LineIO {
    /// The next line the user typed, without its line end; nil at end of input.
    mutating func readLine() -> String?
    mutating func write(_ text: String)
}
