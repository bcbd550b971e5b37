import CairnWords

/// The visitors that reach one field by its key: to describe it, read or set it as JSON, or
/// read or set it as text.
extension RecordFields {
    /// Lists a kind's fields as people meet them.
    struct Describer: UniformFieldVisitor {
        let kind: RecordKind
        var fields: [Field] = []

        mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
            guard !traits.contains(.identity) else { return }
            var f = Field(
                name: key, input: traits.contains(.long) ? .longText : V.input, editable: !traits.contains(.fixed), inJSON: true,
                traits: traits, said: Said(hint: { V.hint }, accepts: { V.accepts }, options: { V.optionLabels }),
                text: { record in
                    var read = FieldText(key: key)
                    record.readFields(&read)
                    return read.found ?? ""
                },
                setText: { (record: inout Record, text: String, today: Day) throws(InputError) in
                    var write = FieldTextSet(key: key, text: text, today: today)
                    record.visitFields(&write)
                    if let error = write.error { throw error }
                })
            RecordFields.adjust(&f, of: kind)
            fields.append(f)
        }

        mutating func ratings(_ key: String, _ value: inout [String: Int], _ traits: FieldTraits) {
            fields += HealthItem.allCases.map(RecordFields.rating)
            field(key, &value, traits)
        }
    }

    /// What a field says beyond its type: a correction of a tick's day, a count of meetings.
    static func adjust(_ f: inout Field, of kind: RecordKind) {
        switch (kind, f.name) {
        case (.checkpoint, "doneOn"):
            f.said.accepts = { Words.say("YYYY-MM-DD, yesterday or -3d, on a ticked checkpoint") }
            let set = f.setText
            // Ticking and reopening are their own commands; this only corrects the day.
            f.setText = { (record: inout Record, v: String, today: Day) throws(InputError) in
                guard case .checkpoint(let c) = record else { return }
                guard c.isDone else {
                    throw InputError(Words.say("“{title}” is not ticked: tick it (cairn tick --on DATE)", ["title": c.title]))
                }
                if v.isEmpty { throw InputError(Words.say("a ticked checkpoint keeps its day: reopen it instead (cairn reopen)")) }
                try set(&record, v, today)
            }
        case (.agreement, "meetingsPerYear"): f.said.accepts = { Words.say("a whole number from 1 to 52") }
        default: break
        }
    }

    /// One item's rating on a health check, which `cairn edit` sets as a field of its own.
    static func rating(_ item: HealthItem) -> Field {
        Field(
            name: item.rawValue, input: .choice(["", "1", "2", "3", "4"]), editable: true, inJSON: false, traits: [],
            said: Said(hint: { "" }, accepts: { Words.say("a rating from 1 (fragile) to 4 (solid), or nothing") }),
            text: { record in
                guard case .assessment(let a) = record else { return "" }
                return a.rating(item).map(String.init) ?? ""
            },
            setText: { (record: inout Record, v: String, _: Day) throws(InputError) in
                guard case .assessment(var a) = record else { return }
                if v.isEmpty {
                    a.ratings[item.rawValue] = nil
                } else if let r = Int(v) {
                    a.ratings[item.rawValue] = r
                } else {
                    throw InputError(Words.say("“{value}” is not a rating", ["value": v]))
                }
                record = .assessment(a)
            })
    }

    /// The JSON value of one field, found by its key.
    struct FieldJSON: UniformFieldVisitor {
        let key: String
        var found: JSONValue?
        mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
            if key == self.key, !traits.contains(.identity) { found = value.fieldJSON }
        }
    }

    /// Sets fields from their new JSON values; `refused` when one is not a value its field takes.
    struct EditsApplied: UniformFieldVisitor {
        let edits: [FieldEdit]
        var applied = 0
        var refused = false
        mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
            guard !traits.contains(.identity) else { return }
            for edit in edits where edit.name == key {
                applied += 1
                if let v = V(fieldJSON: edit.new) { value = v } else { refused = true }
            }
        }
    }

    struct FieldText: UniformFieldVisitor {
        let key: String
        /// As a screen shows it rather than as a person types it.
        var shown = false
        var found: String?
        mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
            if key == self.key { found = shown ? value.fieldShown : value.fieldText }
        }
    }

    struct FieldTextSet: UniformFieldVisitor {
        let key: String
        let text: String
        let today: Day
        var error: InputError?
        mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
            guard key == self.key else { return }
            do {
                value = try V(fieldText: text, today: today, field: key)
            } catch {
                self.error = error
            }
        }
    }
}
