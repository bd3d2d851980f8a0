import Testing
@testable import TrailheadCore

/// Hostile URLs and commands, as tables: which launch (always as one argument, never through a
/// shell), which are refused and with what reason, and which commands may go into a shell line.
@Suite struct HostileLaunchTests {
    static let desktop = LaunchEnvironment(platform: .linux, variables: ["DISPLAY": ":0"], availablePrograms: ["xdg-open", "xclip"])
    static let long = "https://example.org/" + String(repeating: "a", count: 100_000)

    /// nil: launched with exactly this URL as xdg-open's one argument; else the reason shown.
    static let urls: [(String, String?)] = [
        ("-oProxyCommand=id", "the URL has no scheme; start it with https://"),
        ("--help", "the URL has no scheme; start it with https://"),
        ("$(id)", "the URL has no scheme; start it with https://"),
        ("`id`", "the URL has no scheme; start it with https://"),
        ("file:///etc/passwd", "the URL scheme 'file' is not allowed; use https, http or mailto"),
        ("javascript:alert(1)", "the URL scheme 'javascript' is not allowed; use https, http or mailto"),
        ("smb://evil.example/share", "the URL scheme 'smb' is not allowed; use https, http or mailto"),
        ("ssh://-oProxyCommand=touch%20pwned/x", "the URL scheme 'ssh' is not allowed; use https, http or mailto"),
        ("data:text/html,<script>alert(1)</script>", "the URL scheme 'data' is not allowed; use https, http or mailto"),
        ("vbscript:msgbox(1)", "the URL scheme 'vbscript' is not allowed; use https, http or mailto"),
        ("https://-oProxyCommand=id/", "the URL has no valid host name"),
        ("https://user@-evil.example/", "the URL names a user ('user') before its host, which hides where it goes; remove everything up to '@'"),
        ("mailto:-oQueueDirectory=/tmp@x.org", "the mailto link needs an address like mailto:name@example.org"),
        ("https:evil.example", "the URL must look like https://host/path"),
        ("https://exa mple.org/", "the URL contains a space; write it as %20"),
        ("https://example.org/a\n--help", "the URL contains a control character (^J)"),
        ("\thttps://example.org/", "the URL contains a control character (^I)"),
        ("https://example.org/\u{1B}]2;x\u{07}", "the URL contains a control character (^[)"),
        ("https://example.org/\u{9B}2J", "the URL contains a control character (<U+009B>)"),
        ("https://example.org/\u{200B}", "the URL contains a zero-width or invisible character (<U+200B>)"),
        ("https://example.org/\u{202E}gpj.exe", "the URL contains a bidirectional-override character (<U+202E>)"),
        ("https://example.org/a;b&c|d", "the URL contains '|', which a URL cannot hold; write it as %7C"),
        ("https://example.org/`id`", "the URL contains '`', which a URL cannot hold; write it as %60"),
        ("https://example.org/\"x", "the URL contains '\"', which a URL cannot hold; write it as %22"),
        ("https://docs.cern.ch@evil.example/", "the URL names a user ('docs.cern.ch') before its host, which hides where it goes; remove everything up to '@'"),
        ("mailto:security@cern.ch?attach=/etc/passwd", "the mailto link asks to attach a file; remove 'attach'"),
        ("mailto:security@cern.ch?subject=x&Attachment=~/.ssh/id_ed25519", "the mailto link asks to attach a file; remove 'attach'"),
        ("https://example.org/a;b&c$(id)'q", nil),
        ("mailto:security@cern.ch?subject=Hello", nil),
        ("https://example.org/--help", nil),
        ("https://xn--pple-43d.com/", nil),
        ("https://\u{0430}pple.com/", nil),
        (long, nil),
    ]

    @Test(arguments: urls)
    func onlyAllowlistedURLsLaunchAndAsOneArgument(url: String, reason: String?) {
        let plan = LinkPlan.plan(for: url, in: Self.desktop)
        if let reason {
            #expect(plan == .refuse(reason: reason))
        } else {
            #expect(plan == .launch(program: "xdg-open", arguments: [url], displayName: "your browser"))
        }
    }

