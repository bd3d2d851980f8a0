import Foundation
import Testing

/// Probes in the interface: answers appear beside the question, and a slow one never holds up a key.
@Suite(.timeLimit(.minutes(1)))
struct ProbeScreenTests {
    static let tree = """
        format: 1
        id: tools
        title: Tools
        description: Which tools this machine has.
        start: start
        nodes:
          start:
            question: How will you run the client?
            probes:
              - command: goodtool
                version-matches: "goodtool 2\\\\."
              - command: slowtool
                version-matches: "slowtool 1"
              - command: missingtool
            choices:
              - label: It is installed
                suggest-if: {command: goodtool}
                goto: done
              - label: Install it
                goto: done
          done:
            title: Done
            body: Nothing more.

        """

    static func tool(_ name: String, in directory: URL, script: String) throws {
        let path = directory.appendingPathComponent(name)
        try Data("#!/bin/sh\n\(script)\n".utf8).write(to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
    }

    /// A short directory of fake tools, so each answer fits on one line of the page.
    static func tools() throws -> URL {
        let tools = URL(fileURLWithPath: "/tmp/thp-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try Self.tool("goodtool", in: tools, script: "echo 'goodtool 2.4.1'")
        try Self.tool("slowtool", in: tools, script: "exec sleep 30")
        return tools
    }

    /// The deadline is long here, so however loaded the machine, the key is handled while
    /// slowtool's `--version` is still running.
    @Test func aSlowVersionNeverBlocksKeysAndTheOthersAreAnsweredMeanwhile() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let tools = try Self.tools()
        defer { try? FileManager.default.removeItem(at: tools) }
        let trees = try E2E.treeDirectory(in: session.home, ["tools.yaml": Self.tree])
        try session.runShell("TRAILHEAD_PROBE_TIMEOUT=120 PATH=\(E2E.shellQuote(tools.path)):$PATH " + session.trailheadCommand(["--trees", trees, "--no-default-trees"]))
        let first = try await session.waitFor("the fast probes answered while slowtool is still checked") { screen in
            screen.showsInterface && screen.screenRows.contains { $0.hasPrefix("   ✗ missingtool is not on your PATH") }
                && screen.screenRows.contains { $0.hasPrefix("   ✓ goodtool found at \(tools.path)/goodtool (goodtool 2.4.1)") }
        }
        #expect(first.screenRows.contains { $0.hasPrefix("   … checking slowtool") }, "\(first)")
        #expect(first.screenRows.contains { $0.hasPrefix("      ✓ suggested: goodtool found at") }, "\(first)")
        try session.send("j")
        let moved = try await session.waitFor("j to move while slowtool's --version still runs") {
            $0.selectedRow?.hasPrefix(" ▸ 2  Install it") == true
        }
        #expect(moved.screenRows.contains { $0.hasPrefix("   … checking slowtool") }, "the key was handled before the probe finished\n\(moved)")
        try await session.quitTrailhead()
    }

    @Test func aVersionThatHangsIsReportedAfterTheDeadline() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let tools = try Self.tools()
        defer { try? FileManager.default.removeItem(at: tools) }
        let trees = try E2E.treeDirectory(in: session.home, ["tools.yaml": Self.tree])
        try session.runShell("TRAILHEAD_PROBE_TIMEOUT=1 PATH=\(E2E.shellQuote(tools.path)):$PATH " + session.trailheadCommand(["--trees", trees, "--no-default-trees"]))
        try await session.waitFor("slowtool reported as not answering once its 1-second deadline passed") { screen in
            screen.screenRows.contains { $0.hasPrefix("   ? slowtool found at \(tools.path)/slowtool, but 'slowtool --version' did not answer in time") }
        }
        try await session.quitTrailhead()
    }

