import CairnCore
import CairnWords
import Foundation

/// Reads a `cairn export --format json` document back into records, with their ids, so that
/// importing it into an empty store rebuilds the same state (the JSON export is lossless).
///
/// Strict: a value of the wrong type, a word no vocabulary knows, an unreadable date or a
/// missing id is refused with where it is (`schools[3].sector`), and nothing is imported; the
/// rule book then checks the records as a form would.
public enum JSONImport {
    static let sections = ["schools", "agencies", "clusters", "goals", "measurements", "actions", "checkpoints", "assessments", "links"]

    public static func changes(_ data: Data) throws(StoreError) -> [Change] {
        let parsed: JSONValue? = data.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            guard let value = try? scanner.value(), scanner.atEnd else { return nil }
            return value
        }
        guard case .object(let doc)? = parsed else {
            throw StoreError(Words.say("the file is not a Cairn JSON export (not one JSON object)", context: "store"))
        }
        guard doc.keys.contains(where: sections.contains) else {
            throw StoreError(
                Words.say(
                    "the file is not a Cairn JSON export: it has none of {sections}", context: "store",
                    ["sections": sections.joined(separator: ", ")]))
        }
        var r = FieldReader()
        let changes = read(doc, &r)
        let issues = r.issues + sharedIDs(changes)
        if let first = issues.first {
            if issues.count > 1 {
                throw StoreError(
                    Words.count(
                        "nothing imported: {reason} (and {count} more)", "nothing imported: {reason} (and {count} more)", issues.count - 1,
                        context: "store",
                        ["reason": first]))
            }
            throw StoreError(Words.say("nothing imported: {reason}", context: "store", ["reason": first]))
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
            Words.say(
                "{first} and {second} have one id, {id}: each record needs its own", context: "store",
                ["first": world.describe(a), "second": world.describe(b), "id": a.id])
        }
    }

    private static func read(_ doc: [String: JSONValue], _ r: inout FieldReader) -> [Change] {
        var changes: [Change] = []
        changes += restored(r.list(doc, "schools"), &r, as: Record.school)
        changes += restored(r.list(doc, "agencies"), &r, as: Record.agency)
        // Every cluster before any member: a collaborative's member clusters may come after it.
        let clusters = r.list(doc, "clusters")
        changes += restored(clusters, &r, as: Record.cluster)
        for (c, path) in clusters {
            let id = c["id"].flatMap { String(fieldJSON: $0) } ?? ""
            // A member as the export shows it: the membership's id under `membership`, its
            // school's or agency's under `id`.
            let member = ["id": "membership", "memberType": "type", "memberId": "id"]
            changes += restored(r.list(c, "members", at: path), &r, renamed: member, given: ["cluster": id], as: Record.membership)
            if let a = r.object(c, "agreement", path) {
                changes += restored([(a, path + ".agreement")], &r, given: ["cluster": id], as: Record.agreement)
            }
        }
        // A goal contributes to a goal that may come after it: what it contributes to is set
        // once every goal is in.
        var contributions: [Change] = []
        for case .put(.goal(var g)) in restored(r.list(doc, "goals"), &r, as: Record.goal) {
            if let aim = g.contributesTo {
                contributions.append(
                    .edit(Edit(kind: .goal, id: g.id, fields: [FieldEdit("contributesTo", old: .null, new: .string(aim))])))
                g.contributesTo = nil
            }
            changes.append(.put(.goal(g)))
        }
        changes += contributions
        changes += restored(r.list(doc, "measurements"), &r, as: Record.measurement)
        changes += restored(r.list(doc, "actions"), &r, as: Record.action)
        // After the goals: a checkpoint may ask for a goal's measurement.
        changes += restored(r.list(doc, "checkpoints"), &r, as: Record.checkpoint)
        changes += restored(r.list(doc, "assessments"), &r, as: Record.assessment)
        changes += restored(r.list(doc, "links"), &r, as: Record.link)
        return changes
    }

    /// Each object read as a record of its kind, through the kind's description.
    private static func restored<R: DescribedRecord>(
        _ objects: [([String: JSONValue], String)], _ r: inout FieldReader, renamed: [String: String] = [:],
        given: [String: String] = [:], as wrap: (R) -> Record
    ) -> [Change] {
        objects.map { object, path in
            var fields = RestoredFields(object: object, path: path, renamed: renamed, given: given)
            var record = R.blank
            record.visitFields(&fields)
            r.issues += fields.issues
            return .put(wrap(record))
        }
    }
}

/// Reads the lists and objects of a parsed export and notes, with its path, each one that is
/// not what the export writes there.
struct FieldReader {
    typealias Object = [String: JSONValue]
    var issues: [String] = []

    static func describe(_ value: JSONValue) -> String { RestoredFields.describe(value) }

    mutating func list(_ o: Object, _ key: String, at parent: String = "") -> [(Object, String)] {
        let path = parent.isEmpty ? key : "\(parent).\(key)"
        guard let value = o[key], value != .null else { return [] }
        guard case .array(let items) = value else {
            issues.append(
                Words.say("{path} must be a list of records, not {found}", context: "store", ["path": path, "found": Self.describe(value)]))
            return []
        }
        var out: [(Object, String)] = []
        for (i, item) in items.enumerated() {
            if case .object(let record) = item {
                out.append((record, "\(path)[\(i + 1)]"))
            } else {
                issues.append(
                    Words.say(
                        "{path} must be a record (an object), not {found}", context: "store",
                        ["path": "\(path)[\(i + 1)]", "found": Self.describe(item)]))
            }
        }
        return out
    }

    mutating func object(_ o: Object, _ key: String, _ path: String) -> Object? {
        guard let value = o[key], value != .null else { return nil }
        guard case .object(let object) = value else {
            issues.append(
                Words.say(
                    "{path} must be an object, not {found}", context: "store", ["path": "\(path).\(key)", "found": Self.describe(value)]))

            return nil
        }
        return object
    }
}
