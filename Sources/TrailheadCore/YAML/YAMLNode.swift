/// A parsed YAML value that remembers where each part was written.
public struct YAMLNode: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// `plain` is true for unquoted scalars, where `~`, `null` and the empty string mean "nothing".
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    public var value: Value
    public var line: Int
    public var column: Int

    public init(value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The YAML word for this node's kind, for messages such as "expected text, found a list".
    public var kindName: String {
        switch value {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    public var isNull: Bool {
        if case .scalar(let text, true) = value {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }
}

/// One `key: value` pair of a YAML mapping.
public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var keyLine: Int
    public var keyColumn: Int
    public var value: YAMLNode

    public init(key: String, keyLine: Int, keyColumn: Int, value: YAMLNode) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }
}
