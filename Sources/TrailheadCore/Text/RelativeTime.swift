/// Says how long ago something happened, the way a person would ("2 hours ago").
public enum RelativeTime {
    public static func phrase(from time: Int, to now: Int) -> String {
        let seconds = max(0, now - time)
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return unit(seconds / 60, "minute")
        case ..<86400: return unit(seconds / 3600, "hour")
        case ..<(86400 * 60): return unit(seconds / 86400, "day")
        default: return unit(seconds / (86400 * 30), "month")
        }
    }

    private static func unit(_ count: Int, _ name: String) -> String {
        "\(count) \(name)\(count == 1 ? "" : "s") ago"
    }
}
