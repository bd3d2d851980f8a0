import CNcursesw
import CTerminal
import TrailheadCore
import TrailheadProcess

#if canImport(Glibc)
import Glibc
#endif

/// The only code that talks to ncurses: opens the controlling terminal, paints frames, reads keys.
///
/// It draws on `/dev/tty`, like fzf, so stdout stays free for what the user chose
/// (`cmd=$(trailhead)` still shows the interface).
final class CursesScreen {
    private let file: UnsafeMutablePointer<FILE>
    private let screen: OpaquePointer
    let descriptor: Int32
    private let palette: Palette
    /// The locale is not UTF-8 (`LANG=C`): ncurses would drop every other character, so each is drawn as ASCII.
    private let asciiOnly: Bool
    private let mouseMasks: KeyDecoder.MouseMasks
    private var ended = false

    /// Opens the terminal; nil (with the reason) when there is none or `TERM` is unusable.
    init(environment: [String: String]) throws(TerminalError) {
        let file = try Self.openTerminal()
        let descriptor = fileno(file)
        th_terminal_remember(descriptor)
        th_signals_install()
        setlocale(LC_ALL, "")
        asciiOnly = String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8"
        let term = environment["TERM"] ?? ""
        guard let screen = newterm(nil, file, file) ?? TerminalStandIn.type(for: term).flatMap({ newterm($0, file, file) }) else {
            th_signals_uninstall()
            fclose(file)
            throw TerminalError(message: "this terminal type (TERM=\(term)) is unknown to ncurses")
        }
        self.file = file
        self.screen = screen
        self.descriptor = descriptor
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        intrflush(th_stdscr(), false)
        keypad(th_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        mousemask(mmask_t(th_button1_clicked() | th_button4_pressed() | th_button5_pressed()), nil)
        mouseinterval(0)
        mouseMasks = KeyDecoder.MouseMasks(
            click: th_button1_clicked(), wheelUp: th_button4_pressed(), wheelDown: th_button5_pressed())
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        palette = Palette(useColor: has_colors() && !noColor, useDim: !noColor)
        wtimeout(th_stdscr(), 250)
        // A Ctrl-Z that the terminal turns into SIGTSTP stops a wrapper script at once, and its
        // shell takes the terminal back (printing on the alternate screen, or stopping us with
        // SIGTTOU mid-restore) before we have left full-screen mode. As a key, it lets us restore
        // first and then stop the whole job. endwin brings the shell's suspend character back.
        th_terminal_suspend_key_as_input(descriptor)
        def_prog_mode()
        define_key("\u{1B}[200~", Int32(KeyDecoder.Code.pasteStart))
        define_key("\u{1B}[201~", Int32(KeyDecoder.Code.pasteEnd))
        DescriptorWriter.writeAll(Self.bracketedPasteOn, to: descriptor)
    }

    /// The controlling terminal, or else a standard descriptor open on a terminal for reading and
    /// writing: a chroot or a container may have no `/dev` while stdin is still the user's terminal.
    private static func openTerminal() throws(TerminalError) -> UnsafeMutablePointer<FILE> {
        if let file = fopen("/dev/tty", "r+e") { return file }
        let reason = String(cString: strerror(errno))
        for standard in [STDIN_FILENO, STDERR_FILENO] where isatty(standard) == 1 {
            guard fcntl(standard, F_GETFL) & O_ACCMODE == O_RDWR else { continue }
            let copy = fcntl(standard, F_DUPFD_CLOEXEC, 3)
            guard copy >= 0 else { continue }
            if let file = fdopen(copy, "r+") { return file }
            close(copy)
        }
        throw TerminalError(message: "no terminal to draw on (/dev/tty: \(reason))")
    }

    /// Bracketed paste: the terminal marks pasted text, so a pasted line break is text, not Enter.
    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"
    /// A paste longer than this is cut: an error message is not a log.
    static let maximumPaste = 16 * 1024

    var size: ScreenSize {
        ScreenSize(columns: Int(th_cols()), rows: Int(th_lines()))
    }

    /// Asks the terminal for its size and tells ncurses, after a SIGWINCH. The next draw repaints
    /// everything: the terminal reflowed or cleared what it showed, even when several resizes
    /// came back to the size ncurses last drew at, and ncurses would otherwise send only changes.
    func refreshSize() -> ScreenSize {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        }
        clearok(th_curscr(), true)
        return self.size
    }

