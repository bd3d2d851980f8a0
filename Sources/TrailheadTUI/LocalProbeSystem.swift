#if canImport(Glibc)
import Glibc
#endif
import TrailheadCore

/// Probes against this machine: `access`, `stat`, and `NAME --version` run from an argv with a deadline.
public struct LocalProbeSystem: ProbeSystem {
    public let environment: [String: String]
    /// Seconds a `--version` may take; a slow NFS home or a wrapper script must not stall anything.
    public var versionDeadline: Double

    public init(environment: [String: String], versionDeadline: Double = 2) {
        self.environment = environment
        self.versionDeadline = versionDeadline
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
        let process = ChildProcess(program: path, arguments: ["--version"], environment: environment, deadline: versionDeadline)
        guard case .success(let output) = process.run(), !output.timedOut else { return nil }
        return String((output.standardOutput + output.standardError).prefix(4096))
    }
}
