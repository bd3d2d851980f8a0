import CProcess
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// `posix_spawn` with what every child of Trailhead gets: default signal dispositions, nothing
/// blocked, and a session of its own, so it never reads our terminal or receives our Ctrl-C.
enum DetachedSpawn {
    /// Why a program did not start: the `errno` that `posix_spawn` gave, or ENOENT when no
    /// absolute PATH directory holds it (`ExecutableLookup`).
    struct Failure: Error {
        var code: Int32
    }

    /// Starts `program` with `arguments` (an argv, never a shell); `environment` nil passes ours on.
    static func start(
        _ program: String, arguments: [String], actions: inout posix_spawn_file_actions_t, environment: [String: String]?
    ) -> Result<pid_t, Failure> {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc ≥ 2.26)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setsid))

        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] } ?? []
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let path = environment.map { $0["PATH"] ?? "" } ?? getenv("PATH").map { String(cString: $0) } ?? ""
        guard let resolved = ExecutableLookup.find(program, path: path, isExecutable: isExecutable) else { return .failure(Failure(code: ENOENT)) }
        // Only the three standard descriptors reach the child, whatever Trailhead inherited without
        // close-on-exec from whoever started it (a terminal, a test runner's logs).
        th_spawn_close_from(&actions, 3)
        var pid: pid_t = 0
        let result = environment == nil
            ? posix_spawn(&pid, resolved, &actions, &attributes, argv, environ)
            : posix_spawn(&pid, resolved, &actions, &attributes, argv, &envp)
        return result == 0 ? .success(pid) : .failure(Failure(code: result))
    }

    static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}
