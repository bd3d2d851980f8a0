import ArgumentParser
import TrailheadCore

/// Parses `--set name=value` arguments.
enum PlaceholderValues {
    static func parse(_ arguments: [String]) throws -> [String: String] {
        var values: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ValidationError("--set takes name=value, not '\(TextSanitizer.line(argument))'")
            }
            values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        return values
    }
}
