import CProcess
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program from an argument vector (never a shell) and collects what it prints, within a deadline.
///
/// The child gets /dev/null as stdin and a session of its own, so it has no terminal to ask for a
/// password on, and the whole group it starts can be ended when the deadline passes.
public struct ChildProcess: Sendable {
    /// What a finished child left: its exit status (128 + n after signal n) and its two outputs.
    public struct Output: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        public var timedOut: Bool
    }

    /// Why the program could not be started.
    public struct SpawnError: Error {
        public var message: String
    }

    public var program: String
    public var arguments: [String]
    public var environment: [String: String]
    /// Seconds after which the child and its group are killed.
    public var deadline: Double

    public init(program: String, arguments: [String], environment: [String: String], deadline: Double) {
        self.program = program
        self.arguments = arguments
        self.environment = environment
        self.deadline = deadline
    }

    public func run() -> Result<Output, SpawnError> {
        let child: (pid: pid_t, output: Int32, errors: Int32)
        switch startWithPipes() {
        case .failure(let error): return .failure(error)
        case .success(let started): child = started
        }
        let end = Self.monotonicNow() + deadline
        var collected = Self.collect([child.output, child.errors], until: end)
        let status = Self.wait(for: child.pid, until: end, timedOut: &collected.timedOut)
        return .success(Output(
            status: status,
            standardOutput: String(decoding: collected.bytes[0], as: UTF8.self),
            standardError: String(decoding: collected.bytes[1], as: UTF8.self),
            timedOut: collected.timedOut))
    }

    /// Whether `program` is an executable file in one of the `PATH` directories.
    public static func isAvailable(_ program: String, path: String) -> Bool {
        ExecutableLookup.find(program, path: path, isExecutable: DetachedSpawn.isExecutable) != nil
    }

    /// Starts the child with its stdout and stderr on new pipes; returns it and the pipes' read ends.
    /// The pipes are close-on-exec from the moment they exist (`pipe2`), so a child another
    /// thread starts meanwhile (a browser beside a probe) never inherits an end and holds it open.
    private func startWithPipes() -> Result<(pid_t, Int32, Int32), SpawnError> {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard th_pipe_cloexec(&outPipe) == 0 else { return .failure(Self.errnoError()) }
        guard th_pipe_cloexec(&errPipe) == 0 else {
            outPipe.forEach { close($0) }
            return .failure(Self.errnoError())
        }
        let spawned = spawn(outputTo: outPipe[1], errorsTo: errPipe[1])
        close(outPipe[1])
        close(errPipe[1])
        switch spawned {
        case .success(let pid):
            return .success((pid, outPipe[0], errPipe[0]))
        case .failure(let error):
            close(outPipe[0])
            close(errPipe[0])
            return .failure(error)
        }
    }

    private func spawn(outputTo output: Int32, errorsTo errors: Int32) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors, STDERR_FILENO)

        return DetachedSpawn.start(program, arguments: arguments, actions: &actions, environment: environment).mapError { failure in
            SpawnError(message: "\(program): " + (failure.code == ENOENT ? "not found on PATH" : String(cString: strerror(failure.code))))
        }
    }

    /// Reads every descriptor to its end, or until `end`; closes them.
    private static func collect(_ descriptors: [Int32], until end: Double) -> (bytes: [[UInt8]], timedOut: Bool) {
        var polled = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var bytes = [[UInt8]](repeating: [], count: descriptors.count)
        var buffer = [UInt8](repeating: 0, count: 4096)
        var timedOut = false
        while polled.contains(where: { $0.fd >= 0 }) {
            let remaining = end - monotonicNow()
            guard remaining > 0 else {
                timedOut = true
                break
            }
            let ready = poll(&polled, nfds_t(polled.count), Int32(min(remaining * 1000, 60_000)) + 1)
            if ready < 0 && errno != EINTR { break }
            for index in polled.indices where polled[index].fd >= 0 && polled[index].revents != 0 {
                let count = read(polled[index].fd, &buffer, buffer.count)
                if count > 0 {
                    bytes[index] += buffer[0..<count]
                } else if count == 0 || errno != EINTR {
                    close(polled[index].fd)
                    polled[index].fd = -1
                }
            }
        }
        for entry in polled where entry.fd >= 0 { close(entry.fd) }
        return (bytes, timedOut)
    }

    /// Waits for the child; past `end`, kills its whole group first.
    private static func wait(for pid: pid_t, until end: Double, timedOut: inout Bool) -> Int32 {
        var status: Int32 = 0
        while !timedOut {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return decoded(status) }
            if result < 0 && errno != EINTR { return -1 }
            if monotonicNow() >= end {
                timedOut = true
            } else {
                usleep(2_000)
            }
        }
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return decoded(status)
    }

    private static func decoded(_ status: Int32) -> Int32 {
        status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Seconds on the monotonic clock, for deadlines.
    public static func monotonicNow() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func errnoError() -> SpawnError {
        SpawnError(message: String(cString: strerror(errno)))
    }
}