    func draw(_ frame: Frame) {
        var character: [wchar_t] = [0, 0, 0, 0, 0, 0, 0, 0]
        for (rowIndex, row) in frame.rows.enumerated() where rowIndex < frame.size.rows {
            var column = 0
            for span in row {
                attrset(palette.attribute(for: span.style))
                for grapheme in span.text {
                    let width = DisplayWidth.of(grapheme)
                    if column + max(width, 1) > frame.size.columns { break }
                    // One grapheme at a time at its own column, so a width disagreement with the C
                    // library can never shift the rest of the row.
                    let shown = asciiOnly ? ASCIIFallback.text(for: grapheme, width: width) : String(grapheme)
                    var count = 0
                    for scalar in shown.unicodeScalars where count < 7 {
                        character[count] = wchar_t(bitPattern: scalar.value)
                        count += 1
                    }
                    character[count] = 0
                    mvaddwstr(Int32(rowIndex), Int32(column), &character)
                    column += max(width, 1)
                }
            }
            if column < frame.size.columns {
                attrset(th_attr_normal())
                move(Int32(rowIndex), Int32(column))
                clrtoeol()
            }
        }
        attrset(th_attr_normal())
        if let cursor = frame.cursor {
            curs_set(1)
            move(Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        refresh()
    }

    /// A key that is already waiting, without blocking; nil when there is none.
    func readPendingKey() -> KeyEvent? {
        wtimeout(th_stdscr(), 0)
        defer { wtimeout(th_stdscr(), 250) }
        return readKey()
    }

    /// Whether the terminal has hung up (its window closed, its SSH connection dropped): the
    /// kernel then reports POLLHUP on it for good, however slowly this process is running.
    var isHungUp: Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 1 && entry.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// The next key, or nil after the read timeout, a signal, or a read error.
    func readKey() -> KeyEvent? {
        var value: wint_t = 0
        let result = wget_wch(th_stdscr(), &value)
        if result == th_err() { return nil }
        if result == th_key_code_yes() && value == KeyDecoder.Code.mouse {
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return KeyDecoder.decodeMouse(state: UInt(event.bstate), column: Int(event.x), row: Int(event.y), masks: mouseMasks)
        }
        if result == th_key_code_yes() && value == KeyDecoder.Code.pasteStart { return readPaste() }
        return KeyDecoder.decode(isKeyCode: result == th_key_code_yes(), value: UInt32(value))
    }

    /// The text up to the end of a bracketed paste, as one event: printable characters, and line
    /// breaks as `\n`; everything else is dropped.
    private func readPaste() -> KeyEvent {
        var text = ""
        var value: wint_t = 0
        while true {
            let result = wget_wch(th_stdscr(), &value)
            if result == th_err() || (result == th_key_code_yes() && value == KeyDecoder.Code.pasteEnd) { break }
            guard result != th_key_code_yes(), text.utf8.count < Self.maximumPaste else { continue }
            if value == 0x0A || value == 0x0D {
                text += "\n"
            } else if case .character(let character)? = KeyDecoder.decode(isKeyCode: false, value: UInt32(value)) {
                text.append(character)
            }
        }
        return .paste(text)
    }

    /// Leaves full-screen mode so the shell can take over while we are stopped.
    func suspend() {
        DescriptorWriter.writeAll(Self.bracketedPasteOff, to: descriptor)
        endwin()
        fflush(file)
    }

    /// Comes back after `fg`: the screen may hold anything, so everything is redrawn.
    func resume() {
        reset_prog_mode()
        clearok(th_curscr(), true)
        refresh()
        DescriptorWriter.writeAll(Self.bracketedPasteOn, to: descriptor)
    }

    /// Restores the terminal exactly as it was. Safe to call twice.
    func end() {
        guard !ended else { return }
        ended = true
        DescriptorWriter.writeAll(Self.bracketedPasteOff, to: descriptor)
        endwin()
        delscreen(screen)
        th_terminal_restore_now()
        th_signals_uninstall()
        fclose(file)
    }

    deinit {
        end()
    }
}

/// Why the full-screen interface could not start.
struct TerminalError: Error {
    var message: String
}
