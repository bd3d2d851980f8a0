import Testing
@testable import TrailheadCore

@Suite struct LaunchPlanTests {
    static let url = "https://opendata.cern.ch/record/1"

    static func environment(_ variables: [String: String], platform: LaunchEnvironment.Platform = .linux, programs: Set<String> = ["xdg-open", "xclip", "wl-copy", "firefox", "/usr/bin/chromium", "w3m", "sh"]) -> LaunchEnvironment {
        LaunchEnvironment(platform: platform, variables: variables, availablePrograms: programs)
    }

    @Test(arguments: [
        // A local graphical session: $BROWSER first, else xdg-open.
        (["DISPLAY": ":0"], LinkPlan.launch(program: "xdg-open", arguments: [url], displayName: "your browser")),
        (["WAYLAND_DISPLAY": "wayland-0"], .launch(program: "xdg-open", arguments: [url], displayName: "your browser")),
        (["DISPLAY": ":0", "BROWSER": "firefox"], .launch(program: "firefox", arguments: [url], displayName: "firefox")),
        (["DISPLAY": ":0", "BROWSER": "/usr/bin/chromium --new-window"], .launch(program: "/usr/bin/chromium", arguments: ["--new-window", url], displayName: "chromium")),
        (["DISPLAY": ":0", "BROWSER": "w3m %s:firefox"], .launch(program: "w3m", arguments: [url], displayName: "w3m")),
        // Every entry is tried in turn: one not installed, or one that would run the URL as code, is passed over.
        (["DISPLAY": ":0", "BROWSER": "lynx %s:firefox"], .launch(program: "firefox", arguments: [url], displayName: "firefox")),
        (["DISPLAY": ":0", "BROWSER": "sh -c %s:firefox"], .launch(program: "firefox", arguments: [url], displayName: "firefox")),
        (["DISPLAY": ":0", "BROWSER": "w3m -e %s"], .launch(program: "xdg-open", arguments: [url], displayName: "your browser")),
        (["DISPLAY": ":0", "BROWSER": "lynx"], .launch(program: "xdg-open", arguments: [url], displayName: "your browser")),
        // Over SSH, with or without X forwarding, and with no display: never a browser.
        (["SSH_CONNECTION": "10.0.0.1 5000 10.0.0.2 22"], .show(reason: "No browser here (SSH session)")),
        (["SSH_TTY": "/dev/pts/3", "DISPLAY": "localhost:10.0"], .show(reason: "No browser here (SSH session)")),
        (["SSH_CONNECTION": "x", "BROWSER": "firefox"], .show(reason: "No browser here (SSH session)")),
        ([:], .show(reason: "No browser here (no display)")),
        (["BROWSER": "firefox"], .show(reason: "No browser here (no display)")),
    ] as [([String: String], LinkPlan)])
    func linuxPlans(variables: [String: String], expected: LinkPlan) {
        #expect(LinkPlan.plan(for: Self.url, in: Self.environment(variables)) == expected)
    }

    @Test func macOSOpensLocallyButNotOverSSH() {
        #expect(LinkPlan.plan(for: Self.url, in: Self.environment([:], platform: .macOS)) == .launch(program: "open", arguments: [Self.url], displayName: "your browser"))
        #expect(LinkPlan.plan(for: Self.url, in: Self.environment(["SSH_TTY": "x"], platform: .macOS)) == .show(reason: "No browser here (SSH session)"))
    }

    @Test func withoutXdgOpenTheLinkIsShown() {
        let plan = LinkPlan.plan(for: Self.url, in: Self.environment(["DISPLAY": ":0"], programs: []))
        #expect(plan == .show(reason: "No browser opener here (xdg-open is not installed)"))
    }

    @Test(arguments: [
        "-oProxyCommand=id", "--help", "file:///etc/passwd", "javascript:alert(1)", "smb://host/share",
        "ssh://-oProxyCommand=id/x", "https://a b", "https://x\n--help", "$(id)", "`id`", "https://-x.org", "",
    ])
    func refusesHostileURLs(url: String) {
        guard case .refuse = LinkPlan.plan(for: url, in: Self.environment(["DISPLAY": ":0"])) else {
            Issue.record("\(url) was not refused")
            return
        }
    }

    @Test func theURLIsAlwaysExactlyOneArgument() {
        let url = "https://example.org/a;b&c$(e)'g"
        guard case .launch(_, let arguments, _) = LinkPlan.plan(for: url, in: Self.environment(["DISPLAY": ":0", "BROWSER": "firefox %s --x"])) else {
            Issue.record("expected a launch")
            return
        }
        #expect(arguments == [url, "--x"])
    }

