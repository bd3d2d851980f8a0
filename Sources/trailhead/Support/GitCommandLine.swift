import TrailheadCore
import TrailheadProcess

/// Answers `sync`'s questions by running `git -C DIR …`, never prompting for credentials.
struct GitCommandLine: GitClient {
    var environment: [String: String]
    /// Seconds a pull may take before it is stopped and reported as failed.
    var pullTimeout: Double

    /// The caller's environment with every way git or ssh could ask for a password turned off;
    /// together with the child's own session (no controlling terminal) nothing can wait for input.
    static func environment(from variables: [String: String]) -> [String: String] {
        var environment = variables
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["SSH_ASKPASS_REQUIRE"] = "never"
        return environment
    }

    func workTreeRoot(of directory: String) -> String? {
        guard let output = git(["-C", directory, "rev-parse", "--show-toplevel"], timeout: 30), output.status == 0 else {
            return nil
        }
        let root = output.standardOutput.trimmingSpaces
        return root.isEmpty ? nil : root
    }

    func head(of root: String) -> String? {
        guard let output = git(["-C", root, "rev-parse", "--verify", "--quiet", "HEAD"], timeout: 30), output.status == 0 else {
            return nil
        }
        return output.standardOutput.trimmingSpaces
    }

    func pullFastForward(_ root: String) -> GitPullOutcome {
        guard let output = git(["-C", root, "pull", "--ff-only"], timeout: pullTimeout) else {
            return .failed(status: -1, errorOutput: "git could not be started")
        }
        if output.timedOut {
            return .failed(status: output.status, errorOutput: "stopped after \(Int(pullTimeout)) s without an answer from the remote")
        }
        return output.status == 0 ? .pulled : .failed(status: output.status, errorOutput: output.standardError)
    }

    private func git(_ arguments: [String], timeout: Double) -> ChildProcess.Output? {
        let process = ChildProcess(program: "git", arguments: arguments, environment: environment, deadline: timeout)
        guard case .success(let output) = process.run() else { return nil }
        return output
    }
}
