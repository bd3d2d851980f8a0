/// Fetches one URL once, without following redirects; the process or network behind it lives at the edge.
public protocol LinkProbe: Sendable {
    func fetch(_ url: String, method: LinkProbeMethod, timeout: Double) -> LinkFetch
}

/// The request a probe makes: HEAD first, GET for servers that refuse HEAD.
public enum LinkProbeMethod: String, Sendable {
    case head = "HEAD"
    case get = "GET"
}

/// What one fetch gave: a status line, a timeout, or a failure before any response.
public enum LinkFetch: Sendable, Equatable {
    /// An HTTP status, with the `Location` of a redirect when there is one.
    case response(status: Int, location: String?)
    case timedOut
    /// No response at all (name not resolved, connection refused, TLS failure, …), with the reason.
    case failed(String)
}
