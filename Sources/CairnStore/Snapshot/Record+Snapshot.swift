import CairnCore

/// Records as a snapshot holds them. The kinds a national store has by the hundred thousand
/// are written field by field; the few (goals, measurements, actions, agreements, health
/// checks) as their JSON fields, so that a field added to them needs no change here.
enum RecordSnapshot {
    static let kinds = RecordKind.allCases
    static let phases = Phase.allCases
    static let sectors = Sector.allCases
    static let levels = Level.allCases
    static let clusterKinds = ClusterKind.allCases
    static let formalities = Formality.allCases
    static let memberTypes = MemberType.allCases

    static func write(_ record: Record, to w: inout SnapshotWriter) {
        w.word(record.kind, in: kinds)
        switch record {
        case .school(let s):
            w.text(s.id)
            w.optionalText(s.officialId)
            w.text(s.name)
            w.number(s.phases.count)
            for p in s.phases { w.word(p, in: phases) }
            w.text(s.municipality)
            w.text(s.contactPerson)
            w.text(s.email)
            w.text(s.phone)
            w.text(s.notes)
        case .agency(let a):
            w.text(a.id)
            w.text(a.name)
            w.word(a.sector, in: sectors)
            w.word(a.level, in: levels)
            w.text(a.contactPerson)
            w.text(a.email)
            w.text(a.phone)
            w.text(a.notes)
        case .cluster(let c):
            w.text(c.id)
            w.optionalText(c.officialId)
            w.text(c.name)
            w.word(c.kind, in: clusterKinds)
            w.bool(c.formality != nil)
            if let f = c.formality { w.word(f, in: formalities) }
            w.text(c.region)
            w.text(c.purpose)
            w.text(c.leadershipModel)
            w.optionalDay(c.startedOn)
            w.text(c.fundingSource)
            w.optionalDay(c.fundingEndsOn)
            w.text(c.notes)
        case .membership(let m):
            w.text(m.id)
            w.text(m.cluster)
            w.word(m.memberType, in: memberTypes)
            w.text(m.memberId)
            w.text(m.role)
            w.text(m.responsibilities)
            w.bool(m.lead)
        case .checkpoint(let c):
            w.text(c.id)
            w.text(c.cluster)
            w.text(c.title)
            w.day(c.due)
            w.optionalText(c.concerns)
            w.optionalText(c.goal)
            w.optionalText(c.agreement)
            w.optionalDay(c.doneOn)
            w.optionalText(c.doneBy)
            w.optionalText(c.evidence)
        case .goal, .measurement, .action, .agreement, .assessment:
            JSONValueSnapshot.write(.object(record.fieldValues), to: &w)
        }
    }

    static func read(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Record {
        let kind = try r.word(in: kinds)
        switch kind {
        case .school: return .school(try school(&r))
        case .agency: return .agency(try agency(&r))
        case .cluster: return .cluster(try cluster(&r))
        case .membership: return .membership(try membership(&r))
        case .checkpoint: return .checkpoint(try checkpoint(&r))
        case .goal, .measurement, .action, .agreement, .assessment: return try byFields(kind, &r)
        }
    }

    // Each kind read straight into its own type, so that a table of 100,000 is filled without
    // wrapping each record in a `Record` and taking it out again.

    static func school(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> School {
        let id = try r.text()
        let officialId = try r.optionalText()
        let name = try r.text()
        var list: [Phase] = []
        for _ in 0..<(try r.count()) { list.append(try r.word(in: phases)) }
        return School(
            id: id, officialId: officialId, name: name, phases: list, municipality: try r.text(), contactPerson: try r.text(),
            email: try r.text(), phone: try r.text(), notes: try r.text())
    }

    static func agency(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Agency {
        Agency(
            id: try r.text(), name: try r.text(), sector: try r.word(in: sectors), level: try r.word(in: levels),
            contactPerson: try r.text(), email: try r.text(), phone: try r.text(), notes: try r.text())
    }

    static func cluster(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Cluster {
        let id = try r.text()
        let officialId = try r.optionalText()
        let name = try r.text()
        let kind = try r.word(in: clusterKinds)
        let formality = try r.bool() ? try r.word(in: formalities) : nil
        return Cluster(
            id: id, officialId: officialId, name: name, kind: kind, formality: formality, region: try r.text(),
            purpose: try r.text(), leadershipModel: try r.text(), startedOn: try r.optionalDay(), fundingSource: try r.text(),
            fundingEndsOn: try r.optionalDay(), notes: try r.text())
    }

    static func membership(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Membership {
        Membership(
            id: try r.text(), cluster: try r.text(), memberType: try r.word(in: memberTypes), memberId: try r.text(),
            role: try r.text(), responsibilities: try r.text(), lead: try r.bool())
    }

    static func checkpoint(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Checkpoint {
        let id = try r.text()
        let cluster = try r.text()
        let title = try r.text()
        let due = try r.day()
        let concerns = try r.optionalText()
        let goal = try r.optionalText()
        let agreement = try r.optionalText()
        return Checkpoint(
            id: id, cluster: cluster, title: title, due: due, concerns: concerns, doneOn: try r.optionalDay(),
            doneBy: try r.optionalText(), evidence: try r.optionalText(), goal: goal, agreement: agreement)
    }

    static func byFields(_ kind: RecordKind, _ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Record {
        let at = r.offset
        guard case .object(let fields) = try JSONValueSnapshot.read(&r) else { throw SnapshotReader.Damaged(at: at) }
        do {
            return try Record(kind: kind, fieldValues: fields)
        } catch {
            throw SnapshotReader.Damaged(at: at)
        }
    }
}

/// A field's value in a snapshot: a tag byte, then what the tag needs.
enum JSONValueSnapshot {
    /// Deeper than any record's fields go; a damaged snapshot cannot recurse past it.
    static let depthLimit = 32

    static func write(_ value: JSONValue, to w: inout SnapshotWriter) {
        switch value {
        case .null: w.byte(0)
        case .bool(let b): w.byte(b ? 2 : 1)
        case .number(let n):
            w.byte(3)
            w.unsigned(n.bitPattern)
        case .string(let s):
            w.byte(4)
            w.text(s)
        case .array(let items):
            w.byte(5)
            w.number(items.count)
            for item in items { write(item, to: &w) }
        case .object(let fields):
            w.byte(6)
            w.number(fields.count)
            for (key, item) in fields {
                w.text(key)
                write(item, to: &w)
            }
        }
    }

    static func read(_ r: inout SnapshotReader, depth: Int = 0) throws(SnapshotReader.Damaged) -> JSONValue {
        guard depth < depthLimit else { throw SnapshotReader.Damaged(at: r.offset) }
        switch try r.byte() {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return .number(Double(bitPattern: try r.unsigned()))
        case 4: return .string(try r.text())
        case 5:
            var items: [JSONValue] = []
            for _ in 0..<(try r.count()) { items.append(try read(&r, depth: depth + 1)) }
            return .array(items)
        case 6:
            var fields: [String: JSONValue] = [:]
            for _ in 0..<(try r.count()) {
                let key = try r.text()
                fields[key] = try read(&r, depth: depth + 1)
            }
            return .object(fields)
        default:
            throw SnapshotReader.Damaged(at: r.offset - 1)
        }
    }
}
