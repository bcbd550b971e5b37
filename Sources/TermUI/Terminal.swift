/// What the run loop needs of a terminal: keys in, frames out, its size, and whether the link
/// to it is gone. The curses terminal is one; `TestTerminal` is another, for tests without a
/// real terminal (as ratatui's `Backend` and `TestBackend`).
@MainActor
public protocol Terminal: AnyObject {
    /// Columns, as of the last key read (a resize arrives as `Key.resize`).
    var width: Int { get }
    /// Rows, as of the last key read.
    var height: Int { get }
    /// True once the terminal is gone (SIGHUP, a closed window): nothing more can be drawn.
    var hangupReceived: Bool { get }
    /// The next key, or nil after `timeoutMilliseconds` with none (0: only a key already waiting).
    /// A change of size comes as `Key.resize`, with `width` and `height` already the new ones.
    func readKey(timeoutMilliseconds: Int32) -> Key?
    /// Shows `canvas` as the whole screen.
    func draw(_ canvas: Canvas)
}
