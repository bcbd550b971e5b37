/// A terminal in memory: it hands out scripted keys, resizes and a hang-up in order, and keeps
/// every frame drawn as a canvas, so that the run loop can be tested without a real terminal.
///
/// A key read with nothing scripted returns nil at once, whatever the timeout: a test never
/// waits on the clock.
@MainActor
public final class TestTerminal: Terminal {
    /// What the terminal hands out next, in order.
    public enum Input: Sendable, Equatable {
        case key(Key)
        /// The window changed to this size (read as `Key.resize`).
        case resize(width: Int, height: Int)
        /// The link drops: `hangupReceived` is true from then on.
        case hangUp
    }

    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var hangupReceived = false
    /// Every frame drawn, oldest first.
    public private(set) var frames: [Canvas] = []
    private var script: [Input] = []

    public init(width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
    }

    /// The last frame drawn, if any was.
    public var screen: Canvas? { frames.last }

    /// Where the last frame left the terminal's cursor (nil: hidden, or nothing drawn yet).
    public var cursor: CursorPosition? { frames.last?.cursor }

    /// True while scripted input is left to read.
    public var hasInput: Bool { !script.isEmpty }

    /// Adds keys to the script, after what is already there.
    public func press(_ keys: Key...) { script += keys.map(Input.key) }

    /// Adds text to the script, one key a character.
    public func type(_ text: String) { script += text.map { Input.key(.char($0)) } }

    /// Adds a change of size to the script.
    public func resize(width: Int, height: Int) { script.append(.resize(width: width, height: height)) }

    /// Adds a hang-up to the script: once it is read, the terminal is gone.
    public func hangUp() { script.append(.hangUp) }

    public func readKey(timeoutMilliseconds: Int32) -> Key? {
        guard !hangupReceived, !script.isEmpty else { return nil }
        switch script.removeFirst() {
        case .key(let key):
            return key
        case .resize(let w, let h):
            width = w
            height = h
            return .resize
        case .hangUp:
            hangupReceived = true
            return nil
        }
    }

    public func draw(_ canvas: Canvas) {
        frames.append(canvas)
    }
}
