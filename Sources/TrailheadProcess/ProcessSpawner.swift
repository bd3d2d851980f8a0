import CProcess
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// Starts programs with `posix_spawn` and an argument vector: never a shell, never `system()`.
///
/// Children get /dev/null for output (so they cannot garble the screen) and a session of their
/// own (so Ctrl-C in Trailhead does not reach a browser, and a browser that stays open does not
/// hold Trailhead).
public struct ProcessSpawner: Sendable {
    public struct SpawnError: Error {
        public var message: String
    }

    /// Starts `program` with `arguments`; `input` (if any) is written to its stdin.
    public init() {}

    public func spawn(_ program: String, arguments: [String], input: String? = nil) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        if input != nil {
            // Close-on-exec from the start: a child another thread starts meanwhile must not inherit it.
            guard th_pipe_cloexec(&pipeEnds) == 0 else { return .failure(SpawnError(message: String(cString: strerror(errno)))) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], STDIN_FILENO)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)

        let started = DetachedSpawn.start(program, arguments: arguments, actions: &actions, environment: nil)
        if input != nil { close(pipeEnds[0]) }
        let pid: pid_t
        switch started {
        case .success(let child):
            pid = child
        case .failure(let failure):
            if input != nil { close(pipeEnds[1]) }
            return .failure(SpawnError(message: String(cString: strerror(failure.code))))
        }
        if let input {
            DescriptorWriter.writeAll(input, to: pipeEnds[1])
            close(pipeEnds[1])
        }
        return .success(pid)
    }

    /// Whether a child has ended, without waiting: nil while it runs, else its exit status.
    public func poll(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return result < 0 ? -1 : nil }
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }

    /// Programs found on PATH, among `names`.
    public static func available(_ names: [String], path: String) -> Set<String> {
        Set(names.filter { ExecutableLookup.find($0, path: path, isExecutable: DetachedSpawn.isExecutable) != nil })
    }
}
