import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Drives a shell in a private tmux server, the way fzf's test/lib/common.rb does: type keys,
/// read the screen, wait until it shows what we expect.
///
/// Every session has its own server (`tmux -L th-e2e-<uuid> -f /dev/null`), its own empty
/// `HOME` and a fixed environment, so tests run in parallel without seeing each other or the
/// developer's configuration. Call `shutdown()` in a `defer`.
final class TmuxSession: @unchecked Sendable {
    /// The session's shell prompt (`PS1`); a screen whose last non-empty row is this is idle.
    static let prompt = "$"

    let socket: String
    /// A private directory: the shell's `HOME`, and where tests put tree files.
    let home: URL
    private(set) var columns: Int
    private(set) var rows: Int
    private let tmux: String
    private let target = "e2e"
    private var panePIDs: [pid_t] = []
    private var serverPID: pid_t?
    private var socketPath: String?
    private var isShutDown = false
    private var commandCounter = 0
    /// How many `echo EXIT=$?` checks ran, so each one looks for its own line.
    var exitChecks = 0

    /// Starts `bash --norc --noprofile` in a detached session of the given size and waits for
    /// its prompt. `environment` adds to (or overrides) the fixed shell environment.
    init(
        columns: Int = 100, rows: Int = 30, environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        self.columns = columns
        self.rows = rows
        tmux = try #require(
            E2E.which("tmux"),
            "tmux is not installed (not found in PATH). The end-to-end tests drive the interface in tmux; `make test` installs it (Debian package `tmux`), or run `sudo apt-get install -y tmux`.",
            sourceLocation: sourceLocation)
        let binary = try E2E.requireBinary(sourceLocation: sourceLocation)
        let id = UUID().uuidString.lowercased()
        socket = "th-e2e-\(id)"
        home = FileManager.default.temporaryDirectory.appendingPathComponent("th-e2e-\(id)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".config"), withIntermediateDirectories: true)
        let binaryDirectory = URL(fileURLWithPath: binary).deletingLastPathComponent().path

        var shellEnvironment: [String: String] = [
            "PATH": "\(binaryDirectory):/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path,
            "PS1": "\(Self.prompt) ",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "XDG_DATA_DIRS": "/nonexistent",
            "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
            "HISTFILE": "/dev/null",
        ]
        // A sanitized run's options (suppressions, who handles SIGSEGV) must reach the binary too.
        for name in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"] {
            if let value = ProcessInfo.processInfo.environment[name] { shellEnvironment[name] = value }
        }
        shellEnvironment.merge(environment) { $1 }
        // `env -i` so nothing from the test runner's environment (TRAILHEAD_PATH, NO_COLOR, TMUX…)
        // reaches the shell; the arguments are exec'd directly, without a shell in between.
        let envCommand = [E2E.which("env") ?? "/usr/bin/env", "-i"] + shellEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let bash = E2E.which("bash") ?? "/bin/bash"
        do {
            try run(["new-session", "-d", "-s", target, "-x", "\(columns)", "-y", "\(rows)", "--"]
                + envCommand + [bash, "--norc", "--noprofile"])
            try run(["set-option", "-g", "status", "off"])
            // Accept OSC 52 into tmux buffers, so a test can see an escape sequence that got through.
            try run(["set-option", "-g", "set-clipboard", "on"])
            panePIDs = try run(["list-panes", "-s", "-t", target, "-F", "#{pane_pid}"])
                .split(separator: "\n").compactMap { pid_t($0) }
            let server = try run(["display-message", "-p", "#{pid} #{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            serverPID = pid_t(server.prefix { $0 != " " })
            socketPath = server.firstIndex(of: " ").map { String(server[server.index(after: $0)...]) }
            try await waitFor("the shell prompt after starting bash", sourceLocation: sourceLocation) { $0.promptIsBack }
        } catch {
            shutdown()
            throw error
        }
    }

    deinit {
        shutdown()
    }

    // MARK: - Keys

    /// Sends keys by tmux name: `"Enter"`, `"Escape"`, `"C-c"`, `"Up"`, or plain characters like `"j"`.
    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Types text literally (`send-keys -l`), without pressing Enter.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", "--", text])
    }

