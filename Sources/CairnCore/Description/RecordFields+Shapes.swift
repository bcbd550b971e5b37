/// The shapes a field takes, each with its JSON and its text: a key path of a record type,
/// lifted to work on any `Record`.
extension RecordFields {
    typealias Lift<T> = (extract: @Sendable (Record) -> T?, wrap: @Sendable (T) -> Record)

    /// How a value of one shape is written and read, as JSON and as text.
    struct Shape<T, V>: Sendable {
        var accepts: String
        var input: Input = .line
        var hint = ""
        var json: @Sendable (V) -> JSONValue
        /// `nil` when the JSON is not a value of this shape.
        var fromJSON: @Sendable (JSONValue) -> V?
        var text: @Sendable (V) -> String
        var fromText: @Sendable (String, Day, T) throws(InputError) -> V
    }

    static func field<T, V>(
        _ name: String, _ lift: Lift<T>, _ path: WritableKeyPath<T, V> & Sendable, _ shape: Shape<T, V>, editable: Bool = true,
        label: String? = nil, long: Bool = false
    ) -> Field {
        Field(
            name: name, label: label ?? RecordFields.label(name), input: long ? .longText : shape.input, hint: shape.hint,
            accepts: shape.accepts, editable: editable, inJSON: true,
            json: { record in lift.extract(record).map { shape.json($0[keyPath: path]) } ?? .null },
            setJSON: { record, value in
                guard var t = lift.extract(record), let v = shape.fromJSON(value) else { return false }
                t[keyPath: path] = v
                record = lift.wrap(t)
                return true
            },
            text: { record in lift.extract(record).map { shape.text($0[keyPath: path]) } ?? "" },
            setText: { (record: inout Record, value: String, today: Day) throws(InputError) in
                guard var t = lift.extract(record) else { return }
                t[keyPath: path] = try shape.fromText(value, today, t)
                record = lift.wrap(t)
            })
    }

    /// How a day may be typed, said under a form's field.
    static let dayHint = "YYYY-MM-DD, today, +2w"

    static func text<T>() -> Shape<T, String> {
        Shape(
            accepts: "any text", json: { .string($0) }, fromJSON: { if case .string(let x) = $0 { x } else { nil } }, text: { $0 },
            fromText: { v, _, _ in v })
    }

    static func optionalText<T>() -> Shape<T, String?> {
        Shape(
            accepts: "any text, or nothing to clear it", json: { $0.map(JSONValue.string) ?? .null },
            fromJSON: { v -> String?? in
                switch v {
                case .null: return .some(nil)
                case .string(let x): return .some(x)
                default: return nil
                }
            }, text: { $0 ?? "" }, fromText: { v, _, _ in v.isEmpty ? nil : v })
    }

    static func day<T>() -> Shape<T, Day?> {
        Shape(
            accepts: "YYYY-MM-DD, today, +2w, -3m, or nothing to clear it", hint: dayHint,
            json: { $0.map { .string($0.description) } ?? .null },
            fromJSON: { v -> Day?? in
                switch v {
                case .null: return .some(nil)
                case .string(let x): return Day(iso: x).map { .some($0) }
                default: return nil
                }
            }, text: { $0?.description ?? "" },
            fromText: { (v: String, today: Day, _: T) throws(InputError) -> Day? in
                v.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try DayInput.parse(v, today: today)
            })
    }

    static func requiredDay<T>() -> Shape<T, Day> {
        Shape(
            accepts: "YYYY-MM-DD, today, +2w or -3m", hint: dayHint, json: { .string($0.description) },
            fromJSON: { if case .string(let x) = $0 { Day(iso: x) } else { nil } }, text: { $0.description },
            fromText: { (v: String, today: Day, _: T) throws(InputError) -> Day in try DayInput.parse(v, today: today) })
    }

    static func word<T, W: Vocabulary>(_ name: String) -> Shape<T, W> {
        Shape(
            accepts: "one of \(W.wordList)", input: .choice(W.allCases.map(\.rawValue)), json: { .string($0.rawValue) },
            fromJSON: { if case .string(let x) = $0 { W(rawValue: x) } else { nil } }, text: { $0.rawValue },
            fromText: { (v: String, _: Day, _: T) throws(InputError) -> W in try W.parse(v, field: name) })
    }

    static func optionalWord<T, W: Vocabulary>(_ name: String) -> Shape<T, W?> {
        Shape(
            accepts: "one of \(W.wordList), or nothing", input: .choice([""] + W.allCases.map(\.rawValue)),
            json: { $0.map { .string($0.rawValue) } ?? .null },
            fromJSON: { v -> W?? in
                switch v {
                case .null: return .some(nil)
                case .string(let x): return W(rawValue: x).map { .some($0) }
                default: return nil
                }
            }, text: { $0?.rawValue ?? "" },
            fromText: { (v: String, _: Day, _: T) throws(InputError) -> W? in v.isEmpty ? nil : try W.parse(v, field: name) })
    }

    static func number<T>() -> Shape<T, Double?> {
        Shape(
            accepts: "a number (12.5 or 12,5), or nothing", json: { $0.map(JSONValue.number) ?? .null },
            fromJSON: { v -> Double?? in
                switch v {
                case .null: return .some(nil)
                case .number(let x): return .some(x)
                default: return nil
                }
            }, text: { $0.map(World.number) ?? "" },
            fromText: { (v: String, _: Day, _: T) throws(InputError) -> Double? in try NumberInput.parse(v) })
    }

