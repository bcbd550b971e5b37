/// A catalogue's `Plural-Forms` rule (`nplurals=3; plural=(n==1 ? 0 : n%10>=2 && … ? 1 : 2);`):
/// which of a message's forms a count takes. The expression is C's, as gettext writes it;
/// parsed once when the catalogue is read, then evaluated for each count.
public struct PluralRule: Sendable {
    public let count: Int
    private let expression: Expression

    /// English's (and the fallback's): one form for 1, another for the rest.
    public static let english = PluralRule(count: 2, expression: .ternary(.binary("==", .n, .number(1)), .number(0), .number(1)))

    private init(count: Int, expression: Expression) {
        self.count = count
        self.expression = expression
    }

    /// Reads `nplurals=N; plural=EXPR;`, or nil when it is not such a rule.
    public init?(header: String) {
        var count: Int?
        var source: String?
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmed }
            guard pair.count == 2 else { continue }
            if pair[0] == "nplurals" { count = Int(pair[1]) }
            if pair[0] == "plural" { source = pair[1] }
        }
        guard let count, count >= 1, count <= 8, let source else { return nil }
        var parser = Parser(Array(source.utf8))
        guard let expression = parser.parse() else { return nil }
        self.count = count
        self.expression = expression
    }

    /// The form `n` takes, from 0 to `count - 1`.
    public func form(for n: Int) -> Int {
        let value = expression.value(n: n)
        return value >= 0 && value < count ? value : count - 1
    }

    indirect enum Expression: Sendable {
        case n
        case number(Int)
        case not(Expression)
        case binary(String, Expression, Expression)
        case ternary(Expression, Expression, Expression)

        func value(n: Int) -> Int {
            switch self {
            case .n: return n
            case .number(let v): return v
            case .not(let e): return e.value(n: n) == 0 ? 1 : 0
            case .ternary(let c, let a, let b): return c.value(n: n) != 0 ? a.value(n: n) : b.value(n: n)
            case .binary(let op, let l, let r):
                let a = l.value(n: n)
                // && and || as C has them: the right side only when needed.
                if op == "&&" { return a != 0 && r.value(n: n) != 0 ? 1 : 0 }
                if op == "||" { return a != 0 || r.value(n: n) != 0 ? 1 : 0 }
                let b = r.value(n: n)
                switch op {
                case "==": return a == b ? 1 : 0
                case "!=": return a != b ? 1 : 0
                case "<": return a < b ? 1 : 0
                case "<=": return a <= b ? 1 : 0
                case ">": return a > b ? 1 : 0
                case ">=": return a >= b ? 1 : 0
                case "%": return b == 0 ? 0 : a % b
                case "+": return a &+ b
                case "-": return a &- b
                case "*": return a &* b
                case "/": return b == 0 ? 0 : a / b
                default: return 0
                }
            }
        }
    }

    /// A recursive descent over C's precedence: ?: below ||, below &&, below == !=, below
    /// < <= > >=, below + -, below * / %, below ! and parentheses.
    struct Parser {
        let bytes: [UInt8]
        var at = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func parse() -> Expression? {
            guard let e = ternary() else { return nil }
            skipSpaces()
            return at == bytes.count ? e : nil
        }

        mutating func skipSpaces() { while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 } }

        mutating func take(_ token: String) -> Bool {
            skipSpaces()
            let t = Array(token.utf8)
            guard at + t.count <= bytes.count, Array(bytes[at..<(at + t.count)]) == t else { return false }
            // "<" is not the start of "<=", nor "!" of "!=".
            if t.count == 1, at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "="), "<>!=".utf8.contains(t[0]) { return false }
            at += t.count
            return true
        }

        mutating func ternary() -> Expression? {
            guard let c = binary(level: 0) else { return nil }
            guard take("?") else { return c }
            guard let a = ternary(), take(":"), let b = ternary() else { return nil }
            return .ternary(c, a, b)
        }

        static let levels: [[String]] = [["||"], ["&&"], ["==", "!="], ["<=", ">=", "<", ">"], ["+", "-"], ["*", "/", "%"]]

        mutating func binary(level: Int) -> Expression? {
            guard level < Self.levels.count else { return unary() }
            guard var left = binary(level: level + 1) else { return nil }
            while let op = Self.levels[level].first(where: { take($0) }) {
                guard let right = binary(level: level + 1) else { return nil }
                left = .binary(op, left, right)
            }
            return left
        }

        mutating func unary() -> Expression? {
            if take("!") { return unary().map { .not($0) } }
            if take("(") {
                guard let e = ternary(), take(")") else { return nil }
                return e
            }
            skipSpaces()
            if at < bytes.count, bytes[at] == UInt8(ascii: "n") {
                at += 1
                return .n
            }
            var value = 0
            let start = at
            while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39, value < 1_000_000 {
                value = value * 10 + Int(bytes[at] - 0x30)
                at += 1
            }
            return at > start ? .number(value) : nil
        }
    }
}