    /// Pastes `text` as a terminal does: bracketed (`paste-buffer -p`) when the program asked for it.
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "e2e-paste", "--", text])
        try run(["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", target])
    }

    /// Types a command line into the shell and presses Enter.
    func runShell(_ commandLine: String) throws {
        try type(commandLine)
        try send("Enter")
    }

    /// The shell words that start trailhead with `arguments` (quoted where needed).
    func trailheadCommand(_ arguments: [String]) throws -> String {
        let binary = try E2E.requireBinary()
        let program = URL(fileURLWithPath: binary).lastPathComponent == "trailhead" ? "trailhead" : E2E.shellQuote(binary)
        return ([program] + arguments.map(E2E.shellQuote)).joined(separator: " ")
    }

    /// Types `trailhead ARGUMENTS` at the prompt and presses Enter (the binary's folder is on PATH).
    func runTrailhead(_ arguments: [String]) throws {
        try runShell(trailheadCommand(arguments))
    }

    // MARK: - Screen

    /// The visible pane as text, one line per row, trailing spaces removed (`capture-pane -p`).
    /// `joinWrapped` joins lines the terminal wrapped (`-J`), for long shell output.
    func screen(joinWrapped: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", target] + (joinWrapped ? ["-J"] : []))
    }

    /// The visible pane with its attributes as SGR escape sequences (`capture-pane -p -e`).
    func screenWithAttributes() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", target])
    }

    /// A tmux format for the pane, such as `#{pane_title}` or `#{alternate_on}`.
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .newlines)
    }

    /// Appends every byte the pane's programs write from now on (escape sequences included) to
    /// `path` (`pipe-pane -o`), for sequences the screen does not show, such as OSC 8 links.
    func recordOutput(to path: String) throws {
        try run(["pipe-pane", "-o", "-t", target, "cat >> " + E2E.shellQuote(path)])
    }

    /// `tmux list-buffers`: what applications put into tmux's clipboard (OSC 52).
    func buffers() throws -> String {
        try run(["list-buffers"])
    }

    /// The newest tmux paste buffer (`show-buffer`), or "" when there is none.
    func showBuffer() throws -> String {
        try run(["show-buffer"], checked: false)
    }

    /// Polls the screen every 50 ms until `predicate` holds (on two captures 30 ms apart that are
    /// the same, so the frame is complete) and returns that screen. On timeout records an issue
    /// with `description` and the whole screen, and stops the test.
    @discardableResult
    func waitFor(
        _ description: String, timeout: Duration = .seconds(10), joinWrapped: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout * E2E.timeScale
        var last = ""
        var matched: String?
        while true {
            last = try screen(joinWrapped: joinWrapped)
            if predicate(last) {
                // Only a screen that stays the same for a moment counts, so the caller never
                // checks a frame that is still being drawn.
                if last == matched || clock.now >= deadline { return last }
                matched = last
                try await Task.sleep(for: .milliseconds(30))
                continue
            }
            matched = nil
            if clock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let message = "Timed out after \(timeout) waiting for: \(description)\n" + Self.framed(last, columns: columns, rows: rows)
        // #require records one issue, at the caller's line, and stops the test without a second one.
        let screenMatched = predicate(last)
        try #require(screenMatched, Comment(rawValue: message), sourceLocation: sourceLocation)
        return last
    }

    /// Resizes the window (and so the pane); the program inside gets SIGWINCH.
    func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", target, "-x", "\(columns)", "-y", "\(rows)"])
        self.columns = columns
        self.rows = rows
    }

    /// Closes the pane's pty while its programs still run, as closing a terminal window does, and
    /// starts a fresh shell in it (`respawn-pane -k`). Returns at once, without waiting for the prompt.
    func respawnPane() throws {
        try run(["respawn-pane", "-k", "-t", target])
        panePIDs += try run(["list-panes", "-s", "-t", target, "-F", "#{pane_pid}"])
            .split(separator: "\n").compactMap { pid_t($0) }
    }

    /// A screen with row numbers and a right edge, for failure messages.
    static func framed(_ screen: String, columns: Int, rows: Int) -> String {
        let lines = screen.screenRows
        var out = "Screen (\(columns)×\(rows)), \(lines.count) rows captured:\n"
        out += "    ┌" + String(repeating: "─", count: columns) + "┐\n"
        for (index, line) in lines.enumerated() {
            let pad = max(0, columns - E2E.displayWidth(line))
            let number = String(index)
            out += String(repeating: " ", count: max(0, 3 - number.count)) + number + " │" + line + String(repeating: " ", count: pad) + "│\n"
        }
        out += "    └" + String(repeating: "─", count: columns) + "┘"
        return out
    }

    // MARK: - Ending

    /// Kills the server (and so the shell and anything it runs); waits for those processes to
    /// end, killing stragglers by process id. Safe to call twice.
    func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        let processes = panePIDs.flatMap { [$0] + E2E.descendants(of: $0) } + (serverPID.map { [$0] } ?? [])
        _ = try? run(["kill-server"], checked: false)
        let deadline = ContinuousClock.now + .seconds(3)
        var alive = processes
        while !alive.isEmpty && ContinuousClock.now < deadline {
            alive = alive.filter(E2E.isRunning)
            if !alive.isEmpty { usleep(20_000) }
        }
        for pid in alive { kill(pid, SIGKILL) }
        // tmux leaves its socket file behind.
        if let socketPath, socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
        try? FileManager.default.removeItem(at: home)
    }

    // MARK: - Running tmux

    /// Runs `tmux -L SOCKET -f /dev/null ARGUMENTS` and returns its stdout.
    @discardableResult
    private func run(_ arguments: [String], checked: Bool = true) throws -> String {
        commandCounter += 1
        let base = home.appendingPathComponent(".tmux-\(commandCounter)").path
        let result = try E2E.spawn(
            tmux, ["-L", socket, "-f", "/dev/null", "-u"] + arguments,
            environment: [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": home.path, "LANG": "C.UTF-8", "TERM": "xterm-256color",
            ],
            outputBase: base)
        if checked && result.status != 0 {
            throw E2EError("tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Paths, the binary, tree files and terminal widths for the end-to-end tests.
enum E2E {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The bundled trees of the checkout (escape-vre and login-node).
    static var trees: String { repositoryRoot + "/trees" }

    /// Waits are multiplied by `TRAILHEAD_TEST_TIME_SCALE`: a sanitized debug binary is several times slower.
    static var timeScale: Int {
        ProcessInfo.processInfo.environment["TRAILHEAD_TEST_TIME_SCALE"].flatMap { Int($0) } ?? 1
    }

    static var binary: String {
        ProcessInfo.processInfo.environment["TRAILHEAD_BIN"] ?? repositoryRoot + "/.build/debug/trailhead"
    }

    static func requireBinary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let path = binary
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "No trailhead binary at \(path). Build it first (`make test` does), or set TRAILHEAD_BIN.",
            sourceLocation: sourceLocation)
        return path
    }

    /// Runs a program to completion with stdin from /dev/null and stdout and stderr in files
    /// (`outputBase`.stdout/.stderr, removed afterwards).
    ///
    /// posix_spawn with every other descriptor closed, and waitpid on that one child: tmux's server
    /// daemonizes from the client, and a descriptor it inherited from a concurrent test (the other
    /// end of another tmux client's socket) would keep that other server from ever exiting.
    static func spawn(_ program: String, _ arguments: [String], environment: [String: String], outputBase: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let outPath = outputBase + ".stdout"
        let errPath = outputBase + ".stderr"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = closeFrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw E2EError("cannot run \(program): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw E2EError("waitpid \(program): \(String(cString: strerror(errno)))") }
        }
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (exitStatus, stdout, stderr)
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which Swift's Glibc module hides.
    private static let closeFrom: @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32 = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            fatalError("posix_spawn_file_actions_addclosefrom_np not found: glibc 2.34 or later is needed")
        }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// The first executable called `name` in PATH.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func shellQuote(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !word.isEmpty && word.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Writes tree files (name → text) into a new directory under `parent`.
    static func treeDirectory(in parent: URL, _ files: [String: String]) throws -> String {
        let directory = parent.appendingPathComponent("trees-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        return directory.path
    }

    // MARK: Widths

    /// The C library's `wcwidth` (what tmux itself uses), in a UTF-8 locale. Glibc's Swift module
    /// does not export it, so it is looked up by name.
    private static let wcwidth: @convention(c) (wchar_t) -> Int32 = {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else {
            fatalError("wcwidth not found in the C library")
        }
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()

    /// Terminal columns of a captured line: the sum of wcwidth over its scalars.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            width += max(0, Int(wcwidth(wchar_t(bitPattern: scalar.value))))
        }
        return width
    }

    /// The display column where the last occurrence of one of `characters` starts in `line`.
    static func column(ofLast characters: Set<Character>, in line: String) -> Int? {
        var column = 0
        var found: Int?
        for character in line {
            if characters.contains(character) { found = column }
            column += displayWidth(String(character))
        }
        return found
    }

    /// The display column where the first occurrence of one of `characters` starts in `line`.
    static func column(ofFirst characters: Set<Character>, in line: String) -> Int? {
        var column = 0
        for character in line {
            if characters.contains(character) { return column }
            column += displayWidth(String(character))
        }
        return nil
    }

    // MARK: Escape sequences

    /// The parameter lists of every SGR sequence (`ESC [ … m`) in `text`.
    static func sgrParameters(in text: String) -> [[Int]] {
        var result: [[Int]] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == "\u{1B}", scalars[index + 1] == "[" else {
                index += 1
                continue
            }
            var end = index + 2
            var body = ""
            while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" || scalars[end] == ":" {
                body.unicodeScalars.append(scalars[end])
                end += 1
            }
            if end < scalars.count, scalars[end] == "m" {
                let parameters = body.split(omittingEmptySubsequences: false) { $0 == ";" || $0 == ":" }.map { Int($0) ?? 0 }
                result.append(parameters)
            }
            index = end
        }
        return result
    }

    /// SGR parameters that set a foreground or background colour (default colours 39/49 excluded).
    static func colorParameters(in text: String) -> [Int] {
        sgrParameters(in: text).flatMap { $0 }.filter {
            (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0)
        }
    }

    // MARK: Processes

    /// Every process below `pid`, from /proc.
    static func descendants(of pid: pid_t) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let child = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = pid_t(fields[1]) { children[parent, default: []].append(child) }
        }
        var result: [pid_t] = []
        var queue = [pid]
        while let next = queue.popLast() {
            for child in children[next] ?? [] {
                result.append(child)
                queue.append(child)
            }
        }
        return result
    }

    /// Whether a process exists and is not a zombie.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }
}

