import TrailheadCore
import TrailheadProcess

#if canImport(Glibc)
import Glibc
#endif

/// Carries out the navigator's outward effects (opening links, copying) and reports each
/// outcome as a status line, including outcomes that arrive later (a browser that fails).
final class EffectRunner {
    private let environment: LaunchEnvironment
    private let spawner = ProcessSpawner()
    private let terminal: Int32
    /// Children still being watched: their pid, what they were for, and when they started.
    private var watched: [(pid: pid_t, program: String, displayName: String, started: Int)] = []
    /// Children no longer reported on, reaped when they end so none is left a zombie.
    private var unwatched: [pid_t] = []

    init(environment: [String: String], terminal: Int32) {
        #if os(macOS)
        let platform = LaunchEnvironment.Platform.macOS
        #else
        let platform = LaunchEnvironment.Platform.linux
        #endif
        self.environment = LaunchEnvironment(
            platform: platform, variables: environment,
            availablePrograms: ProcessSpawner.available(LaunchEnvironment.interestingPrograms(variables: environment), path: environment["PATH"] ?? ""))
        self.terminal = terminal
    }

    /// Opens a link as the plan for this environment says; returns the status message.
    func open(_ url: String, navigator: inout Navigator) {
        switch LinkPlan.plan(for: url, in: environment) {
        case .refuse(let reason):
            navigator.handle(.status("Not opened: \(reason)"))
        case .show(let reason):
            navigator.handle(.linkNotOpened(url: url, reason: reason))
        case .launch(let program, let arguments, let displayName):
            switch spawner.spawn(program, arguments: arguments) {
            case .success(let pid):
                watched.append((pid, program, displayName, MonotonicClock.milliseconds()))
                navigator.handle(.status("Opening in \(displayName)…"))
            case .failure(let error):
                navigator.handle(.linkNotOpened(url: url, reason: "\(program) failed: \(error.message)"))
            }
        }
    }

    /// Copies through the terminal (OSC 52) and, with a local display, a clipboard program.
    func copy(_ text: String, what: String, navigator: inout Navigator) {
        let plan = ClipboardPlan.plan(for: text, in: environment)
        var ways: [String] = []
        if let sequence = plan.terminalSequence {
            writeToTerminal(sequence)
            ways.append("the terminal")
        }
        if let program = plan.program, case .success(let pid) = spawner.spawn(program.name, arguments: program.arguments, input: text) {
            unwatched.append(pid)
            ways.append(program.name)
        }
        navigator.handle(.status(ways.isEmpty
            ? "Could not copy: no clipboard is reachable from here"
            : "\(what) copied to your clipboard (via \(ways.joined(separator: " and ")))"))
    }

    /// Checks on started programs; true when a status message changed.
    func poll(navigator: inout Navigator) -> Bool {
        unwatched.removeAll { spawner.poll($0) != nil }
        var changed = false
        watched.removeAll { child in
            if let status = spawner.poll(child.pid) {
                navigator.handle(.status(status == 0 ? "Opened in \(child.displayName)" : "\(child.program) failed: exit status \(status)"))
                changed = true
                return true
            }
            // A browser that keeps running has opened; stop reporting, keep reaping.
            if MonotonicClock.milliseconds() - child.started > 3000 {
                navigator.handle(.status("Opened in \(child.displayName)"))
                unwatched.append(child.pid)
                changed = true
                return true
            }
            return false
        }
        return changed
    }

    /// Writes sequences ncurses does not know about (OSC 8 links over drawn text, OSC 52).
    func writeToTerminal(_ text: String) {
        DescriptorWriter.writeAll(text, to: terminal)
    }

    /// Makes the given drawn text clickable: save cursor, move, OSC 8 around the text, restore.
    func overlayHyperlinks(_ links: [Hyperlink]) {
        guard !links.isEmpty else { return }
        var out = "\u{1B}7"
        for link in links {
            out += "\u{1B}[\(link.row + 1);\(link.column + 1)H\u{1B}[4m"
            out += TerminalSequences.hyperlink(link.url, text: link.text)
            out += "\u{1B}[24m"
        }
        out += "\u{1B}8"
        writeToTerminal(out)
    }
}
