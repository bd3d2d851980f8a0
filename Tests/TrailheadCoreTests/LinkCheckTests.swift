import Testing
@testable import TrailheadCore

/// `check-links` logic without a network: collecting, deduplicating, HEAD→GET fallback, classifying, reporting.
@Suite struct LinkCheckTests {
    /// Answers from a table, and remembers every request.
    final class StubProbe: LinkProbe, @unchecked Sendable {
        var answers: [String: LinkFetch]
        var getAnswers: [String: LinkFetch]
        private(set) var requests: [(String, LinkProbeMethod)] = []

        init(_ answers: [String: LinkFetch], get getAnswers: [String: LinkFetch] = [:]) {
            self.answers = answers
            self.getAnswers = getAnswers
        }

        func fetch(_ url: String, method: LinkProbeMethod, timeout: Double) -> LinkFetch {
            requests.append((url, method))
            if method == .get, let answer = getAnswers[url] { return answer }
            return answers[url] ?? .failed("no answer for \(url)")
        }
    }

    static let tree = """
    format: 1
    id: links
    title: Links
    description: Links to check.
    start: start
    feedback: 'https://example.org/issues/new?title={tree}%2F{node}&v={version}'
    nodes:
      start:
        question: Which?
        choices:
          - label: One
            goto: one
          - label: Two
            goto: two
      one:
        title: One
        links:
          - url: https://example.org/a
          - url: mailto:help@example.org
          - url: http://example.org/b
      two:
        title: Two
        links:
          - url: https://example.org/a
    """

