import CairnCore
import CairnWords
import Foundation

/// One run of `cairn import` or of the import screen: every event it wrote, whatever the
/// number of commits. Its id is in each event's source, `import of nz.csv [imp-3f9a2c7e]`,
/// so `grep imp-3f9a2c7e journal/*` finds it and `cairn undo-import imp-3f9a2c7e` undoes it.
public struct ImportRun: Sendable {
    public var id: String
    public var file: String
    public var at: String
    public var by: String
    /// In the order the store folds them.
    public var events: [Event]
    /// When and by whom it was undone, if it was.
    public var undone: (at: String, by: String)?

    /// A new run's id.
    public static func makeID() -> String {
        let letters = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        return "imp-" + String((0..<8).map { _ in letters.randomElement()! })
    }

    /// The source of the events that undo a run: `undo of import imp-3f9a2c7e`.
    public static let undoPrefix = "undo of import "

    /// The source the run's events carry.
    public static func source(file: String, run: String) -> String { "import of \(file) [\(run)]" }

    /// The file and run of an import's source; an import made before runs had ids is known by
    /// its commit (it was one commit).
    static func parse(_ source: String) -> (file: String, run: String?)? {
        guard source.hasPrefix("import of ") else { return nil }
        let rest = source.dropFirst("import of ".count)
        if rest.hasSuffix("]"), let open = rest.range(of: " [imp-", options: .backwards) {
            return (String(rest[..<open.lowerBound]), String(rest[rest.index(after: open.lowerBound)...].dropFirst().dropLast()))
        }
        return (String(rest), nil)
    }
}

extension Store {
    /// Every import that wrote something, oldest first. Only journal lines that name an import
    /// are decoded.
    public func importRuns() throws(StoreError) -> [ImportRun] {
        var events: [Event] = []
        var undos: [Event] = []
        for file in try journalFiles() {
            events += try JournalReader.events(in: file, naming: "\"source\":\"import of ")
            undos += try JournalReader.events(in: file, naming: "\"source\":\"\(ImportRun.undoPrefix)")
        }
        var runs: [String: ImportRun] = [:]
        var order: [String] = []
        for event in Event.ordered(events) {
            guard let source = event.source, let (file, run) = ImportRun.parse(source) else { continue }
            let id = run ?? event.commit?.id ?? event.id
            if runs[id] == nil {
                runs[id] = ImportRun(id: id, file: file, at: event.at, by: event.by, events: [])
                order.append(id)
            }
            runs[id]!.events.append(event)
        }
        for undo in Event.ordered(undos) {
            guard let run = undo.source.map({ String($0.dropFirst(ImportRun.undoPrefix.count)) }), runs[run] != nil else { continue }
            runs[run]!.undone = (undo.at, undo.by)
        }
        return order.map { runs[$0]! }
    }

    /// The run `reference` names: its id, or the file's name (or path), for its latest import.
    public func importRun(_ reference: String) throws(StoreError) -> ImportRun {
        let runs = try importRuns()
        if let run = runs.last(where: { $0.id == reference }) { return run }
        let name = (reference as NSString).lastPathComponent
        if let run = runs.last(where: { $0.file == name }) { return run }
        if runs.isEmpty { throw StoreError(Words.say("no import has written to this store", context: "store")) }
        let recent = runs.suffix(5).reversed().map { "\($0.id) (\($0.file), \(EventTime.minute($0.at)))" }
        throw StoreError(
            Words.say(
                "no import is “{reference}”: the latest are {recent}", context: "store",
                ["reference": reference, "recent": recent.joined(separator: ", ")]))

    }
}

/// What undoing an import changes: what it added is deleted, and each field it changed is put
/// back, as new events through the rule book's undo (which refuses to delete what something
/// made since names). A field changed again since the import keeps its new value and is named;
/// so is a record it added that someone (or something, another import) edited since, which is
/// kept, with what it belongs to that the import added (a membership's cluster), so that
/// nothing kept points at a record that is gone.
public enum ImportUndo {
    public struct Plan: Sendable {
        public var inverse: [Change]
        public var deleted = 0
        public var restored = 0
        /// Records it added that stay: edited since, or what such a record belongs to.
        public var keptRecords = 0
        /// Fields and records left as they are now, with why.
        public var kept: [String] = []
        public var summary: String
    }

