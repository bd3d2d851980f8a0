import CTerminal
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// Runs the full-screen interface: read a key, update the navigator, draw, until an effect ends it.
public enum InteractiveSession {
    /// How a session ended: the exit status and the lines to print on stdout.
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: [String]
    }

    /// Runs the interface on the controlling terminal. Throws when there is no usable terminal,
    /// so the caller can fall back to plain mode. `initialStatus` is shown on the first screen.
    public static func run(
        catalog: Catalog, start: NodeKey?, version: String, environment: [String: String], initialStatus: String? = nil
    ) throws -> Outcome {
        let screen: CursesScreen
        do {
            screen = try CursesScreen(environment: environment)
        } catch {
            throw InteractiveSessionError(message: error.message)
        }
        defer { screen.end() }
        var navigator = Navigator(catalog: catalog, start: start, size: screen.size, version: version)
        navigator.showStatus(initialStatus)
        screen.draw(Renderer.render(navigator))
        var quickFailures = 0
        while true {
            if let outcome = handleSignals(screen: screen, navigator: &navigator) { return outcome }
            let started = monotonicMilliseconds()
            guard let key = screen.readKey() else {
                // A read that fails at once, again and again, means the terminal is gone (an SSH
                // drop without SIGHUP): stop instead of spinning.
                quickFailures = monotonicMilliseconds() - started < 5 ? quickFailures + 1 : 0
                if quickFailures >= 20, th_signal_take() == 0 { return Outcome(status: 128 + SIGHUP, output: []) }
                continue
            }
            quickFailures = 0
            let action: Action?
            if key == .resize {
                // ncurses queues KEY_RESIZE after it has resized (our SIGWINCH path calls resizeterm),
                // so only the new size is read here; resizing again would queue another one.
                action = .resize(screen.size)
            } else {
                action = KeyBindings.action(for: key, in: navigator.state)
            }
            guard let action else { continue }
            if case .quit(let status, let output)? = navigator.handle(action) {
                return Outcome(status: status, output: output)
            }
            screen.draw(Renderer.render(navigator))
        }
    }

    private static func handleSignals(screen: CursesScreen, navigator: inout Navigator) -> Outcome? {
        while case let signal = th_signal_take(), signal != 0 {
            switch signal {
            case SIGWINCH:
                navigator.handle(.resize(screen.refreshSize()))
                screen.draw(Renderer.render(navigator))
            case SIGTSTP:
                screen.suspend()
                th_suspend_self()
                screen.resume()
                navigator.handle(.resize(screen.refreshSize()))
                screen.draw(Renderer.render(navigator))
            case SIGCONT:
                screen.resume()
                screen.draw(Renderer.render(navigator))
            default:
                return Outcome(status: 128 + signal, output: [])
            }
        }
        return nil
    }

    private static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}

/// The full-screen interface could not start; plain mode is the fallback.
public struct InteractiveSessionError: Error, Sendable {
    public var message: String
}
