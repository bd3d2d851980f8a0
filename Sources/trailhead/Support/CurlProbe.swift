import TrailheadCore
import TrailheadProcess

/// Fetches URLs by running `curl`, one process per request.
struct CurlProbe: LinkProbe {
    var environment: [String: String]
    var userAgent: String

    func fetch(_ url: String, method: LinkProbeMethod, timeout: Double) -> LinkFetch {
        let process = ChildProcess(
            program: "curl",
            arguments: CurlInvocation.arguments(for: url, method: method, timeout: timeout, userAgent: userAgent),
            environment: environment,
            // curl stops itself at --max-time; the margin only guards against a curl that hangs anyway.
            deadline: timeout + 5)
        switch process.run() {
        case .failure(let error):
            return .failed(error.message)
        case .success(let output):
            if output.timedOut { return .timedOut }
            return CurlInvocation.fetch(status: output.status, standardOutput: output.standardOutput, standardError: output.standardError)
        }
    }
}
