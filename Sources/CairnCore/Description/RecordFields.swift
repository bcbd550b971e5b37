/// The one description of every kind of record: each field by the key the journal and the JSON
/// export name it with, what it accepts, and how it is read and written, as JSON (the journal's
/// edits, the fold, conflicts) and as text (`cairn edit RECORD FIELD=VALUE`). The doors and
/// codecs are driven from it, so that a field is described once.
public enum RecordFields {
    /// How a form asks for a field.
    public enum Input: Sendable, Equatable {
        case line
        case longText
        /// One word of a vocabulary ("" first when it may be left empty).
        case choice([String])
        /// Any of a vocabulary's words.
        case multi([String])
        case flag
    }

    /// One field of a kind.
    public struct Field: Sendable {
        /// The JSON key: `municipality`, `class`, `doneOn`.
        public var name: String
        /// What a form calls it: "Official id", "E-mail".
        public var label: String
        public var input: Input
        /// Said under a form's field: how a day may be typed.
        public var hint: String
        /// "YYYY-MM-DD, today, +2w", "one of primary, ...": said when a value is refused.
        public var accepts: String
        /// Whether `cairn edit` sets it; the others are set by their own doors (a tick, a
        /// member's cluster) or are links a record is made with.
        public var editable: Bool
        /// Whether it is a key of the record's JSON; false for a part of one shown as a field
        /// of its own (a health check's rating of one item).
        public var inJSON: Bool
        let json: @Sendable (Record) -> JSONValue
        /// Sets the field from a JSON value; false when the value is not one it takes (the
        /// `Codable` path then says why).
        let setJSON: @Sendable (inout Record, JSONValue) -> Bool
        let text: @Sendable (Record) -> String
        let setText: @Sendable (inout Record, String, Day) throws(InputError) -> Void
    }

    /// Every field of a kind, those `cairn edit` sets first, in export order.
    public static func all(of kind: RecordKind) -> [Field] {
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

    /// The fields `cairn edit` can set on a kind of record, in export order.
    public static func fields(of kind: RecordKind) -> [Field] { all(of: kind).filter(\.editable) }

    /// Each kind's JSON fields by key, for the fold's field-by-field edits.
    private static let byKey: [RecordKind: [String: Field]] = Dictionary(
        uniqueKeysWithValues: RecordKind.allCases.map { kind in
            (kind, Dictionary(uniqueKeysWithValues: all(of: kind).filter(\.inJSON).map { ($0.name, $0) }))
        })

    /// The JSON value of field `name` of `record` (`.null` for an optional left empty), or nil
    /// when the kind has no such field.
    public static func value(_ name: String, of record: Record) -> JSONValue? {
        byKey[record.kind]?[name]?.json(record)
    }

    /// `record` with each field set from its new JSON value, or nil when one of them is not a
    /// field of its kind or not a value that field takes.
    public static func applying(_ edits: [FieldEdit], to record: Record) -> Record? {
        guard let fields = byKey[record.kind] else { return nil }
        var r = record
        for edit in edits {
            guard let field = fields[edit.name], field.setJSON(&r, edit.new) else { return nil }
        }
        return r
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
            try f.setText(&r, value, today)
        } catch {
            // A vocabulary's message already lists its words.
            let accepts = error.message.contains("use one of") ? "" : " (\(field) accepts \(f.accepts))"
            throw InputError("\(field): \(error.message)\(accepts)")
        }
        return r
    }

    /// A label from a key: `leadershipModel` is "Leadership model".
    static func label(_ key: String) -> String {
        var out = ""
        for c in key {
            if c.isUppercase {
                out += " " + c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out.prefix(1).uppercased() + out.dropFirst()
    }

    /// Every field's value as text, for saying what an edit changed.
    public static func values(of record: Record) -> [(field: String, value: String)] {
        fields(of: record.kind).map { ($0.name, $0.text(record)) }
    }
}

extension RecordFields.Field {
    /// The field's value on `record` as text (a form's, `cairn edit`'s): words as stored, days
    /// as YYYY-MM-DD, a list joined by commas, nothing as "".
    public func text(of record: Record) -> String { text(record) }

    /// Sets the field on `record` from text as a person types it, or says why it cannot be.
    public func set(_ value: String, on record: inout Record, today: Day) throws(InputError) { try setText(&record, value, today) }
}