    @Test func clipboardUsesOSC52AndALocalProgram() {
        let plain = ClipboardPlan.plan(for: "hi", in: Self.environment(["SSH_TTY": "x"]))
        #expect(plain.terminalSequence == "\u{1B}]52;c;aGk=\u{07}")
        #expect(plain.program == nil)
        let local = ClipboardPlan.plan(for: "hi", in: Self.environment(["DISPLAY": ":0"]))
        #expect(local.program?.name == "xclip")
        #expect(local.program?.arguments == ["-selection", "clipboard"])
        let wayland = ClipboardPlan.plan(for: "hi", in: Self.environment(["WAYLAND_DISPLAY": "w"]))
        #expect(wayland.program?.name == "wl-copy")
        let mac = ClipboardPlan.plan(for: "hi", in: Self.environment([:], platform: .macOS, programs: ["pbcopy"]))
        #expect(mac.program?.name == "pbcopy")
        let none = ClipboardPlan.plan(for: "hi", in: Self.environment(["DISPLAY": ":0"], programs: []))
        #expect(none.program == nil)
    }

    @Test func osc52IsWrappedForTmuxAndScreen() {
        let tmux = TerminalSequences.clipboard("hi", insideTmux: true, insideScreen: false)
        #expect(tmux == "\u{1B}]52;c;aGk=\u{07}\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
        let screen = TerminalSequences.clipboard("hi", insideTmux: false, insideScreen: true)
        #expect(screen == "\u{1B}P\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
        let long = TerminalSequences.clipboard(String(repeating: "x", count: 3000), insideTmux: false, insideScreen: true)
        #expect(long.components(separatedBy: "\u{1B}P").count - 1 == 6)
    }

    @Test func osc8HyperlinksEncodeTheURLAndSanitizeTheText() {
        #expect(TerminalSequences.hyperlink("https://a.org/x", text: "docs") == "\u{1B}]8;;https://a.org/x\u{1B}\\docs\u{1B}]8;;\u{1B}\\")
        let hostile = TerminalSequences.hyperlink("https://a.org/é", text: "a\u{1B}[2Jb")
        #expect(hostile == "\u{1B}]8;;https://a.org/%C3%A9\u{1B}\\a^[[2Jb\u{1B}]8;;\u{1B}\\")
    }

    @Test(arguments: [
        ("", "''"), ("abc", "abc"), ("a b", "'a b'"), ("it's", "'it'\\''s'"), ("$(id)", "'$(id)'"), ("`id`", "'`id`'"),
        ("a;rm -rf ~", "'a;rm -rf ~'"), ("x|y&z", "'x|y&z'"), ("scope:file.root", "scope:file.root"), ("*", "'*'"),
        ("\"q\"", "'\"q\"'"), ("~", "'~'"), ("a\nb", "'a\nb'"), ("-rf", "-rf"), ("日本", "'日本'"),
        ("a\\b", "'a'\\\\'b'"), ("x\\", "'x'\\\\''"),
    ])
    func shellQuotingMakesOneWord(value: String, quoted: String) {
        #expect(ShellQuoting.quote(value) == quoted)
    }

    /// Found by `make fuzz`: a quote followed by a combining mark is one Character, and was left
    /// unescaped, so the rest of the value (`; id`) ran as a command.
    @Test func shellQuotingEscapesAQuoteCarryingACombiningMark() {
        #expect(ShellQuoting.quote("x'\u{301}; id #") == "'x'\\''\u{301}; id #'")
        #expect(ShellQuoting.quote("'\u{64C}") == "''\\''\u{64C}'")
    }

    @Test func base64MatchesTheStandard() {
        #expect(Base64.encode(Array("".utf8)) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foo".utf8)) == "Zm9v")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    }

    @Test func browserVariableIsSplitWithoutAShell() {
        #expect(BrowserVariable.commands("firefox").first?.arguments(for: "u") == ["u"])
        #expect(BrowserVariable.commands(":::").isEmpty)
        #expect(BrowserVariable.commands("sh -c 'x'").first?.program == "sh")
        #expect(BrowserVariable.commands("a:b %s").map(\.program) == ["a", "b"])
    }

    /// A link's characters outside ASCII are percent-encoded after its host when it is handed over.
    @Test func theBrowserIsGivenOnlyASCII() {
        #expect(URLRules.launchForm(of: "https://münchen.de/straße?q=ü#é") == "https://münchen.de/stra%C3%9Fe?q=%C3%BC#%C3%A9")
        #expect(URLRules.launchForm(of: Self.url) == Self.url)
    }
}
