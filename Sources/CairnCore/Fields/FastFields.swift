/// Field access without the `Codable` round trip, for the records that years of use edit most
/// (a school's details, a checkpoint's tick). Folding one field edit through `fieldValues` and
/// back encodes and decodes the whole record; at a million journal events that was most of the
/// start-up. Each accessor gives exactly what `fieldValues[name] ?? .null` gives, and sets
/// exactly what decoding would (tested against both for every field); a field or a value it
/// does not know returns nil, and the fold takes the `Codable` path, which says what is wrong.
enum FastFields {
    /// The value of `name` on `record`, or nil when this path does not know the field.
    static func value(_ name: String, of record: Record) -> JSONValue? {
        switch record {
        case .school(let s):
            switch name {
            case "officialId": return optional(s.officialId)
            case "name": return .string(s.name)
            case "phases": return .array(s.phases.map { .string($0.rawValue) })
            case "municipality": return .string(s.municipality)
            case "contactPerson": return .string(s.contactPerson)
            case "email": return .string(s.email)
            case "phone": return .string(s.phone)
            case "notes": return .string(s.notes)
            default: return nil
            }
        case .checkpoint(let c):
            switch name {
            case "cluster": return .string(c.cluster)
            case "title": return .string(c.title)
            case "due": return .string(c.due.description)
            case "concerns": return optional(c.concerns)
            case "goal": return optional(c.goal)
            case "agreement": return optional(c.agreement)
            case "doneOn": return optional(c.doneOn?.description)
            case "doneBy": return optional(c.doneBy)
            case "evidence": return optional(c.evidence)
            default: return nil
            }
        default: return nil
        }
    }

    /// `record` with each field set, or nil when this path cannot set one of them.
    static func applying(_ fields: [FieldEdit], to record: Record) -> Record? {
        var r = record
        for f in fields {
            guard set(f.name, f.new, on: &r) else { return nil }
        }
        return r
    }

    private static func set(_ name: String, _ v: JSONValue, on record: inout Record) -> Bool {
        switch record {
        case .school(var s):
            switch name {
            case "officialId":
                guard let x = optionalString(v) else { return false }
                s.officialId = x
            case "name":
                guard case .string(let x) = v else { return false }
                s.name = x
            case "phases":
                guard case .array(let items) = v else { return false }
                var phases: [Phase] = []
                for item in items {
                    guard case .string(let word) = item, let p = Phase(rawValue: word) else { return false }
                    phases.append(p)
                }
                s.phases = phases
            case "municipality":
                guard case .string(let x) = v else { return false }
                s.municipality = x
            case "contactPerson":
                guard case .string(let x) = v else { return false }
                s.contactPerson = x
            case "email":
                guard case .string(let x) = v else { return false }
                s.email = x
            case "phone":
                guard case .string(let x) = v else { return false }
                s.phone = x
            case "notes":
                guard case .string(let x) = v else { return false }
                s.notes = x
            default: return false
            }
            record = .school(s)
        case .checkpoint(var c):
            switch name {
            case "cluster":
                guard case .string(let x) = v else { return false }
                c.cluster = x
            case "title":
                guard case .string(let x) = v else { return false }
                c.title = x
            case "due":
                guard case .string(let x) = v, let d = Day(iso: x) else { return false }
                c.due = d
            case "concerns":
                guard let x = optionalString(v) else { return false }
                c.concerns = x
            case "goal":
                guard let x = optionalString(v) else { return false }
                c.goal = x
            case "agreement":
                guard let x = optionalString(v) else { return false }
                c.agreement = x
            case "doneOn":
                guard let x = optionalString(v) else { return false }
                guard let text = x else {
                    c.doneOn = nil
                    break
                }
                guard let d = Day(iso: text) else { return false }
                c.doneOn = d
            case "doneBy":
                guard let x = optionalString(v) else { return false }
                c.doneBy = x
            case "evidence":
                guard let x = optionalString(v) else { return false }
                c.evidence = x
            default: return false
            }
            record = .checkpoint(c)
        default: return false
        }
        return true
    }

    private static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// A string or nothing: `.some(nil)` for null, nil for any other kind of value.
    private static func optionalString(_ v: JSONValue) -> String?? {
        switch v {
        case .null: return .some(nil)
        case .string(let x): return .some(x)
        default: return nil
        }
    }
}
