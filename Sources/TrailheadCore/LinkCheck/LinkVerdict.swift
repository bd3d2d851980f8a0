/// How a checked URL fared: fine, redirected somewhere else, or dead.
public enum LinkVerdict: Sendable, Equatable {
    case ok(status: Int)
    case redirected(status: Int, location: String?)
    case dead(Problem)

    /// Why a URL counts as dead.
    public enum Problem: Sendable, Equatable {
        case status(Int)
        case timedOut(seconds: Double)
        case unreachable(String)
    }

    /// Statuses that mean "this server does not do HEAD", so the URL is asked again with GET.
    static let headRefused: Set<Int> = [405, 501]

    /// Fetches `url` with HEAD, again with GET when HEAD is refused, and classifies the answer.
    public static func check(_ url: String, with probe: some LinkProbe, timeout: Double) -> LinkVerdict {
        var fetch = probe.fetch(url, method: .head, timeout: timeout)
        if case .response(let status, _) = fetch, headRefused.contains(status) {
            fetch = probe.fetch(url, method: .get, timeout: timeout)
        }
        return classify(fetch, timeout: timeout)
    }

    /// 2xx is fine, 3xx a redirect, anything else (including 1xx and a missing status) dead.
    public static func classify(_ fetch: LinkFetch, timeout: Double) -> LinkVerdict {
        switch fetch {
        case .response(let status, let location):
            switch status {
            case 200...299: return .ok(status: status)
            case 300...399: return .redirected(status: status, location: location.flatMap { $0.isEmpty ? nil : $0 })
            default: return .dead(.status(status))
            }
        case .timedOut:
            return .dead(.timedOut(seconds: timeout))
        case .failed(let reason):
            return .dead(.unreachable(reason))
        }
    }

    public var isDead: Bool {
        if case .dead = self { return true }
        return false
    }

    /// `ok`, `redirected` or `dead`, as the JSON report names it.
    public var name: String {
        switch self {
        case .ok: "ok"
        case .redirected: "redirected"
        case .dead: "dead"
        }
    }

    /// The HTTP status, when there was a response.
    public var status: Int? {
        switch self {
        case .ok(let status), .redirected(let status, _), .dead(.status(let status)): status
        case .dead: nil
        }
    }
}
