import Testing
@testable import TrailheadCore

@Suite struct TextTests {
    @Test func sanitizerShowsControlAndInvisibleCharacters() {
        #expect(TextSanitizer.line("a\u{1B}]0;x\u{07}b") == "a^[]0;x^Gb")
        #expect(TextSanitizer.line("x\u{202E}y\u{200B}z\u{7F}\u{9B}") == "x<U+202E>y<U+200B>z^?<U+009B>")
        #expect(TextSanitizer.line("two\nlines\tand tab") == "two↵lines and tab")
        #expect(TextSanitizer.block("two\nlines\r") == "two\nlines^M")
        #expect(TextSanitizer.line("plain ascii") == "plain ascii")
        #expect(TextSanitizer.line("👩\u{200D}🔬 ok") == "👩\u{200D}🔬 ok")
    }

    @Test func widthCountsWideAndCombiningCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🚀") == 2)
    }

    @Test func wrapsAtSpacesAndSplitsLongWords() {
        #expect(TextWrapper.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextWrapper.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrapper.wrap("日本語のテキスト", width: 6) == ["日本語", "のテキ", "スト"])
        #expect(TextWrapper.wrap("a\n\nb", width: 10) == ["a", "", "b"])
    }

    @Test func longWordsAreCutAfterTheIndentAndAfterWhatPrecedesThem() {
        #expect(TextWrapper.wrap("  ab abcdefgh x", width: 5) == ["  ab", "  abc", "  def", "  gh", "  x"])
        #expect(TextWrapper.wrap("日本語x", width: 1) == ["日", "本", "語", "x"])
        #expect(TextWrapper.wrap("ae\u{301}\u{301}b", width: 1) == ["a", "e\u{301}\u{301}", "b"])
        let long = String(repeating: "a", count: 10_000)
        #expect(TextWrapper.wrap(long, width: 7).map(\.count) == Array(repeating: 7, count: 1428) + [4])
    }

    @Test func truncatesWithAnEllipsis() {
        #expect(TextWrapper.truncate("hello world", width: 8) == "hello w…")
        #expect(TextWrapper.truncate("日本語", width: 4) == "日…")
        #expect(TextWrapper.truncate("short", width: 8) == "short")
        // Found by `make fuzz`: a wide first character used to give 3 columns in 2.
        #expect(TextWrapper.truncate("👩\u{200D}💻 at work", width: 2) == "…")
        #expect(TextWrapper.truncate("日本語", width: 2) == "…")
    }

    @Test func reflowJoinsParagraphLinesButKeepsListsAndIndentedLines() {
        let text = "one\ntwo\n\n- item a\n- item b\n    code line\nthree\n"
        #expect(TextWrapper.reflow(text) == "one two\n\n- item a\n- item b\n    code line three")
    }

    @Test func suggestionsFindCloseWords() {
        #expect(Suggestion.closest(to: "titel", in: ["title", "id"]) == "title")
        #expect(Suggestion.closest(to: "zzz", in: ["title", "id"]) == nil)
    }

    /// Plain `http(s)://host` URLs skip the general checks; near misses must still reach them.
    @Test func urlRulesFastPathAcceptsOnlyWhatTheGeneralRulesAccept() {
        for url in ["https://zenodo.org/x?y#z", "http://a-b.example", "https://x.org", "https://indico.cern.ch/event/1"] {
            #expect(URLRules.problem(with: url) == nil, "\(url)")
        }
        for url in ["https://", "https:///path", "https://.x.org", "https://-x.org", "https://a_b.org", "https://user@-x.org"] {
            #expect(URLRules.problem(with: url)?.contains("host") == true, "\(url)")
        }
    }

    /// A host mixing Latin letters with lookalikes from another script is accepted with a
    /// warning; names in one script, accented Latin included, are not warned about.
    @Test func hostsMixingScriptsAreWarnedAbout() {
        let cyrillic = URLRules.lookalikeHostWarning(for: "https://\u{0430}pple.com/login")
        #expect(cyrillic?.contains("<U+0430> (CYRILLIC SMALL LETTER A)") == true, "\(cyrillic ?? "no warning")")
        #expect(URLRules.lookalikeHostWarning(for: "https://indico.\u{0441}ern.ch") != nil)
        #expect(URLRules.lookalikeHostWarning(for: "https://user@g\u{03BF}\u{03BF}gle.com:443/") != nil)
        for url in ["https://indico.cern.ch", "https://m\u{00FC}nchen.de", "https://\u{043F}\u{0440}\u{0438}\u{043C}\u{0435}\u{0440}.\u{0440}\u{0444}",
                    "https://example.org/\u{0430}pple", "mailto:ops@cern.ch", "https://xn--pple-43d.com/"] {
            #expect(URLRules.lookalikeHostWarning(for: url) == nil, "\(url)")
        }
        #expect(TestTrees.diagnostics(TestTrees.minimal().replacing("https://data.example.org", with: "https://d\u{0430}ta.example.org"))
            .contains { $0.contains("warning: the host 'd\u{0430}ta.example.org' mixes Latin letters") })
    }

    @Test func urlRulesAllowOnlySafeSchemes() {
        #expect(URLRules.problem(with: "https://example.org/a?b=c") == nil)
        #expect(URLRules.problem(with: "mailto:ops@example.org?subject=x") == nil)
        #expect(URLRules.problem(with: "javascript:alert(1)")?.contains("not allowed") == true)
        #expect(URLRules.problem(with: "file:///etc/passwd")?.contains("not allowed") == true)
        #expect(URLRules.problem(with: "example.org")?.contains("no scheme") == true)
        #expect(URLRules.problem(with: "https://-oProxyCommand=x")?.contains("host") == true)
        #expect(URLRules.problem(with: "https://a b")?.contains("space") == true)
        // Found by the `urls` fuzz target's invariant: other Unicode spaces were accepted.
        #expect(URLRules.problem(with: "https://example.org/a\u{A0}b")?.contains("space") == true)
        #expect(URLRules.problem(with: "https://example.org/\u{3000}")?.contains("space") == true)
        #expect(URLRules.problem(with: "mailto:")?.contains("address") == true)
    }

    @Test func jsonEscapesHazardsAndKeepsKeyOrder() {
        let value = JSONValue.object([("b", .string("x\u{1B}y\u{202E}\"")), ("a", .array([.int(1), .null, .bool(true)]))])
        #expect(value.serialized(pretty: false) == #"{"b":"x\u001by\u202e\"","a":[1,null,true]}"#)
    }

    @Test(arguments: [0, 7, 9, 10, 99, 100, 1_000_001, -1, -10, Int.max, Int.min])
    func jsonIntegersAreWrittenAsSwiftPrintsThem(value: Int) {
        #expect(JSONValue.int(value).serialized(pretty: false) == String(value))
    }

    /// A terminal without UTF-8 gets ASCII of the same width for every character.
    @Test func asciiFallbackKeepsEachCharactersWidth() {
        #expect(ASCIIFallback.text(for: "›", width: 1) == ">")
        #expect(ASCIIFallback.text(for: "é", width: 1) == "e")
        #expect(ASCIIFallback.text(for: "e\u{301}", width: 1) == "e")
        #expect(ASCIIFallback.text(for: "Ø", width: 1) == "O")
        #expect(ASCIIFallback.text(for: "日", width: 2) == "??")
        #expect(ASCIIFallback.text(for: "🚀", width: 2) == "??")
        #expect(ASCIIFallback.text(for: "ж", width: 1) == "?")
    }
}
