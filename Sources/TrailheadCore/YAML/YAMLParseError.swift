/// Why a file could not be read as one YAML document, with the 1-based position of the problem.
public struct YAMLParseError: Error, Sendable, Equatable {
    public var code: String
    public var message: String
    public var line: Int
    public var column: Int

    public init(code: String, message: String, line: Int, column: Int) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }
}
