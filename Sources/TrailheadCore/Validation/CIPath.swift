/// File paths as CI systems match them against the repository: relative, without a leading `./`.
enum CIPath {
    static func relative(_ path: String) -> String {
        var rest = Substring(path)
        while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
        return String(rest)
    }
}
