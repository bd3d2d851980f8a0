import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The `make dist` release as a site meets it: one static file that runs where nothing else is
/// installed, trees found wherever it is unpacked, modulefiles that load.
@Suite(.enabled(if: Release.isAvailable, "set TRAILHEAD_DIST to the dist/ directory (make test does)"), .timeLimit(.minutes(2)))
struct ReleaseTests {
    @Test func theBinaryIsStaticStrippedAndNamesItsCommit() throws {
        let release = try Release.unpack(into: try Release.scratch("file"))
        let file = try Release.run("/usr/bin/file", ["-b", release + "/bin/trailhead"])
        #expect(file.stdout.contains("statically linked"), "\(file.stdout)")
        #expect(file.stdout.contains(", stripped"), "\(file.stdout)")
        let version = try Release.run(release + "/bin/trailhead", ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+ \(commit [0-9a-f]{12}(-modified)?\)\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
        let readelf = try Release.run("/usr/bin/readelf", ["-l", release + "/bin/trailhead"])
        #expect(!readelf.stdout.contains("INTERP"), "a static binary asks for no program interpreter")
    }

    /// `list`, `show`, `search`, `walk` and plain mode through a pipe, in a root holding nothing
    /// but the release and /proc.
    @Test(.enabled(if: Release.isRoot, "chroot needs root"))
    func everyScriptedCommandRunsInAnEmptyChroot() throws {
        let chroot = try EmptyChroot()
        #expect(chroot.entries == ["proc", "trailhead release"], "the chroot holds only the release and /proc")

        let list = try chroot.trailhead(["list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("escape-vre") && list.stdout.contains("login-node"), "\(list.stdout)")

        let show = try chroot.trailhead(["show", "escape-vre/rucio-download"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("rucio download"), "\(show.stdout)")

        let search = try chroot.trailhead(["search", "how", "do", "I", "download", "a", "file"])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.hasPrefix("escape-vre/rucio-download") || search.stdout.hasPrefix("escape-vre/rucio-first-download"), "\(search.stdout)")

        let walk = try chroot.trailhead(["walk", "escape-vre", "--answer", "1", "--json"])
        #expect(walk.status == 0, "\(walk.stderr)")
        #expect(walk.stdout.hasPrefix("{"), "\(walk.stdout)")

        let plain = try chroot.trailhead(["--plain"], stdin: "1\n")
        #expect(plain.stdout.contains("What do you want to do?"), "\(plain.stdout)\n\(plain.stderr)")
    }

    /// The full-screen interface in tmux, inside the chroot: no /dev/tty to open and no terminfo
    /// to read, so it draws on its standard descriptors with a built-in terminal description.
    @Test(.enabled(if: Release.isRoot, "chroot needs root"), arguments: ["xterm-256color", "tmux-256color", "screen", "vt100", "xterm-kitty"])
    func theInterfaceRunsInAnEmptyChroot(term: String) async throws {
        let chroot = try EmptyChroot()
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        try session.runShell("TERM=\(term) /usr/sbin/chroot \(E2E.shellQuote(chroot.root)) \(E2E.shellQuote(chroot.binary)); echo \"EXITED=$?\"")
        try await session.waitFor("the interface with TERM=\(term)") { $0.contains("Choose a guide") && $0.contains("ESCAPE Virtual Research Environment") }
        try session.send("Enter")
        try await session.waitFor("Enter to open the first guide") { $0.contains("What do you want to do?") }
        try session.send("q")
        let after = try await session.waitFor("q to quit with status 0") { $0.contains("EXITED=0") }
        // A vt100 has no alternate screen to leave: the last frame stays above the prompt.
        if term != "vt100" {
            #expect(!after.contains("What do you want to do?"), "the shell's screen came back\n\(after)")
        }
    }

    /// Unpacked under a path with spaces, moved after unpacking, or started through a symbolic
    /// link, the release finds its own trees and manual.
    @Test func theTreesAreFoundWhereverTheReleaseIsUnpacked() throws {
        let scratch = try Release.scratch("moved")
        let first = try Release.unpack(into: scratch + "/with spaces")
        let unpacked = try Release.run(first + "/bin/trailhead", ["list", "--sources"], environment: ["HOME": scratch])
        #expect(unpacked.status == 0, "\(unpacked.stderr)")
        #expect(unpacked.stdout.contains(first + "/share/trailhead/trees"), "\(unpacked.stdout)")

        let moved = scratch + "/moved again/deeper"
        try FileManager.default.createDirectory(atPath: scratch + "/moved again", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: first, toPath: moved)
        let afterMove = try Release.run(moved + "/bin/trailhead", ["show", "login-node/ssh-keygen"], environment: ["HOME": scratch])
        #expect(afterMove.status == 0, "\(afterMove.stderr)")

        try FileManager.default.createDirectory(atPath: scratch + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch + "/bin/trailhead", withDestinationPath: moved + "/bin/trailhead")
        let linked = try Release.run("/usr/bin/env", ["trailhead", "list"], environment: ["HOME": scratch, "PATH": scratch + "/bin:/usr/bin:/bin"])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.stdout.contains("escape-vre"), "\(linked.stdout)")
    }
}
