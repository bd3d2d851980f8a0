/// Finds a program on PATH as a shell would, but in absolute directories only: an empty, `.` or
/// relative entry means the working directory, where a cloned repository could put a program
/// of the name Trailhead is about to run.
public enum ExecutableLookup {
    /// The path of the first executable `name` in PATH's absolute directories; a name with a
    /// `/` is used as it is when it is absolute.
    public static func find(_ name: String, path: String, isExecutable: (String) -> Bool) -> String? {
        if name.contains("/") { return name.hasPrefix("/") && isExecutable(name) ? name : nil }
        for directory in path.split(separator: ":") where directory.hasPrefix("/") {
            let candidate = String(directory) + "/" + name
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }
}
