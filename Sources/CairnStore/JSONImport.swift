import CairnCore
import Foundation

/// Reads a `cairn export --format json` document back into records, with their ids, so that
/// importing it into an empty store rebuilds the same state (the JSON export is lossless).
///
/// Strict: a value of the wrong type, a word no vocabulary knows, an unreadable date or a
/// missing id is refused with where it is (`schools[3].sector`), and nothing is imported; the
/// rule book then checks the records as a form would.
public enum JSONImport {
    static let sections = ["schools", "agencies", "clusters", "goals", "measurements", "actions", "checkpoints", "assessments"]

    public static func changes(_ data: Data) throws(StoreError) -> [Change] {
        let parsed: JSONValue? = data.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            guard let value = try? scanner.value(), scanner.atEnd else { return nil }
            return value
        }
        guard case .object(let doc)? = parsed else {
            throw StoreError("the file is not a Cairn JSON export (not one JSON object)")
        }
        guard doc.keys.contains(where: sections.contains) else {
            throw StoreError("the file is not a Cairn JSON export: it has none of \(sections.joined(separator: ", "))")
        }
        var r = FieldReader()
        let changes = read(doc, &r)
        let issues = r.issues + sharedIDs(changes)
        if let first = issues.first {
            let more = issues.count > 1 ? " (and \(issues.count - 1) more)" : ""
            throw StoreError("nothing imported: \(first)\(more)")
        }
        return changes
    }

    /// Two records of the document under one id, each pair named: a restore would keep only one
    /// of them (the later written over the first).
    static func sharedIDs(_ changes: [Change]) -> [String] {
        var first: [String: Record] = [:]
        var pairs: [(Record, Record)] = []
        for case .put(let record) in changes {
            if let earlier = first[record.id] { pairs.append((earlier, record)) } else { first[record.id] = record }
        }
        guard !pairs.isEmpty else { return [] }
        // Members are named by their school or agency, which the document holds.
        var world = World()
        world.apply(changes)
        return pairs.map { a, b in
            "\(world.describe(a)) and \(world.describe(b)) have one id, \(a.id): each record needs its own"
        }
    }

    private static func read(_ doc: [String: JSONValue], _ r: inout FieldReader) -> [Change] {
        var changes: [Change] = []
        for (s, path) in r.list(doc, "schools") {
            changes.append(
                .put(
                    .school(
                        School(
                            id: r.id(s, path), officialId: r.opt(s, "officialId", path), name: r.str(s, "name", path),
                            phases: r.words(s, "phases", path), municipality: r.str(s, "municipality", path),
                            contactPerson: r.str(s, "contactPerson", path), email: r.str(s, "email", path), phone: r.str(s, "phone", path),
                            notes: r.str(s, "notes", path)))))
        }
        for (a, path) in r.list(doc, "agencies") {
            changes.append(
                .put(
                    .agency(
                        Agency(
                            id: r.id(a, path), name: r.str(a, "name", path), sector: r.word(a, "sector", path) ?? .other,
                            level: r.word(a, "level", path) ?? .local, contactPerson: r.str(a, "contactPerson", path),
                            email: r.str(a, "email", path), phone: r.str(a, "phone", path), notes: r.str(a, "notes", path)))))
        }
        for (c, path) in r.list(doc, "clusters") {
            let id = r.id(c, path)
            changes.append(
                .put(
                    .cluster(
                        Cluster(
                            id: id, officialId: r.opt(c, "officialId", path), name: r.str(c, "name", path),
                            kind: r.word(c, "kind", path) ?? .cluster, formality: r.word(c, "formality", path),
                            region: r.str(c, "region", path), purpose: r.str(c, "purpose", path),
                            leadershipModel: r.str(c, "leadershipModel", path), startedOn: r.day(c, "startedOn", path),
                            fundingSource: r.str(c, "fundingSource", path), fundingEndsOn: r.day(c, "fundingEndsOn", path),
                            notes: r.str(c, "notes", path)))))
            for (m, mpath) in r.list(c, "members", at: path) {
                changes.append(
                    .put(
                        .membership(
                            Membership(
                                id: r.str(m, "membership", mpath, required: true), cluster: id,
                                memberType: r.word(m, "type", mpath) ?? .school, memberId: r.str(m, "id", mpath, required: true),
                                role: r.str(m, "role", mpath), responsibilities: r.str(m, "responsibilities", mpath),
                                lead: r.bool(m, "lead", mpath)))))
            }
            if let a = r.object(c, "agreement", path) {
                let apath = path + ".agreement"
                let start = r.day(a, "periodStart", apath, required: true) ?? FieldReader.placeholderDay
                let end = r.day(a, "periodEnd", apath, required: true) ?? start
                changes.append(
                    .put(
                        .agreement(
                            Agreement(
                                id: r.id(a, apath), cluster: id, meetingsPerYear: r.int(a, "meetingsPerYear", apath) ?? 0,
                                reporting: r.str(a, "reporting", apath), evaluation: r.str(a, "evaluation", apath), periodStart: start,
                                periodEnd: end))))
            }
        }
        for (g, path) in r.list(doc, "goals") {
            changes.append(
                .put(
                    .goal(
                        Goal(
                            id: r.id(g, path), cluster: r.str(g, "cluster", path, required: true), statement: r.str(g, "statement", path),
                            indicator: r.str(g, "indicator", path), unit: r.str(g, "unit", path), baseline: r.num(g, "baseline", path),
                            baselineDate: r.day(g, "baselineDate", path), target: r.num(g, "target", path),
                            deadline: r.day(g, "deadline", path), priority: r.word(g, "priority", path) ?? .medium,
                            direction: r.word(g, "direction", path) ?? .increase, owner: r.opt(g, "owner", path)))))
        }
        for (m, path) in r.list(doc, "measurements") {
            let date = r.day(m, "date", path, required: true) ?? FieldReader.placeholderDay
            let value = r.num(m, "value", path, required: true) ?? 0
            changes.append(
                .put(
                    .measurement(
                        Measurement(
                            id: r.id(m, path), goal: r.str(m, "goal", path, required: true), value: value, date: date,
                            by: r.str(m, "by", path), source: r.str(m, "source", path), ticked: r.opt(m, "ticked", path)))))
        }
        for (a, path) in r.list(doc, "actions") {
            changes.append(
                .put(
                    .action(
                        Action(
                            id: r.id(a, path), cluster: r.str(a, "cluster", path, required: true),
                            description: r.str(a, "description", path),
                            goal: r.opt(a, "goal", path), responsible: r.opt(a, "responsible", path),
                            actionClass: r.word(a, "class", path) ?? .prevention, start: r.day(a, "start", path),
                            due: r.day(a, "due", path), status: r.word(a, "status", path) ?? .notStarted, note: r.str(a, "note", path)))))
        }
        // After the goals: a checkpoint may ask for a goal's measurement.
        for (p, path) in r.list(doc, "checkpoints") {
            let due = r.day(p, "due", path, required: true) ?? FieldReader.placeholderDay
            changes.append(
                .put(
                    .checkpoint(
                        Checkpoint(
                            id: r.id(p, path), cluster: r.str(p, "cluster", path, required: true), title: r.str(p, "title", path),
                            due: due, concerns: r.opt(p, "concerns", path), doneOn: r.day(p, "doneOn", path),
                            doneBy: r.opt(p, "doneBy", path),
                            evidence: r.opt(p, "evidence", path), goal: r.opt(p, "goal", path), agreement: r.opt(p, "agreement", path)))))
        }
        for (a, path) in r.list(doc, "assessments") {
            let date = r.day(a, "date", path, required: true) ?? FieldReader.placeholderDay
            var record = Assessment(
                id: r.id(a, path), cluster: r.str(a, "cluster", path, required: true), date: date, by: r.str(a, "by", path))
            record.ratings =
                r.object(a, "ratings", path)?.compactMapValues { v in
                    if case .number(let n) = v { return Int(exactly: n) } else { return nil }
                } ?? [:]
            record.notes =
                r.object(a, "notes", path)?.compactMapValues { v in if case .string(let t) = v { return t } else { return nil } } ?? [:]
            changes.append(.put(.assessment(record)))
        }
        return changes
    }
}

