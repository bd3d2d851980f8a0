/// Diagnostics as a GitLab Code Quality report, which GitLab shows in the merge request widget and diff.
public enum GitLabCodeQuality {
    public static func report(for diagnostics: [Diagnostic]) -> JSONValue {
        .array(diagnostics.map(issue))
    }

    public static func issue(for diagnostic: Diagnostic) -> JSONValue {
        let path = CIPath.relative(diagnostic.location.file)
        return .object([
            ("description", .string(diagnostic.message)),
            ("check_name", .string(diagnostic.code)),
            ("fingerprint", .string(fingerprint(for: diagnostic))),
            ("severity", .string(diagnostic.severity == .error ? "major" : "minor")),
            ("location", .object([
                ("path", .string(path)),
                ("lines", .object([("begin", .int(diagnostic.location.line))])),
            ])),
        ])
    }

    /// GitLab matches issues across pipelines by fingerprint, so it depends only on what the
    /// problem is and where: file, line, code and message, hashed with 64-bit FNV-1a (a fixed
    /// algorithm, unlike the tree cache's hash, which may change for speed).
    public static func fingerprint(for diagnostic: Diagnostic) -> String {
        let fields = [CIPath.relative(diagnostic.location.file), String(diagnostic.location.line), diagnostic.code, diagnostic.message]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fields.joined(separator: "\u{0}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
