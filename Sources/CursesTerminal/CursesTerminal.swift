import CNcurses
import CTerminalSignals
import Foundation
import TermUI

/// The terminal, through ncursesw: reads keys, draws canvases (only the cells that changed),
/// and notices hang-ups. Every curses call in the program goes through this type.
@MainActor
public final class CursesTerminal {
    public private(set) var width: Int
    public private(set) var height: Int
    public let colors: Bool
    private var lastFrame: Canvas?
    /// Cells written to the terminal by the last `draw` (what a keystroke costs over SSH).
    public private(set) var cellsWrittenLastDraw = 0
    private var fastErrors = 0
    /// Whether the terminal's cursor is shown (it starts hidden).
    private var cursorShown = false

    /// Runs `body` with the terminal in full-screen mode, restoring it however `body` ends.
    public static func withTerminal<T>(_ body: (CursesTerminal) throws -> T) throws -> T {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        return try body(terminal)
    }

    private init() throws {
        Self.chooseUTF8Locale()
        cairn_install_crash_handlers()
        cairn_reset_signals()
        guard cairn_newterm() != nil else {
            throw TerminalError("cannot start the screen for TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "(unset)")")
        }
        raw()
        noecho()
        nonl()
        keypad(cairn_stdscr(), true)
        // A list that scrolls by a line is sent as a scroll of the terminal's region, not redrawn
        // row by row: over SSH that is most of what paging through a long list costs.
        idlok(cairn_stdscr(), true)
        Self.defineCommonSequences()
        set_escdelay(100)
        curs_set(0)
        cairn_install_hangup_handlers()
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var colors = false
        if !noColor, has_colors(), start_color() == OK, cairn_colors() >= 8, cairn_color_pairs() >= 16 {
            use_default_colors()
            Palette.define()
            colors = true
        }
        self.colors = colors
        width = Int(getmaxx(cairn_stdscr()))
        height = Int(getmaxy(cairn_stdscr()))
    }