/// Reading a captured screen.
extension String {
    /// The rows of a capture (capture-pane ends every row with a newline).
    var screenRows: [String] {
        var lines = components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Row 0: the breadcrumb bar.
    var barRow: String { screenRows.first ?? "" }

    /// The last row: the keys.
    var footerRow: String { screenRows.last ?? "" }

    /// The row above the keys: status messages.
    var statusRow: String {
        let rows = screenRows
        return rows.count >= 2 ? rows[rows.count - 2] : ""
    }

    /// The first row with the selection marker.
    var selectedRow: String? { screenRows.first { $0.contains("▸") } }

    /// The full-screen interface is up: the bar on top and the keys at the bottom.
    var showsInterface: Bool {
        barRow.hasPrefix(" Trailhead") && (footerRow.contains(" move") || footerRow.contains("close"))
    }

    /// The shell is waiting at its prompt: the last non-empty row is the bare prompt.
    var promptIsBack: Bool {
        screenRows.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces) == TmuxSession.prompt
    }

    /// Rows strictly between a box's top-left corner row and its bottom row, with both.
    func boxRows(titled title: String) -> [String]? {
        let rows = screenRows
        guard let top = rows.firstIndex(where: { $0.contains("┌─ " + title) }),
              let bottom = rows[top...].firstIndex(where: { $0.contains("└") && $0.contains("┘") }) else { return nil }
        return Array(rows[top...bottom])
    }
}