    public static func plan(_ run: ImportRun, world: World) -> Plan {
        var created: [String: RecordKind] = [:]
        var createdOrder: [String] = []
        var edited: [String: (kind: RecordKind, old: [String: JSONValue], new: [String: JSONValue], names: [String])] = [:]
        var editedOrder: [String] = []
        // Each record it added as the import left it: one that differs now was edited since.
        var leftAs: [String: Record] = [:]
        for event in run.events {
            let id = event.change.recordID
            switch event.change {
            case .put(let r) where event.base == nil:
                if created[id] == nil, edited[id] == nil {
                    created[id] = r.kind
                    createdOrder.append(id)
                }
                if created[id] != nil { leftAs[id] = r }
            case .edit(let e) where created[id] != nil:
                leftAs[id] = (try? leftAs[id]?.applying(e.fields)) ?? leftAs[id]
            case .edit(let e):
                if edited[id] == nil {
                    edited[id] = (e.kind, [:], [:], [])
                    editedOrder.append(id)
                }
                for f in e.fields {
                    if edited[id]!.old[f.name] == nil {
                        edited[id]!.old[f.name] = f.old
                        edited[id]!.names.append(f.name)
                    }
                    edited[id]!.new[f.name] = f.new
                }
            default: break
            }
        }
        var plan = Plan(
            inverse: [], summary: Words.say("the import of {file} ({run})", context: "store", ["file": run.file, "run": run.id]))
        let kept = keptSince(created: createdOrder.map { ($0, created[$0]!) }, leftAs: leftAs, world: world)
        plan.kept += kept.notes
        plan.keptRecords = kept.ids.count
        // What refers goes before what it refers to: memberships before schools and clusters.
        let rank: [RecordKind: Int] = [.membership: 0, .school: 1, .agency: 1, .cluster: 2]
        let deletions = createdOrder.filter { world.record(created[$0]!, id: $0) != nil && !kept.ids.contains($0) }
            .sorted { (rank[created[$0]!] ?? 0, $0) < (rank[created[$1]!] ?? 0, $1) }
        for id in deletions { plan.inverse.append(.delete(created[id]!, id: id)) }
        plan.deleted = deletions.count
        let gone = createdOrder.count - deletions.count - kept.ids.count
        if gone > 0 {
            plan.kept.append(
                Words.count(
                    "{count} record it added had been deleted since", "{count} records it added had been deleted since", gone,
                    context: "store"))
        }
        for id in editedOrder {
            let e = edited[id]!
            guard let now = world.record(e.kind, id: id) else {
                plan.kept.append(Words.say("a {kind} it changed has been deleted since", context: "store", ["kind": e.kind.rawValue]))
                continue
            }
            let values = now.fieldValues
            var fields: [FieldEdit] = []
            for name in e.names {
                let current = values[name] ?? .null
                if current == e.new[name] ?? .null {
                    fields.append(FieldEdit(name, old: current, new: e.old[name] ?? .null))
                } else {
                    plan.kept.append(
                        Words.say(
                            "{field} of {record}: changed since, to “{value}”", context: "store",
                            ["field": name, "record": world.describe(now), "value": current.display]))
                }
            }
            if !fields.isEmpty {
                plan.inverse.append(.edit(Edit(kind: e.kind, id: id, fields: fields)))
                plan.restored += 1
            }
        }
        return plan
    }

    /// The records the import added that differ now from what it left (edited since by someone,
    /// or by something else, another import), and the records it added that those belong to (a
    /// kept membership's cluster and school), each named with why it stays.
    static func keptSince(created: [(String, RecordKind)], leftAs: [String: Record], world: World) -> (ids: Set<String>, notes: [String]) {
        let added = Dictionary(created, uniquingKeysWith: { a, _ in a })
        var why: [String: String] = [:]
        var queue: [String] = []
        for (id, kind) in created {
            guard let now = world.record(kind, id: id), let left = leftAs[id], now != left else { continue }
            let (before, after) = (left.fieldValues, now.fieldValues)
            let changed = after.filter { before[$0.key] != $0.value }.map(\.key) + before.keys.filter { after[$0] == nil }
            let names = Set(changed).sorted()
            let latest = names.compactMap { world.lastWriter(of: id, field: $0) }.max { $0.at < $1.at }
            let values = ["record": world.describe(now), "id": id, "fields": names.joined(separator: ", ")]
            if let latest {
                why[id] = Words.say(
                    "{record} ({id}): {fields} edited since by {who} at {time} UTC", context: "store",
                    values.merging(["who": latest.by.isEmpty ? Words.say("someone") : latest.by, "time": EventTime.minute(latest.at)]) {
                        a, _ in a
                    })
            } else {
                why[id] = Words.say("{record} ({id}): {fields} edited since", context: "store", values)
            }
            queue.append(id)
        }
        while let id = queue.popLast() {
            guard let record = world.record(added[id]!, id: id) else { continue }
            for reference in record.references where reference.required && why[reference.id] == nil {
                guard added[reference.id] != nil, let parent = world.record(reference.target, id: reference.id) else { continue }
                why[reference.id] = Words.say(
                    "{parent} ({id}): {record} is kept and belongs to it", context: "store",
                    ["parent": world.describe(parent), "id": reference.id, "record": world.describe(record)])
                queue.append(reference.id)
            }
        }
        return (Set(why.keys), created.compactMap { why[$0.0] })
    }
}