    @Test(arguments: [
        "firefox", "firefox %s", "sh -c %s", "/usr/bin/env firefox", "w3m %s:firefox", "x:y",
    ])
    func aBrowserVariableNeverSplitsOrShellsTheURL(browser: String) {
        let environment = LaunchEnvironment(
            platform: .linux, variables: ["DISPLAY": ":0", "BROWSER": browser],
            availablePrograms: ["firefox", "sh", "/usr/bin/env", "w3m", "x", "xdg-open"])
        for (url, reason) in Self.urls where reason == nil {
            guard case .launch(let program, let arguments, _) = LinkPlan.plan(for: url, in: environment) else {
                Issue.record("\(browser): \(url.prefix(40)) did not launch")
                continue
            }
            #expect(arguments.filter { $0 == url }.count == 1, "\(browser): \(arguments.map { $0.prefix(40) })")
            #expect(!["sh", "/usr/bin/env"].contains(program), "\(browser): a shell or env would run the URL")
            #expect(arguments.allSatisfy { $0 == url || !$0.contains("example.org") })
        }
    }

    static func command(_ run: String, multiline: Bool = false) -> Command {
        Command(run: run, does: "Does it.", placeholders: [], multiline: multiline, location: SourceLocation(file: "t.yaml", line: 1, column: 1))
    }

    /// nil: may be inserted into a shell line; else the hidden character named in the refusal.
    @Test(arguments: [
        ("echo ok", false, nil),
        ("echo 'a;b' && ls | wc -l $(pwd) `id`", false, nil),
        ("cat <<'EOF'\nx\nEOF", true, nil),
        ("cat <<-EOF\n\tx\nEOF", true, nil),
        ("echo ok\nrm -rf ~", false, "a line break"),
        ("echo\tok", false, "<U+0009>"),
        ("echo ok; rm\u{200D} -rf ~/tmp", false, "<U+200D>"),
        ("echo \u{200B}ok", true, "<U+200B>"),
        ("echo \u{2066}two\u{2069}", true, "<U+2066>"),
        ("echo \u{202E}cba", false, "<U+202E>"),
        ("echo \u{1B}]52;c;cm0gLXJm\u{07}", false, "<U+001B>"),
        ("echo \u{9B}2J", true, "<U+009B>"),
        ("echo ok\r", false, "<U+000D>"),
    ] as [(String, Bool, String?)])
    func commandsWithHiddenCharactersAreNeverInserted(run: String, multiline: Bool, hidden: String?) {
        let command = Self.command(run, multiline: multiline)
        let filled = PlaceholderFilling.fill(command, values: [:])
        if let hidden {
            #expect(filled == .failure(.unsafeCommand(character: hidden)))
            #expect(PlaceholderFilling.describe(.unsafeCommand(character: hidden))
                == "not used: the command contains \(hidden), which a shell line would hide or run early")
        } else {
            #expect(filled == .success(run))
        }
    }

    @Test func theInterfaceRefusesSuchACommandBeforeAskingForFields() {
        let yaml = TestTrees.minimal(extraNodes: """
              cmd:
                title: A command
                commands:
                  - run: "echo {x} \\u200B"
                    does: Echoes.
                    placeholders:
                      x:
                        prompt: X
            """)
        let file = TestTrees.load(yaml)
        #expect(file.isBroken, "the loader refuses it: \(file.diagnostics)")
        let catalog = Library.assemble(files: [file], includeBroken: true).catalog
        for purpose in [PlaceholderForm.Purpose.print, .copy] {
            var navigator = Navigator(catalog: catalog, start: NodeKey(tree: "demo", node: "cmd"), size: ScreenSize(columns: 80, rows: 24), version: "t")
            let effect = navigator.use(commandAt: 0, of: NodeKey(tree: "demo", node: "cmd"), for: purpose)
            #expect(effect == nil)
            #expect(navigator.state.form == nil, "no form is opened")
            #expect(navigator.state.status == "not used: the command contains <U+200B>, which a shell line would hide or run early")
        }
    }
}
