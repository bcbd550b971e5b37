/// How a cell looks. `role` says what the text means; the terminal backend decides the colour
/// (or none, under `NO_COLOR` or a monochrome terminal), so meaning never rests on colour alone.
public struct Style: Hashable, Sendable {
    public enum Role: UInt8, Sendable, CaseIterable {
        case normal, title, accent, muted, selection, overdue, dueSoon, done, error, key
    }

    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let title = Style(.title, bold: true)
    public static let muted = Style(.muted)
    public static let selected = Style(.selection, reverse: true)
    public static let key = Style(.key, bold: true)
    public static let error = Style(.error, bold: true)
    public static let accent = Style(.accent, bold: true)
}
