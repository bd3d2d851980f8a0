import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The `make dist` output the release tests unpack: `TRAILHEAD_DIST` names the `dist/` directory
/// (`make test` sets it after building the release; a bare `swift test` skips these tests).
enum Release {
    static var directory: String? {
        guard let path = ProcessInfo.processInfo.environment["TRAILHEAD_DIST"], !path.isEmpty else { return nil }
        return path
    }

    static var isAvailable: Bool { tarball != nil }
    static var isRoot: Bool { getuid() == 0 }

    /// `dist/trailhead-VERSION-linux-ARCH.tar.gz`.
    static var tarball: String? {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        return names.first { $0.hasPrefix("trailhead-") && $0.contains("-linux-") && $0.hasSuffix(".tar.gz") }
            .map { directory + "/" + $0 }
    }

    /// The top directory inside the tarball (`trailhead-VERSION-linux-ARCH`).
    static var name: String {
        get throws {
            let tarball = try #require(tarball, "no release tarball in TRAILHEAD_DIST; run `make dist`")
            return String(URL(fileURLWithPath: tarball).lastPathComponent.dropLast(".tar.gz".count))
        }
    }

    /// A new private directory for one test.
    static func scratch(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("th-release-\(label)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Unpacks the tarball into `parent` (created if missing) and returns the release's top directory.
    static func unpack(into parent: String) throws -> String {
        let tarball = try #require(tarball, "no release tarball in TRAILHEAD_DIST; run `make dist`")
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let outcome = try run("/bin/tar", ["-xzf", tarball, "-C", parent])
        try #require(outcome.status == 0, "tar: \(outcome.stderr)")
        return parent + "/" + (try name)
    }

    /// Runs a program with a fixed, minimal environment (nothing from the test runner's).
    static func run(
        _ program: String, _ arguments: [String], stdin: String = "", environment: [String: String] = [:]
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm"].merging(environment) { $1 }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// An empty root holding only the unpacked release (under a name with a space) and a mounted
/// `/proc` (the Swift runtime reads it as it starts): no C library, no `/dev`, no terminfo, no locale.
final class EmptyChroot {
    let root: String
    /// The release's directory as seen inside the chroot.
    let release: String
    init() throws {
        root = try Release.scratch("chroot")
        let inside = "/trailhead release"
        _ = try Release.unpack(into: root + inside)
        release = inside + "/" + (try Release.name)
        try FileManager.default.createDirectory(atPath: root + "/proc", withIntermediateDirectories: false)
        let mount = try Release.run("/bin/mount", ["-t", "proc", "proc", root + "/proc"])
        try #require(mount.status == 0, "mount -t proc: \(mount.stderr)")
    }

    deinit {
        _ = try? Release.run("/bin/umount", ["-l", root + "/proc"])
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The release's binary inside the chroot.
    var binary: String { release + "/bin/trailhead" }

    /// What the root holds, to show that nothing else is there.
    var entries: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
    }

    /// Runs the release's `trailhead` inside the chroot, with no `HOME` that exists.
    func trailhead(_ arguments: [String], stdin: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
        try Release.run("/usr/sbin/chroot", [root, binary] + arguments, stdin: stdin, environment: ["HOME": "/home/nobody", "PATH": "/bin"])
    }
}
