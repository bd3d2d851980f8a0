import Testing
import TrailheadProcess

#if canImport(Glibc)
import Glibc
#endif

/// The process module starts programs from an argv, with nothing of ours open in them.
@Suite struct ChildProcessTests {
    static let path = "/usr/bin:/bin"

    @Test func aChildGetsItsArgumentsAsWordsAndReportsItsOutputAndStatus() throws {
        let child = ChildProcess(program: "printf", arguments: ["%s|", "a b", "$(touch /tmp/never)", ";"], environment: ["PATH": Self.path], deadline: 5)
        let output = try child.run().get()
        #expect(output.status == 0)
        #expect(output.standardOutput == "a b|$(touch /tmp/never)|;|")
    }

    /// The pipes made for a child are close-on-exec from the start (`pipe2`): without that the
    /// child, and any child another thread starts meanwhile, would hold their four ends open.
    @Test func aChildInheritsNoDescriptorOfOurs() throws {
        let child = ChildProcess(program: "ls", arguments: ["/proc/self/fd"], environment: ["PATH": Self.path], deadline: 5)
        let output = try child.run().get()
        let open = output.standardOutput.split(separator: "\n").compactMap { Int32($0) }
        // 0, 1 and 2, and the directory ls itself opened to list them.
        #expect(open.count == 4, "the child had \(open) open")
    }

    @Test func aProgramNotOnThePathIsReportedNotRun() {
        let child = ChildProcess(program: "trailhead-no-such-program", arguments: [], environment: ["PATH": Self.path], deadline: 5)
        guard case .failure(let error) = child.run() else {
            Issue.record("a missing program started")
            return
        }
        #expect(error.message == "trailhead-no-such-program: not found on PATH")
    }

    @Test func aChildPastItsDeadlineIsKilled() throws {
        let child = ChildProcess(program: "sleep", arguments: ["30"], environment: ["PATH": Self.path], deadline: 0.2)
        let output = try child.run().get()
        #expect(output.timedOut)
    }
}
