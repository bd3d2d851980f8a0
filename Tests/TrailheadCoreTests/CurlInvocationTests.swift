import Testing
@testable import TrailheadCore

/// The curl command line `check-links` runs, and how its output is read.
@Suite struct CurlInvocationTests {
    @Test func theURLIsOneArgumentAfterDoubleDashAndRedirectsAreNotFollowed() {
        let url = "https://example.org/-o/etc/passwd?a=[1]"
        let head = CurlInvocation.arguments(for: url, method: .head, timeout: 1.5, userAgent: "T")
        #expect(head.first == "-q")
        #expect(head.suffix(2) == ["--", url])
        #expect(head.filter { $0 == url }.count == 1)
        #expect(head.contains("--head"))
        #expect(head.contains("--globoff"))
        #expect(!head.contains { $0.hasPrefix("--location") || $0 == "-L" })
        #expect(zip(head, head.dropFirst()).contains { $0 == ("--proto", "=http,https") })
        #expect(zip(head, head.dropFirst()).contains { $0 == ("--max-time", "1.5") })
        #expect(!CurlInvocation.arguments(for: url, method: .get, timeout: 1, userAgent: "T").contains("--head"))
    }

    @Test(arguments: [
        (0 as Int32, "200 ", "", LinkFetch.response(status: 200, location: nil)),
        (0, "301 https://example.org/new", "", .response(status: 301, location: "https://example.org/new")),
        (0, "404 ", "", .response(status: 404, location: nil)),
        (28, "000 ", "curl: (28) Operation timed out after 1001 milliseconds with 0 bytes received", .timedOut),
        (7, "000 ", "curl: (7) Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server\n",
         .failed("Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server")),
        (0, "000 ", "", .failed("curl exited with status 0")),
        (60, "000 ", "curl: (60) SSL certificate problem: certificate has expired", .failed("SSL certificate problem: certificate has expired")),
    ])
    func readsCurlsOutput(status: Int32, standardOutput: String, standardError: String, expected: LinkFetch) {
        #expect(CurlInvocation.fetch(status: status, standardOutput: standardOutput, standardError: standardError) == expected)
    }
}