    @Test func collectsEachWebURLOnceWithEveryPlace() {
        let inventory = LinkInventory.collect(from: TestTrees.catalog([Self.tree]), version: "9.9")
        #expect(inventory.targets.map(\.url) == [
            "https://example.org/issues/new?title=links%2Fstart&v=9.9",
            "https://example.org/a",
            "http://example.org/b",
        ])
        let repeated = inventory.targets[1].occurrences
        #expect(repeated.map(\.place) == ["links/one", "links/two"])
        #expect(repeated.map(\.location.description) == ["t0.yaml:18:9", "t0.yaml:24:9"])
        #expect(inventory.targets[0].occurrences.map(\.place) == ["links (feedback)"])
        #expect(inventory.targets[0].occurrences.first?.field == .feedback)
        #expect(inventory.skipped.map(\.url) == ["mailto:help@example.org"])
        #expect(inventory.occurrenceCount == 4)
    }

    @Test(arguments: [
        ("https://example.org", true), ("HTTP://example.org/x", true), ("mailto:a@example.org", false),
        ("ftp://example.org", false), ("https:example.org", false), ("example.org", false),
    ])
    func onlyHTTPAndHTTPSAreFetched(url: String, fetched: Bool) {
        #expect(LinkInventory.isWeb(url) == fetched)
    }

    @Test(arguments: [405, 501])
    func aRefusedHEADIsAskedAgainWithGET(status: Int) {
        let probe = StubProbe(["https://x.org": .response(status: status, location: nil)], get: ["https://x.org": .response(status: 200, location: nil)])
        #expect(LinkVerdict.check("https://x.org", with: probe, timeout: 5) == .ok(status: 200))
        #expect(probe.requests.map(\.1) == [.head, .get])
    }

    @Test func otherAnswersToHEADAreFinal() {
        let probe = StubProbe(["https://x.org": .response(status: 404, location: nil)])
        #expect(LinkVerdict.check("https://x.org", with: probe, timeout: 5) == .dead(.status(404)))
        #expect(probe.requests.map(\.1) == [.head])
    }

    @Test(arguments: [
        (LinkFetch.response(status: 200, location: nil), LinkVerdict.ok(status: 200)),
        (.response(status: 204, location: nil), .ok(status: 204)),
        (.response(status: 301, location: "https://new.org/"), .redirected(status: 301, location: "https://new.org/")),
        (.response(status: 302, location: ""), .redirected(status: 302, location: nil)),
        (.response(status: 404, location: nil), .dead(.status(404))),
        (.response(status: 503, location: nil), .dead(.status(503))),
        (.response(status: 101, location: nil), .dead(.status(101))),
        (.timedOut, .dead(.timedOut(seconds: 2))),
        (.failed("Could not resolve host: nowhere"), .dead(.unreachable("Could not resolve host: nowhere"))),
    ])
    func classifiesFetches(fetch: LinkFetch, verdict: LinkVerdict) {
        #expect(LinkVerdict.classify(fetch, timeout: 2) == verdict)
    }

    static func report() -> LinkCheckReport {
        let inventory = LinkInventory.collect(from: TestTrees.catalog([Self.tree]), version: "1")
        return LinkCheckReport(inventory: inventory, verdicts: [
            .dead(.timedOut(seconds: 1.5)),
            .redirected(status: 301, location: "https://example.org/\u{1B}[31mred"),
            .ok(status: 200),
        ])
    }

    @Test func reportsEachPlaceOfAProblemURLInFileOrderSanitized() {
        let report = Self.report()
        #expect(report.lines == [
            "t0.yaml:1:1: dead: https://example.org/issues/new?title=links%2Fstart&v=1 (timed out after 1.5 s) in links (feedback)",
            "t0.yaml:18:9: redirected: https://example.org/a -> https://example.org/^[[31mred (HTTP 301) in links/one",
            "t0.yaml:24:9: redirected: https://example.org/a -> https://example.org/^[[31mred (HTTP 301) in links/two",
        ])
        #expect(report.summary == "checked 3 URLs in 4 places: 1 ok, 1 redirected, 1 dead; skipped 1 link that is not http or https")
        #expect(report.hasDead)
    }

    @Test func redirectsAloneAreNotDead() {
        let inventory = LinkInventory.grouping([
            LinkOccurrence(url: "https://x.org", field: .link, tree: "t", node: "n", location: SourceLocation(file: "f", line: 1, column: 1)),
        ])
        let report = LinkCheckReport(inventory: inventory, verdicts: [.redirected(status: 308, location: nil)])
        #expect(!report.hasDead)
        #expect(report.lines == ["f:1:1: redirected: https://x.org (HTTP 308) in t/n"])
        #expect(report.summary == "checked 1 URL in 1 place: 0 ok, 1 redirected, 0 dead")
    }

    @Test func jsonHasAStableShape() {
        let json = Self.report().json.serialized(pretty: false)
        #expect(json.hasPrefix(#"{"summary":{"urls":3,"places":4,"ok":1,"redirected":1,"dead":1,"skipped":1},"urls":[{"url":"https://example.org/issues/new?title=links%2Fstart&v=1","status":"dead","code":null,"location":null,"problem":"timeout","reason":"timed out after 1.5 s","occurrences":[{"url":"https://example.org/issues/new?title=links%2Fstart&v=1","field":"feedback","tree":"links","node":null,"key":null,"source":{"file":"t0.yaml","line":1,"column":1}}]}"#))
        #expect(json.contains(#""status":"redirected","code":301,"location":"https://example.org/\u001b[31mred","problem":null,"reason":null"#))
        #expect(json.hasSuffix(#""skipped":[{"url":"mailto:help@example.org","field":"link","tree":"links","node":"one","key":"links/one","source":{"file":"t0.yaml","line":19,"column":9}}]}"#))
    }
}

/// URLs found in free text and commands for `check-links`.
struct TextURLTests {
    @Test(arguments: [
        ("See https://example.org/a. Then go.", ["https://example.org/a"]),
        ("(docs: https://example.org/b)", ["https://example.org/b"]),
        ("https://en.wikipedia.org/wiki/Foo_(bar) works", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        ("`https://example.org/c` and <http://example.org/d>", ["https://example.org/c", "http://example.org/d"]),
        ("curl https://example.org/{file} -o x", []),
        ("wget \"$BASE\"; curl https://x.org/$PATH", []),
        ("no url here, https:// alone", []),
    ])
    func urlsAreCutWhereTheSentenceGoesOn(text: String, urls: [String]) {
        #expect(LinkInventory.urls(in: text) == urls)
    }
}