/// Reads fields of a parsed JSON object and notes, with its path, each one that is not what
/// the export writes there.
struct FieldReader {
    typealias Object = [String: JSONValue]
    var issues: [String] = []
    /// Stands in for a required date that is missing; its record is refused anyway.
    static let placeholderDay = Day(iso: "2000-01-01")!

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string: return "text"
        case .bool: return "true or false"
        case .number: return "a number"
        case .array: return "a list"
        case .object: return "an object"
        case .null: return "nothing"
        }
    }

    mutating func list(_ o: Object, _ key: String, at parent: String = "") -> [(Object, String)] {
        let path = parent.isEmpty ? key : "\(parent).\(key)"
        guard let value = o[key], value != .null else { return [] }
        guard case .array(let items) = value else {
            issues.append("\(path) must be a list of records, not \(Self.describe(value))")
            return []
        }
        var out: [(Object, String)] = []
        for (i, item) in items.enumerated() {
            if case .object(let record) = item {
                out.append((record, "\(path)[\(i + 1)]"))
            } else {
                issues.append("\(path)[\(i + 1)] must be a record (an object), not \(Self.describe(item))")
            }
        }
        return out
    }

    mutating func object(_ o: Object, _ key: String, _ path: String) -> Object? {
        guard let value = o[key], value != .null else { return nil }
        guard case .object(let object) = value else {
            issues.append("\(path).\(key) must be an object, not \(Self.describe(value))")
            return nil
        }
        return object
    }

    mutating func opt(_ o: Object, _ key: String, _ path: String) -> String? {
        guard let value = o[key], value != .null else { return nil }
        guard case .string(let text) = value else {
            issues.append("\(path).\(key) must be text, not \(Self.describe(value))")
            return nil
        }
        return text
    }

    mutating func str(_ o: Object, _ key: String, _ path: String, required: Bool = false) -> String {
        let text = opt(o, key, path)
        if required, text?.isEmpty ?? true { issues.append("\(path).\(key) is missing") }
        return text ?? ""
    }

    mutating func id(_ o: Object, _ path: String) -> String { str(o, "id", path, required: true) }

    mutating func day(_ o: Object, _ key: String, _ path: String, required: Bool = false) -> Day? {
        guard let text = opt(o, key, path) else {
            if required { issues.append("\(path).\(key) is missing") }
            return nil
        }
        guard let day = Day(iso: text) else {
            issues.append("\(path).\(key): “\(text)” is not a date (YYYY-MM-DD)")
            return nil
        }
        return day
    }

    mutating func num(_ o: Object, _ key: String, _ path: String, required: Bool = false) -> Double? {
        guard let value = o[key], value != .null else {
            if required { issues.append("\(path).\(key) is missing") }
            return nil
        }
        guard case .number(let n) = value else {
            issues.append("\(path).\(key) must be a number, not \(Self.describe(value))")
            return nil
        }
        return n
    }

    mutating func int(_ o: Object, _ key: String, _ path: String) -> Int? {
        guard let n = num(o, key, path) else { return nil }
        guard let whole = Int(exactly: n) else {
            issues.append("\(path).\(key) must be a whole number, not \(World.number(n))")
            return nil
        }
        return whole
    }

    mutating func bool(_ o: Object, _ key: String, _ path: String) -> Bool {
        guard let value = o[key], value != .null else { return false }
        guard case .bool(let b) = value else {
            issues.append("\(path).\(key) must be true or false, not \(Self.describe(value))")
            return false
        }
        return b
    }

    mutating func word<W: Vocabulary>(_ o: Object, _ key: String, _ path: String) -> W? {
        guard let text = opt(o, key, path), !text.isEmpty else { return nil }
        guard let w = W(rawValue: text) else {
            issues.append("\(path).\(key): “\(text)” is not one of \(W.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return w
    }

    mutating func words<W: Vocabulary>(_ o: Object, _ key: String, _ path: String) -> [W] {
        guard let value = o[key], value != .null else { return [] }
        guard case .array(let items) = value else {
            issues.append("\(path).\(key) must be a list of words, not \(Self.describe(value))")
            return []
        }
        return items.compactMap { item in
            guard case .string(let text) = item, let w = W(rawValue: text) else {
                issues.append("\(path).\(key): \(item.display) is not one of \(W.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return w
        }
    }
}
