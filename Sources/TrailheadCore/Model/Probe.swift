/// A read-only question a tree asks of the user's machine, such as "is `rucio` on PATH?".
/// Probes are declarative: a command name, a file path or a variable name, never shell code.
public struct Probe: Sendable, Hashable {
    public enum Check: Sendable, Hashable {
        /// An executable named `name` on PATH; with `versionPattern`, `name --version` must print a match.
        case command(String, versionPattern: String?)
        /// A file or directory; a leading `~/` means the home directory.
        case file(String)
        /// An environment variable that is set and not empty.
        case environment(String)
        /// The version `name --version` prints (its first dotted number), for a `when:` condition.
        case version(String)

        /// What a result is recorded under; it names the check, not where it is written.
        public var key: String {
            switch self {
            case .command(let name, let pattern): "command:\(name)" + (pattern.map { " ~ \($0)" } ?? "")
            case .file(let path): "file:\(path)"
            case .environment(let name): "env:\(name)"
            case .version(let name): "version:\(name)"
            }
        }
    }

    public var check: Check
    public var location: SourceLocation
    /// `missing: true`: the probe passes when the check fails (`kinit` is not installed).
    public var missing: Bool

    public init(check: Check, location: SourceLocation, missing: Bool = false) {
        self.check = check
        self.location = location
        self.missing = missing
    }

    /// The same check from another place in a tree gives the same answer, so results are shared by this key.
    public var key: String { check.key + (missing ? " missing" : "") }

    public var kind: String {
        switch check {
        case .command: "command"
        case .file: "file"
        case .environment: "env"
        case .version: "version"
        }
    }

    public var subject: String {
        switch check {
        case .command(let name, _): name
        case .file(let path): path
        case .environment(let name): name
        case .version(let name): name
        }
    }
}

/// What a probe found: passed or not, and a short phrase saying so ("rucio found at /usr/bin/rucio").
public struct ProbeResult: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case passed, failed
        /// The check could not finish (a `--version` that hung or crashed).
        case unknown
    }

    public var outcome: Outcome
    public var detail: String
    /// The version a `version` probe found, such as `41.0.0`.
    public var version: String?

    public init(_ outcome: Outcome, _ detail: String, version: String? = nil) {
        self.outcome = outcome
        self.detail = detail
        self.version = version
    }

    public var passed: Bool { outcome == .passed }
}
