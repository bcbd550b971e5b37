import CairnCore
import CairnWords
import Foundation

/// How a commit's changes are written against the world as it stands under the lock.
extension Store {
    /// For a put that brings back a deleted record (a conflict's edit chosen, an undone
    /// delete): the delete it answers. It is written as a base, so that the fold lets it replace
    /// the same record brought back on another machine before they synced, rather than read a
    /// second create of one id.
    func broughtBack(_ change: Change) -> String? {
        guard case .put(let r) = change, world.record(r.kind, id: r.id) == nil, let grave = world.tombstone(of: r.id) else { return nil }
        return grave.deletedBy.event.isEmpty ? "deleted" : grave.deletedBy.event
    }

    /// The changes as they will be written against the world as it is now (just refreshed).
    ///
    /// - Complexity: O(changes): the records the commit touches are followed in an overlay,
    ///   never by copying the world (25,000 schools would be copied on every commit).
    ///
    /// A delete is returned with the record's fields as they are now, which the delete was
    /// made seeing (see `Event.seen`).
    func settle(_ changes: [Change], exact: Bool) throws(StoreError) -> ([Change], [[String: JSONValue]?]) {
        var touched: [String: Record?] = [:]
        func now(_ kind: RecordKind, _ id: String) -> Record? {
            if let overlay = touched[id] { return overlay }
            return world.record(kind, id: id)
        }
        var out: [Change] = []
        var seen: [[String: JSONValue]?] = []
        for change in changes {
            var saw: [String: JSONValue]?
            var change = change
            switch change {
            case .put(let record):
                if let current = now(record.kind, record.id) {
                    let edit = Edit.between(current, record)
                    if edit.fields.isEmpty { continue }
                    change = .edit(edit)
                }
                touched[record.id] = .some(record)
            case .edit(let edit):
                guard let current = now(edit.kind, edit.id) else {
                    // Ending a conflict over a record deleted meanwhile by keeping it deleted
                    // sets nothing on it: the record is gone, as chosen.
                    if edit.fields.allSatisfy(\.resolves), touched[edit.id] == nil, world.tombstone(of: edit.id) != nil {
                        out.append(change)
                        seen.append(nil)
                        continue
                    }
                    throw StoreError(
                        Words.say("{reason}; nothing was written", context: "store", ["reason": world.goneMessage(edit.kind, edit.id)]))
                }
                if exact {
                    let values = current.fieldValues
                    for f in edit.fields where (values[f.name] ?? .null) != f.old {
                        throw StoreError(
                            Words.say(
                                "{field} of {record} was changed since, to “{value}”", context: "store",
                                ["field": f.name, "record": world.describe(current), "value": (values[f.name] ?? .null).display]))

                    }
                }
                touched[edit.id] = .some(try? current.applying(edit.fields))
            case .delete(let kind, let id):
                guard let current = now(kind, id) else { continue }  // gone already: nothing to write
                saw = current.fieldValues
                touched[id] = .some(nil)
            }
            out.append(change)
            seen.append(saw)
        }
        return (out, seen)
    }
}
