import Foundation
import Testing

/// trailhead(1): written from the binary (scripts/generate-man.py), so it names every command and
/// option the parser knows and every key of the interface; it renders without a warning.
@Suite struct ManPageTests {
    static let page = CLIRunner.repositoryRoot + "/share/man/man1/trailhead.1"

    @Test func theManPageIsWrittenFromTheBinary() throws {
        let generated = try CLIRunner.run([CLIRunner.repositoryRoot + "/scripts/generate-man.py", CLIRunner.binary], executable: "/usr/bin/python3")
        #expect(generated.status == 0, "\(generated.stderr)")
        let committed = try String(contentsOfFile: Self.page, encoding: .utf8)
        #expect(generated.stdout == committed, "share/man/man1/trailhead.1 is stale: run `make generated`")
    }

    @Test func itNamesEveryCommandOptionAndKeySection() throws {
        let text = try String(contentsOfFile: Self.page, encoding: .utf8)
        for command in ["list", "show", "walk", "search", "explain", "history", "validate", "test", "new", "export", "check-links", "sync", "shell-init"] {
            #expect(text.contains(".SS \(command.replacingOccurrences(of: "-", with: "\\-"))\n"), "no \(command) command")
        }
        for option in ["\\-\\-trees", "\\-\\-no\\-default\\-trees", "\\-\\-json", "\\-\\-all", "\\-\\-max\\-age", "\\-\\-keys"] {
            #expect(text.contains("\\fB\(option)\\fR"), "no \(option)")
        }
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "KEYS", "FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES", "SEE ALSO"] {
            #expect(text.contains(".SH \(section)\n"), "no \(section) section")
        }
        #expect(text.contains(".SS Walking") && text.contains(".SS Search"), "the keys of the interface")
    }

    @Test(.enabled(if: ["/usr/bin/man", "/usr/bin/groff"].allSatisfy(FileManager.default.isExecutableFile), "needs man and groff"))
    func itRendersWithoutAWarning() throws {
        let rendered = try CLIRunner.run(["-l", Self.page], environment: ["MANWIDTH": "80", "MAN_KEEP_FORMATTING": "", "PAGER": "cat"], executable: "/usr/bin/man")
        #expect(rendered.status == 0 && rendered.stderr.isEmpty, "\(rendered.stderr)")
        #expect(rendered.stdout.contains("EXIT STATUS") && rendered.stdout.contains("trailhead explain"))
        let lint = try CLIRunner.run(["-ww", "-man", "-z", Self.page], executable: "/usr/bin/groff")
        #expect(lint.status == 0 && lint.stderr.isEmpty, "\(lint.stderr)")
    }
}
