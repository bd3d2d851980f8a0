/// The machine as probes see it: read-only lookups, behind a protocol so tests can supply one.
public protocol ProbeSystem: Sendable {
    var environment: [String: String] { get }
    func isExecutableFile(_ path: String) -> Bool
    func exists(_ path: String) -> Bool
    /// What `path --version` printed (stdout and stderr), or nil when it did not finish in time.
    func versionOutput(of path: String) -> String?
}

/// Answers probes against a `ProbeSystem`.
public enum ProbeEvaluator {
    public static func evaluate(_ probe: Probe, on system: any ProbeSystem) -> ProbeResult {
        var result = evaluate(probe.check, on: system)
        // `missing: true` asks the opposite question; what was found is said the same way.
        if probe.missing, result.outcome != .unknown {
            result.outcome = result.outcome == .passed ? .failed : .passed
        }
        return result
    }

    private static func evaluate(_ check: Probe.Check, on system: any ProbeSystem) -> ProbeResult {
        switch check {
        case .command(let name, let pattern):
            guard let path = executable(named: name, on: system) else { return ProbeResult(.failed, "\(name) is not on your PATH") }
            guard let pattern else { return ProbeResult(.passed, "\(name) found at \(path)") }
            guard let output = system.versionOutput(of: path) else {
                return ProbeResult(.unknown, "\(name) found at \(path), but '\(name) --version' did not answer in time")
            }
            let version = firstLine(of: output)
            // The start of the output is where versions are printed, and matching time grows with a power of the length.
            let searched = String(String.UnicodeScalarView(output.unicodeScalars.prefix(PatternSafety.maxSearchedLength)))
            guard case .success(let regex) = PlaceholderPattern.compile(pattern), (try? regex.firstMatch(in: searched)) != nil else {
                return ProbeResult(.failed, "\(name) at \(path) is not the version needed" + (version.isEmpty ? "" : " (\(version))"))
            }
            return ProbeResult(.passed, "\(name) found at \(path)" + (version.isEmpty ? "" : " (\(version))"))
        case .file(let path):
            let expanded = expandHome(path, in: system.environment)
            return system.exists(expanded) ? ProbeResult(.passed, "\(path) exists") : ProbeResult(.failed, "\(path) does not exist")
        case .environment(let name):
            return (system.environment[name] ?? "").isEmpty
                ? ProbeResult(.failed, "\(name) is not set") : ProbeResult(.passed, "\(name) is set")
        case .version(let name):
            guard let path = executable(named: name, on: system) else { return ProbeResult(.failed, "\(name) is not on your PATH") }
            guard let output = system.versionOutput(of: path) else {
                return ProbeResult(.unknown, "\(name) found at \(path), but '\(name) --version' did not answer in time")
            }
            guard let version = firstVersion(in: output) else {
                return ProbeResult(.unknown, "\(name) found at \(path), but '\(name) --version' printed no version")
            }
            return ProbeResult(.passed, "\(name) \(version) found at \(path)", version: version)
        }
    }

    /// The first dotted number in the start of the output (`rucio 41.0.0` → `41.0.0`).
    static func firstVersion(in output: String) -> String? {
        let start = String(String.UnicodeScalarView(output.unicodeScalars.prefix(PatternSafety.maxSearchedLength)))
        guard let match = start.firstMatch(of: /[0-9]+(\.[0-9]+)*/) else { return nil }
        return String(match.output.0.prefix(40))
    }

    static func executable(named name: String, on system: any ProbeSystem) -> String? {
        ExecutableLookup.find(name, path: system.environment["PATH"] ?? "", isExecutable: system.isExecutableFile)
    }

    static func expandHome(_ path: String, in environment: [String: String]) -> String {
        guard path.hasPrefix("~/"), let home = environment["HOME"], home.hasPrefix("/") else { return path }
        return home + path.dropFirst()
    }

    static func firstLine(of output: String) -> String {
        let line = output.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(TextSanitizer.line(line).prefix(60))
    }
}
