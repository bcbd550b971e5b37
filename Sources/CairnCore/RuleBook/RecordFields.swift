/// The fields of every kind of record by the names the JSON export uses, each with what it
/// accepts: how `cairn edit RECORD FIELD=VALUE` reads and sets them.
public enum RecordFields {
    /// One field of a kind: its export name, what it accepts, and how to read and set it.
    public struct Field: Sendable {
        public var name: String
        /// "YYYY-MM-DD, today, +2w", "one of primary, ...": said when a value is refused.
        public var accepts: String
        let get: @Sendable (Record) -> String
        let set: @Sendable (inout Record, String, Day) throws(InputError) -> Void
    }

    /// The fields `cairn edit` can set on a kind of record, in export order.
    public static func fields(of kind: RecordKind) -> [Field] {
        switch kind {
        case .school: return schoolFields
        case .agency: return agencyFields
        case .cluster: return clusterFields
        case .membership: return membershipFields
        case .checkpoint: return checkpointFields
        case .goal: return goalFields
        case .measurement: return measurementFields
        case .action: return actionFields
        case .agreement: return agreementFields
        case .assessment: return assessmentFields
        }
    }

    /// `record` with `field` set from `value`; an empty value clears it.
    public static func set(_ field: String, to value: String, in record: Record, today: Day) throws(InputError) -> Record {
        let known = fields(of: record.kind)
        guard let f = known.first(where: { $0.name == field }) else {
            throw InputError(
                "\(record.kind.rawValue) has no field “\(field)”: use one of \(known.map(\.name).joined(separator: ", "))")
        }
        var r = record
        do {
            try f.set(&r, value, today)
        } catch {
            // A vocabulary's message already lists its words.
            let accepts = error.message.contains("use one of") ? "" : " (\(field) accepts \(f.accepts))"
            throw InputError("\(field): \(error.message)\(accepts)")
        }
        return r
    }

    /// Every field's value as text, for saying what an edit changed.
    public static func values(of record: Record) -> [(field: String, value: String)] {
        fields(of: record.kind).map { ($0.name, $0.get(record)) }
    }
}

/// Field builders: a key path of a record type, lifted to work on any `Record`.
extension RecordFields {
    typealias Lift<T> = (extract: @Sendable (Record) -> T?, wrap: @Sendable (T) -> Record)

    static func field<T>(
        _ name: String, _ accepts: String, _ lift: Lift<T>, get: @escaping @Sendable (T) -> String,
        set: @escaping @Sendable (inout T, String, Day) throws(InputError) -> Void
    ) -> Field {
        Field(
            name: name, accepts: accepts, get: { lift.extract($0).map(get) ?? "" },
            set: { (record: inout Record, value: String, today: Day) throws(InputError) in
                guard var t = lift.extract(record) else { return }
                try set(&t, value, today)
                record = lift.wrap(t)
            })
    }

    static func text<T>(_ name: String, _ path: WritableKeyPath<T, String> & Sendable, _ lift: Lift<T>) -> Field {
        field(name, "any text", lift, get: { $0[keyPath: path] }, set: { t, v, _ in t[keyPath: path] = v })
    }

    static func optionalText<T>(_ name: String, _ path: WritableKeyPath<T, String?> & Sendable, _ lift: Lift<T>) -> Field {
        field(
            name, "any text, or nothing to clear it", lift, get: { $0[keyPath: path] ?? "" },
            set: { t, v, _ in
                t[keyPath: path] = v.isEmpty ? nil : v
            })
    }

    static func day<T>(_ name: String, _ path: WritableKeyPath<T, Day?> & Sendable, _ lift: Lift<T>) -> Field {
        field(
            name, "YYYY-MM-DD, today, +2w, -3m, or nothing to clear it", lift, get: { $0[keyPath: path]?.description ?? "" },
            set: {
                (t: inout T, v: String, today: Day) throws(InputError) in
                t[keyPath: path] = v.isEmpty ? nil : try DayInput.parse(v, today: today)
            })
    }

    static func requiredDay<T>(_ name: String, _ path: WritableKeyPath<T, Day> & Sendable, _ lift: Lift<T>) -> Field {
        field(
            name, "YYYY-MM-DD, today, +2w or -3m", lift, get: { $0[keyPath: path].description },
            set: {
                (t: inout T, v: String, today: Day) throws(InputError) in
                t[keyPath: path] = try DayInput.parse(v, today: today)
            })
    }

    static func word<T, W: Vocabulary>(_ name: String, _ path: WritableKeyPath<T, W> & Sendable, _ lift: Lift<T>) -> Field {
        field(
            name, "one of \(W.wordList)", lift, get: { $0[keyPath: path].rawValue },
            set: {
                (t: inout T, v: String, _: Day) throws(InputError) in
                t[keyPath: path] = try W.parse(v, field: name)
            })
    }

    static func optionalWord<T, W: Vocabulary>(_ name: String, _ path: WritableKeyPath<T, W?> & Sendable, _ lift: Lift<T>) -> Field {
        field(
            name, "one of \(W.wordList), or nothing", lift, get: { $0[keyPath: path]?.rawValue ?? "" },
            set: {
                (t: inout T, v: String, _: Day) throws(InputError) in
                t[keyPath: path] = v.isEmpty ? nil : try W.parse(v, field: name)
            })
    }

    static func number<T>(_ name: String, _ path: WritableKeyPath<T, Double?> & Sendable, _ lift: Lift<T>) -> Field {
        field(
            name, "a number (12.5 or 12,5), or nothing", lift, get: { $0[keyPath: path].map(World.number) ?? "" },
            set: {
                (t: inout T, v: String, _: Day) throws(InputError) in
                t[keyPath: path] = try NumberInput.parse(v)
            })
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