    static func requiredNumber<T>() -> Shape<T, Double> {
        Shape(
            accepts: "a number (12.5 or 12,5)", json: { .number($0) }, fromJSON: { if case .number(let x) = $0 { x } else { nil } },
            text: { World.number($0) },
            fromText: { (v: String, _: Day, _: T) throws(InputError) -> Double in
                guard let value = try NumberInput.parse(v) else { throw InputError("a value is required") }
                return value
            })
    }

    static func wholeNumber<T>(_ accepts: String) -> Shape<T, Int> {
        Shape(
            accepts: accepts, json: { .number(Double($0)) },
            fromJSON: { v -> Int? in
                guard case .number(let x) = v, x == x.rounded(), abs(x) < 1e15 else { return nil }
                return Int(x)
            }, text: { "\($0)" },
            fromText: { (v: String, _: Day, _: T) throws(InputError) -> Int in
                guard let n = Int(v.trimmingCharacters(in: .whitespaces)) else { throw InputError("“\(v)” is not a whole number") }
                return n
            })
    }

    static func flag<T>() -> Shape<T, Bool> {
        Shape(
            accepts: "yes or no (true, false)", input: .flag, json: { .bool($0) },
            fromJSON: { if case .bool(let x) = $0 { x } else { nil } },
            text: { $0 ? "yes" : "no" },
            fromText: { (v: String, _: Day, _: T) throws(InputError) -> Bool in
                switch v.lowercased() {
                case "yes", "true", "y", "1": return true
                case "no", "false", "n", "0", "": return false
                default: throw InputError("“\(v)” is neither yes nor no")
                }
            })
    }

    /// Words of a vocabulary, kept as a list (a school's phases).
    static func words<T, W: Vocabulary>(_ name: String) -> Shape<T, [W]> {
        Shape(
            accepts: "\(name) separated by commas, from \(W.wordList)", input: .multi(W.allCases.map(\.rawValue)),
            json: { .array($0.map { .string($0.rawValue) }) },
            fromJSON: { v -> [W]? in
                guard case .array(let items) = v else { return nil }
                var out: [W] = []
                for item in items {
                    guard case .string(let x) = item, let w = W(rawValue: x) else { return nil }
                    out.append(w)
                }
                return out
            }, text: { $0.map(\.rawValue).joined(separator: ",") },
            fromText: { (v: String, _: Day, _: T) throws(InputError) -> [W] in
                var out: [W] = []
                for word in v.split(separator: ",") { out.append(try W.parse(String(word), field: String(name.dropLast()))) }
                return out
            })
    }

    /// A map of texts to values of one kind (a health check's ratings and notes), only ever
    /// set whole from JSON; `cairn edit` reaches its parts as fields of their own.
    static func map<T, V: Sendable>(of read: @escaping @Sendable (JSONValue) -> V?, _ write: @escaping @Sendable (V) -> JSONValue) -> Shape<
        T, [String: V]
    > {
        Shape(
            accepts: "", json: { .object($0.mapValues(write)) },
            fromJSON: { v -> [String: V]? in
                guard case .object(let fields) = v else { return nil }
                var out: [String: V] = [:]
                for (k, x) in fields {
                    guard let value = read(x) else { return nil }
                    out[k] = value
                }
                return out
            }, text: { _ in "" },
            fromText: { (_: String, _: Day, _: T) throws(InputError) -> [String: V] in throw InputError("it is set by its parts") })
    }

    /// A field set by its own door (a tick's author, a member's cluster): `cairn edit` says so.
    static func fixed<T, V>(_ shape: Shape<T, V>) -> Shape<T, V> {
        var s = shape
        s.fromText = { (_: String, _: Day, _: T) throws(InputError) -> V in throw InputError("it is set by its own command") }
        return s
    }

    static let school: Lift<School> = ({ if case .school(let s) = $0 { return s } else { return nil } }, Record.school)
    static let agency: Lift<Agency> = ({ if case .agency(let a) = $0 { return a } else { return nil } }, Record.agency)
    static let cluster: Lift<Cluster> = ({ if case .cluster(let c) = $0 { return c } else { return nil } }, Record.cluster)
    static let membership: Lift<Membership> = ({ if case .membership(let m) = $0 { return m } else { return nil } }, Record.membership)
    static let checkpoint: Lift<Checkpoint> = ({ if case .checkpoint(let c) = $0 { return c } else { return nil } }, Record.checkpoint)
    static let goal: Lift<Goal> = ({ if case .goal(let g) = $0 { return g } else { return nil } }, Record.goal)
    static let measurement: Lift<Measurement> = ({ if case .measurement(let m) = $0 { return m } else { return nil } }, Record.measurement)
    static let action: Lift<Action> = ({ if case .action(let a) = $0 { return a } else { return nil } }, Record.action)
    static let agreement: Lift<Agreement> = ({ if case .agreement(let a) = $0 { return a } else { return nil } }, Record.agreement)
    static let assessment: Lift<Assessment> = ({ if case .assessment(let a) = $0 { return a } else { return nil } }, Record.assessment)
}