    /// The sequences tmux, xterm and most SSH clients send, bound whatever the terminfo entry says:
    /// under `TERM=vt100` or `TERM=linux` several are missing or named otherwise (Shift-Tab
    /// came through as an unnamed key code under `linux`).
    static func defineCommonSequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1B}[Z", KEY_BTAB), ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT),
            ("\u{1B}[D", KEY_LEFT), ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT),
            ("\u{1B}OD", KEY_LEFT), ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}OF", KEY_END), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME),
            ("\u{1B}[8~", KEY_END), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC),
        ]
        for (sequence, code) in sequences { define_key(sequence, code) }
    }

    /// Under `LANG=C` names in other alphabets turn to garbage: prefer the user's locale if it
    /// is UTF-8, else C.UTF-8 when the system has it.
    static func chooseUTF8Locale() {
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0) } ?? ""
        let upper = chosen.uppercased()
        if !(upper.contains("UTF-8") || upper.contains("UTF8")) {
            if setlocale(LC_ALL, "C.UTF-8") == nil { _ = setlocale(LC_ALL, "C.utf8") }
        }
    }

    func close() {
        if hangupReceived { return }  // the terminal is gone: writing to it would block or fail
        endwin()
    }

    /// True once SIGHUP or SIGTERM arrived (the SSH link dropped, the window closed).
    public var hangupReceived: Bool { cairn_hangup_received() != 0 || fastErrors > 50 }

    /// The next key, or nil after `timeoutMilliseconds` with none (0: only a key already waiting).
    public func readKey(timeoutMilliseconds: Int32) -> Key? {
        wtimeout(cairn_stdscr(), timeoutMilliseconds)
        let started = Date()
        var value: wint_t = 0
        let result = wget_wch(cairn_stdscr(), &value)
        if result == cairn_err() {
            // A vanished terminal makes wget_wch fail at once, forever: count that as a hang-up
            // rather than spinning at 100% CPU. (A look for keys already waiting fails at once
            // by design and counts for nothing.)
            if timeoutMilliseconds > 20 { fastErrors = Date().timeIntervalSince(started) < 0.005 ? fastErrors + 1 : 0 }
            return nil
        }
        fastErrors = 0
        if result == cairn_key_code_yes() {
            let key = KeyDecoder.function(Int32(value))
            if key == .resize {
                width = Int(getmaxx(cairn_stdscr()))
                height = Int(getmaxy(cairn_stdscr()))
                lastFrame = nil
            }
            return key
        }
        if value == 27 { return readEscapeTail() }
        return KeyDecoder.character(UInt32(value))
    }

    /// After Esc: the rest of a sequence the terminfo entry did not know, if bytes follow at once.
    /// Keys that turn out not to be part of one are put back, so a key typed right after Esc
    /// (a burst over a slow link) is not lost.
    private func readEscapeTail() -> Key {
        var tail: [wint_t] = []
        wtimeout(cairn_stdscr(), 0)
        while tail.count < 4 {
            var value: wint_t = 0
            let result = wget_wch(cairn_stdscr(), &value)
            if result == cairn_err() { break }
            if result == cairn_key_code_yes() {
                // A whole key (an arrow after Esc): not ours to decode; let the next read have it.
                ungetch(Int32(value))
                break
            }
            tail.append(value)
            if let key = KeyDecoder.escapeSequence(tail.map { UInt32($0) }) { return key }
            if tail.count == 1, value != 0x5B, value != 0x4F { break }
        }
        for value in tail.reversed() { unget_wch(wchar_t(bitPattern: UInt32(value))) }
        return .escape
    }

    /// Writes the cells that differ from the previous frame, then refreshes.
    public func draw(_ canvas: Canvas) {
        if canvas.width != width || canvas.height != height { lastFrame = nil }
        let changed = canvas.changedCells(since: lastFrame)
        if lastFrame == nil { werase(cairn_stdscr()) }
        for index in changed {
            let cell = canvas.cells[index]
            if cell.isContinuation { continue }
            let y = Int32(index / canvas.width)
            let x = Int32(index % canvas.width)
            // The bottom-right cell scrolls some terminals when written: leave it.
            if Int(y) == canvas.height - 1, Int(x) == canvas.width - 1 { continue }
            let (attr, pair) = Palette.attributes(for: cell.style, colors: colors)
            wattr_set(cairn_stdscr(), attr, pair, nil)
            let cells = Int(x) + 1 < canvas.width && canvas.cells[index + 1].isContinuation ? 2 : 1
            var wide = Self.written(cell.text, cells: cells) + [0]
            mvwaddnwstr(cairn_stdscr(), y, x, &wide, Int32(wide.count - 1))
        }
        wattr_set(cairn_stdscr(), cairn_a_normal(), 0, nil)
        cellsWrittenLastDraw = changed.count
        // The cursor shown where focus is (a screen reader and a braille display follow it);
        // hidden, in the corner, on a frame with no focus.
        let visible = canvas.cursor != nil
        let at = canvas.cursor ?? CursorPosition(x: 0, y: 0)
        wmove(cairn_stdscr(), Int32(at.y), Int32(at.x))
        if visible != cursorShown {
            curs_set(visible ? 1 : 0)
            cursorShown = visible
        }
        wrefresh(cairn_stdscr())
        lastFrame = canvas
    }
}

extension CursesTerminal {
    /// What is written for a cell of `cells` columns, so that curses (which counts each
    /// character's `wcwidth`, not graphemes) advances exactly that far: a joined emoji
    /// (`👩‍💻`) is its first emoji, not each of its parts one after another over the cells
    /// beyond; an emoji made wide by U+FE0F that curses counts narrow (`❤️`) is its plain
    /// form and a space, never leaving the second cell stale; a character curses cannot place
    /// in the cell is `�`. At most four marks ride on a character (all a curses cell holds).
    nonisolated static func written(_ text: String, cells: Int) -> [wchar_t] {
        var out: [wchar_t] = []
        var used = 0
        var marks = 0
        for scalar in text.unicodeScalars {
            let c = wchar_t(bitPattern: scalar.value)
            let w = Int(wcwidth(c))
            if out.isEmpty {
                guard w >= 1, w <= cells else { return [0xFFFD] + Array(repeating: 0x20, count: cells - 1) }
                out.append(c)
                used = w
            } else if w == 0 {
                // A joiner would join this cell's emoji with the next cell's in a terminal that
                // draws joined emoji as one.
                if scalar.value != 0x200D, marks < 4 { out.append(c) }
                marks += 1
            } else if w > 0, used + w <= cells {
                out.append(c)
                used += w
                marks = 0
            } else if w > 0 {
                break
            }
        }
        if used < cells {
            out.removeAll { $0 == 0xFE0F }
            out += Array(repeating: 0x20, count: cells - used)
        }
        return out
    }
}

public struct TerminalError: Error, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension CursesTerminal: Terminal {}
