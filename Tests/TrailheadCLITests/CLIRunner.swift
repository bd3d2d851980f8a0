import Foundation
import Testing

/// Runs the built `trailhead` binary and captures what it prints.
struct CLIRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stdout parsed as a JSON object.
        var json: [String: Any] {
            get throws {
                let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
                return try #require(object as? [String: Any])
            }
        }
    }

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var binary: String {
        ProcessInfo.processInfo.environment["TRAILHEAD_BIN"] ?? repositoryRoot + "/.build/debug/trailhead"
    }

    static var trees: String { repositoryRoot + "/trees" }

    /// Python 3 with `jsonschema` (Debian's python3-jsonschema), for checking the schemas themselves.
    static let pythonHasJSONSchema: Bool = {
        guard let outcome = try? run(["-c", "import jsonschema"], executable: "/usr/bin/python3") else { return false }
        return outcome.status == 0
    }()
    static var fixtures: String { repositoryRoot + "/Tests/Fixtures" }

    /// Runs with a clean environment so the user's own trees never leak into a test; `executable`
    /// runs another program (such as `script`) in that same environment.
    static func run(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:], directory: String? = nil, executable: String? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        let home = try testHome()
        var env = ["PATH": "/usr/bin:/bin", "HOME": home, "XDG_DATA_DIRS": "/nonexistent", "XDG_CONFIG_DIRS": "/nonexistent", "LANG": "C.UTF-8", "TERM": "xterm"]
        for name in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"] {
            if let value = ProcessInfo.processInfo.environment[name] { env[name] = value }
        }
        env.merge(environment) { $1 }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repositoryRoot)
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let outcome = Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
        if executable == nil { checkContract(arguments, outcome) }
        return outcome
    }

    /// Every `--json` document the suite sees must match its command's schema (docs/schemas),
    /// failures included: a script reading stdout always gets a document of the contract.
    private static func checkContract(_ arguments: [String], _ outcome: Outcome) {
        guard let schema = JSONContract.schema(for: arguments) else { return }
        guard !outcome.stdout.isEmpty else {
            Issue.record("`trailhead \(arguments.joined(separator: " "))` asked for JSON and wrote nothing on stdout (status \(outcome.status))")
            return
        }
        let problems = JSONSchemaCheck.problems(in: outcome.stdout, schema: schema)
        if !problems.isEmpty {
            let listed = problems.prefix(10).joined(separator: "\n")
            Issue.record(Comment(rawValue: "`trailhead \(arguments.joined(separator: " "))` does not match \(schema):\n\(listed)"))
        }
    }

    /// A home of each test's own, empty when the test starts: whether a run finds a cache, a
    /// history or user trees depends only on what that test did before it, never on test order.
    static func testHome() throws -> String {
        let name = Test.current.map { String(describing: $0.id) } ?? "outside-a-test"
        // The id names the suite, function and source position: hashed to a short, safe name.
        let digest = name.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        let home = runHomes.appendingPathComponent(String(digest, radix: 16)).path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return home
    }

    /// One directory per run of the test process, so a home is empty when its test starts.
    private static let runHomes = FileManager.default.temporaryDirectory.appendingPathComponent("trailhead-test-homes-\(getpid())-\(UUID().uuidString.prefix(8))")

    /// Makes a directory of tree files for one test.
    static func treeDirectory(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailhead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        return directory.path
    }
}
