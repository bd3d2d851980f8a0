import Foundation

/// Checks a document against the JSON Schemas in docs/schemas: the subset of JSON Schema 2020-12
/// they use (`type`, `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`,
/// `minimum`, `oneOf`, `anyOf`, `not`, `$ref` within a file or to another file of the folder). One
/// dedicated test also checks every schema and sample with Python's `jsonschema`, so this
/// subset cannot drift from the standard unnoticed.
struct JSONSchemaCheck {
    static let directory = CLIRunner.repositoryRoot + "/docs/schemas"

    nonisolated(unsafe) private static let loaded: [String: Any] = {
        var schemas: [String: Any] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".schema.json") {
            if let data = FileManager.default.contents(atPath: directory + "/" + name),
               let schema = try? JSONSerialization.jsonObject(with: data) {
                schemas[name] = schema
            }
        }
        return schemas
    }()

    /// The problems of `text` against `schemaFile`, each with the JSON path where it is; empty
    /// when the document is valid.
    static func problems(in text: String, schema schemaFile: String) -> [String] {
        guard let schema = loaded[schemaFile] else { return ["no schema \(schemaFile) in docs/schemas"] }
        guard let document = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            return ["not JSON: \(text.prefix(200))"]
        }
        var problems: [String] = []
        check(document, against: schema, file: schemaFile, at: "$", problems: &problems)
        return problems
    }

    private static func check(_ value: Any, against schema: Any, file: String, at path: String, problems: inout [String]) {
        guard let schema = schema as? [String: Any] else { return }
        if let reference = schema["$ref"] as? String {
            guard let (target, targetFile) = resolve(reference, from: file) else {
                problems.append("\(path): unresolved $ref \(reference) in \(file)")
                return
            }
            check(value, against: target, file: targetFile, at: path, problems: &problems)
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            guard allowed.contains(where: { matches(value, type: $0) }) else {
                problems.append("\(path): expected \(allowed.joined(separator: " or ")), found \(describe(value))")
                return
            }
        }
        if let constant = schema["const"], !equal(value, constant) {
            problems.append("\(path): expected \(constant), found \(describe(value))")
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal(value, $0) }) {
            problems.append("\(path): \(describe(value)) is not one of \(options)")
        }
        if let minimum = schema["minimum"] as? Double, let number = value as? NSNumber, number.doubleValue < minimum {
            problems.append("\(path): \(number) is less than \(minimum)")
        }
        for (keyword, needsOne) in [("oneOf", true), ("anyOf", false)] {
            guard let branches = schema[keyword] as? [Any] else { continue }
            var passing = 0
            var firstProblems: [String]?
            for branch in branches {
                var branchProblems: [String] = []
                check(value, against: branch, file: file, at: path, problems: &branchProblems)
                if branchProblems.isEmpty { passing += 1 } else if firstProblems == nil { firstProblems = branchProblems }
            }
            if passing == 0 || (needsOne && passing > 1) {
                problems.append("\(path): \(passing) of the \(keyword) branches match" + (firstProblems.map { " (first: \($0.prefix(3).joined(separator: "; ")))" } ?? ""))
            }
        }
        if let excluded = schema["not"] {
            var excludedProblems: [String] = []
            check(value, against: excluded, file: file, at: path, problems: &excludedProblems)
            if excludedProblems.isEmpty { problems.append("\(path): matches what `not` excludes") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for required in schema["required"] as? [String] ?? [] where object[required] == nil {
                problems.append("\(path): missing key '\(required)'")
            }
            for (key, member) in object {
                if let property = properties[key] {
                    check(member, against: property, file: file, at: path + "." + key, problems: &problems)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool {
                        if !allowed { problems.append("\(path): unexpected key '\(key)'") }
                    } else {
                        check(member, against: additional, file: file, at: path + "." + key, problems: &problems)
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, element) in array.enumerated() {
                check(element, against: items, file: file, at: "\(path)[\(index)]", problems: &problems)
            }
        }
    }

    private static func resolve(_ reference: String, from file: String) -> (Any, String)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let targetFile = parts[0].isEmpty ? file : String(parts[0])
        guard var node = loaded[targetFile] else { return nil }
        let pointer = parts.count > 1 ? String(parts[1]) : ""
        for component in pointer.split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(component)] else { return nil }
            node = next
        }
        return (node, targetFile)
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "integer":
            guard let number = value as? NSNumber, !isBoolean(value) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber && !isBoolean(value)
        default: return false
        }
    }

    /// JSONSerialization makes `true` and `false` numbers whose C type is `char`.
    private static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func equal(_ value: Any, _ other: Any) -> Bool {
        (value as? NSObject)?.isEqual(other) ?? false
    }

    private static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case let text as String: "'\(text.prefix(60))'"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        default: "\(value)"
        }
    }
}
