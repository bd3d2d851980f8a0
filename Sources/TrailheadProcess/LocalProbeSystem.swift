#if canImport(Glibc)
import Glibc
#endif
import TrailheadCore

/// Probes against this machine: `access`, `stat`, and `NAME --version` run from an argv with a deadline.
public struct LocalProbeSystem: ProbeSystem {
    public let environment: [String: String]
    /// Seconds a `--version` may take: `TRAILHEAD_PROBE_TIMEOUT`, else 2. A slow NFS home or a
    /// wrapper script must not stall anything; a site with slow tools may allow more.
    public var versionDeadline: Double
    /// When every probe together must be done (monotonic seconds), for scripted commands: one
    /// slow `--version` per probe would otherwise add up. Nil for no overall limit.
    public var endsAt: Double?

    public init(environment: [String: String]) {
        self.environment = environment
        let configured = environment["TRAILHEAD_PROBE_TIMEOUT"].flatMap(Double.init) ?? 2
        self.versionDeadline = configured.isFinite ? min(max(configured, 0.1), 600) : 2
    }

    /// The same system, with all its probes done within `seconds` from now.
    public func limited(toTotal seconds: Double) -> LocalProbeSystem {
        var limited = self
        limited.endsAt = ChildProcess.monotonicNow() + seconds
        return limited
    }

    public func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }

    public func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public func versionOutput(of path: String) -> String? {
        let remaining = endsAt.map { $0 - ChildProcess.monotonicNow() } ?? versionDeadline
        guard remaining > 0.05 else { return nil }
        let process = ChildProcess(program: path, arguments: ["--version"], environment: environment, deadline: min(versionDeadline, remaining))
        guard case .success(let output) = process.run(), !output.timedOut else { return nil }
        return String((output.standardOutput + output.standardError).prefix(4096))
    }
}
