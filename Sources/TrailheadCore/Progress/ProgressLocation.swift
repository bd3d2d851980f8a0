/// Where the progress file lives: `$XDG_STATE_HOME/trailhead/progress`, else
/// `~/.local/state/trailhead/progress`; nowhere when `TRAILHEAD_NO_STATE` is set or neither is
/// absolute (a relative one would name another file in every working directory).
public enum ProgressLocation {
    public static func path(environment: [String: String]) -> String? {
        if !(environment["TRAILHEAD_NO_STATE"] ?? "").isEmpty { return nil }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/trailhead/progress" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/state/trailhead/progress"
    }
}