    /// With rucio-clients 41 on PATH the Rucio leaf shows only the noun-verb form and says why;
    /// `v` shows the older form too.
    @Test func theRucioLeafShowsTheFormOfTheInstalledClientAndVRevealsTheOther() async throws {
        let session = try await TmuxSession(columns: 120, rows: 40)
        defer { session.shutdown() }
        let tools = URL(fileURLWithPath: "/tmp/thr-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tools) }
        try Self.tool("rucio", in: tools, script: "echo 'rucio 41.0.0'")
        try session.runShell("PATH=\(E2E.shellQuote(tools.path)):$PATH " + session.trailheadCommand(["escape-vre/rucio-list-dids"]))
        let page = try await session.waitFor("only the noun-verb form, with the reason") { screen in
            screen.showsInterface && screen.screenRows.contains { $0.contains("$ rucio did list --filter") }
                && screen.screenRows.contains { $0.contains("for rucio >= 37: yes, rucio 41.0.0 found at") }
                && screen.screenRows.contains { $0.contains("1 command is for other machines: hidden (v shows them)") }
        }
        #expect(!page.screenRows.contains { $0.contains("$ rucio list-dids") })
        try session.send("v")
        try await session.waitFor("v shows the older form too") { screen in
            screen.screenRows.contains { $0.contains("$ rucio list-dids --filter") }
                && screen.screenRows.contains { $0.contains("for rucio < 37: not here, rucio 41.0.0 found at") }
        }
    }
}

/// Rich body text as a user meets it: a code block they select and copy whole, and a section
/// that follows the Rucio client installed.
@Suite(.timeLimit(.minutes(1)))
struct RichTextSessionTests {
    @Test func aCodeBlockIsSelectedFirstAndEnterCopiesItWhole() async throws {
        let session = try await TmuxSession(columns: 100, rows: 40)
        defer { session.shutdown() }
        try await session.openTrailhead(["escape-vre/rucio-config"])
        let page = try await session.waitFor("the configuration as a selected code block") { screen in
            screen.selectedRow?.contains("[client]") == true && screen.screenRows.contains { $0.contains("Enter copy") }
        }
        #expect(page.screenRows.contains("   rucio_host = https://vre-rucio.cern.ch"), "code lines are shown as written\n\(page)")
        #expect(page.screenRows.contains { $0.hasPrefix(" Note:") }, "the note is labelled\n\(page)")
        #expect(try session.buffers().isEmpty)
        try session.send("Enter")
        try await session.waitFor("Enter to copy the code block") { $0.statusRow.contains("Code copied") }
        let copied = try session.showBuffer()
        #expect(copied.hasPrefix("[client]\nrucio_host = https://vre-rucio.cern.ch\n") && copied.hasSuffix("lfn2pfn_algorithm_default = hash"), "\(copied)")
        try await session.quitTrailhead()
    }

    @Test func aSectionForAnotherClientIsHiddenUntilV() async throws {
        let session = try await TmuxSession(columns: 120, rows: 50)
        defer { session.shutdown() }
        let tools = URL(fileURLWithPath: "/tmp/thr-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tools) }
        try ProbeScreenTests.tool("rucio", in: tools, script: "echo 'rucio 41.0.0'")
        try session.runShell("PATH=\(E2E.shellQuote(tools.path)):$PATH " + session.trailheadCommand(["escape-vre/rucio-cli-versions"]))
        let page = try await session.waitFor("the section for this client, with the reason") { screen in
            screen.showsInterface && screen.screenRows.contains { $0.contains("For rucio >= 37: yes, rucio 41.0.0 found at") }
                && screen.screenRows.contains { $0.contains("1 section is for other machines: hidden (v shows them)") }
        }
        #expect(!page.screenRows.contains { $0.contains("knows only the hyphenated forms") })
        try session.send("v")
        try await session.waitFor("v shows the section for older clients") { screen in
            screen.screenRows.contains { $0.contains("For rucio < 37: not here, rucio 41.0.0 found at") }
                && screen.screenRows.contains { $0.contains("knows only the hyphenated forms") }
        }
    }
}
