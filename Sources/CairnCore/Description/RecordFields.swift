import CairnWords

/// Every kind's fields as a person meets them: what a form calls each, how it asks for it,
/// what it accepts, and whether `cairn edit` sets it, all read from the kind's one description
/// (`visitFields`). The fold's field edits, conflicts, forms and `cairn edit` go through it.
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
        /// What a form calls it, in the session's language: "Official id", "E-mail".
        public var label: String { RecordFields.label(name) }
        public var input: Input
        /// Said under a form's field, in the session's language: how a day may be typed.
        public var hint: String { said.hint() }
        /// "YYYY-MM-DD, today, +2w", "one of primary, ...": said when a value is refused.
        public var accepts: String { said.accepts() }
        /// What a choice or a set shows for each of its options, in the session's language
        /// (an option's word stays what is stored); empty for other inputs.
        public var optionLabels: [String] { said.options() }
        /// Whether `cairn edit` sets it; the others are set by their own doors (a tick, a
        /// member's cluster) or are links a record is made with.
        public var editable: Bool
        /// Whether it is a key of the record's JSON; false for a part of one shown as a field
        /// of its own (a health check's rating of one item).
        public var inJSON: Bool
        public var traits: FieldTraits
        /// The field's words, looked up when they are shown: the session's language can change
        /// while the description (made once) stays.
        var said: Said
        var text: @Sendable (Record) -> String
        var setText: @Sendable (inout Record, String, Day) throws(InputError) -> Void
    }

    /// A field's words that follow the session's language.
    struct Said: Sendable {
        var hint: @Sendable () -> String
        var accepts: @Sendable () -> String
        var options: @Sendable () -> [String] = { [] }
    }

    /// Every field of a kind but its id, those `cairn edit` sets first, in a form's order.
    public static func all(of kind: RecordKind) -> [Field] { described[kind] ?? [] }

    /// The fields `cairn edit` can set on a kind of record, in a form's order.
    public static func fields(of kind: RecordKind) -> [Field] { all(of: kind).filter { $0.editable } }

    /// The fields a run of new records keeps from one form to the next ("save and next"):
    /// those the kind's description says usually repeat (`FieldTraits.repeats`).
    public static func repeating(of kind: RecordKind) -> Set<String> {
        Set(all(of: kind).filter { $0.traits.contains(.repeats) }.map(\.name))
    }

    private static let described: [RecordKind: [Field]] = Dictionary(
        uniqueKeysWithValues: RecordKind.allCases.map { kind in
            var d = Describer(kind: kind)
            Record.blank(kind).readFields(&d)
            return (kind, d.fields.filter(\.editable) + d.fields.filter { !$0.editable })
        })

    /// The JSON value of field `name` of `record` (`.null` for an optional left empty), or nil
    /// when the kind has no such field.
    public static func value(_ name: String, of record: Record) -> JSONValue? {
        var read = FieldJSON(key: name)
        record.readFields(&read)
        return read.found
    }

    /// `record` with each field set from its new JSON value, or nil when one of them is not a
    /// field of its kind or not a value that field takes.
    public static func applying(_ edits: [FieldEdit], to record: Record) -> Record? {
        var r = record
        var apply = EditsApplied(edits: edits)
        r.visitFields(&apply)
        return apply.applied == edits.count && !apply.refused ? r : nil
    }

    /// `record` with `field` set from `value`; an empty value clears it.
    public static func set(_ field: String, to value: String, in record: Record, today: Day) throws(InputError) -> Record {
        let known = fields(of: record.kind)
        guard let f = known.first(where: { $0.name == field }) else {
            throw InputError(
                Words.say(
                    "{kind} has no field “{field}”: use one of {fields}",
                    ["kind": record.kind.rawValue, "field": field, "fields": known.map(\.name).joined(separator: ", ")]))
        }
        var r = record
        do {
            try f.setText(&r, value, today)
        } catch {
            // A vocabulary's message already lists its words.
            if error.listsWhatIsAccepted { throw InputError(Words.say("{field}: {problem}", ["field": field, "problem": error.message])) }
            throw InputError(
                Words.say(
                    "{field}: {problem} ({field} accepts {accepts})", ["field": field, "problem": error.message, "accepts": f.accepts]))
        }
        return r
    }

    /// A label from a key: `leadershipModel` is "Leadership model" (English, for a key no
    /// label names).
    static func englishLabel(_ key: String) -> String {
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

    /// The field's value on `record` as a screen shows it: words as labels ("lower secondary"),
    /// a list joined by ", ".
    public func shown(of record: Record) -> String {
        guard inJSON else { return text(record) }
        var read = RecordFields.FieldText(key: name, shown: true)
        record.readFields(&read)
        return read.found ?? ""
    }

    /// Sets the field on `record` from text as a person types it, or says why it cannot be.
    public func set(_ value: String, on record: inout Record, today: Day) throws(InputError) { try setText(&record, value, today) }
}
