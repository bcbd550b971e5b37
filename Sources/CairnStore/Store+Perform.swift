import CairnCore
import CairnWords
import Foundation

/// Why `Store.perform` wrote nothing.
public enum PerformError: Error, Sendable, CustomStringConvertible {
    /// The rule book refused the operation on the world as the store holds it now.
    case refused(Refusal)
    /// The store could not write it (a read-only store, a full disk, a journal it cannot open).
    case notWritten(StoreError)

    /// The first reason, in a line: what a status line or a command says.
    public var message: String {
        switch self {
        case .refused(let refusal): return refusal.message
        case .notWritten(let error): return error.message
        }
    }

    public var description: String {
        switch self {
        case .refused(let refusal): return refusal.description
        case .notWritten(let error): return error.description
        }
    }
}

/// What `Store.perform` wrote: the outcome the rule book gave on the world as it was on disk,
/// the events, and the conflicts the commit opened (a field someone else had set since the
/// person last saw it: their value stood until now, and is listed).
public struct Performed: Sendable {
    public var outcome: Outcome
    public var events: [Event]
    public var conflicts: [Conflict]
}

extension Store {
    /// Carries out `operation`: the one door through which anything is written.
    ///
    /// Under the journal's lock it reads what every other session wrote, asks the rule book on
    /// that world (not on the one a screen or a command last read), and appends what it
    /// returns as one commit, flushed to disk. So a tick someone else made meanwhile, a record
    /// deleted meanwhile, a conflict resolved meanwhile or an id taken meanwhile is judged as it
    /// stands, and nothing is written on a refusal. An edit keeps what the form saw as its
    /// basis, so that an unseen change of the same field is still a conflict.
    ///
    /// - Parameters:
    ///   - author: who asks, and their day (default: this store's account, today).
    ///   - source: where the change came from when not typed (an import); an undo is marked
    ///     `undo` unless given one.
    @discardableResult
    public func perform(_ operation: DomainOperation, by author: Author? = nil, at date: Date = Date(), source: String? = nil)
        throws(PerformError) -> Performed
    {
        let author = author ?? Author(user: identity.user, today: Day.today())
        do throws(StoreError) {
            try checkWritable()
        } catch {
            throw .notWritten(error)
        }
        let result: Result<Performed, Refusal>
        do throws(StoreError) {
            result = try lockedForWriting { () throws(StoreError) -> Result<Performed, Refusal> in
                try refreshHoldingLock()
                if case .resolve(let conflict, _) = operation, world.conflicts[conflict.key] == nil {
                    return .failure(Refusal("conflict", try endedConflict(conflict)))
                }
                let outcome: Outcome
                do throws(Refusal) {
                    outcome = try world.perform(operation, by: author)
                } catch {
                    return .failure(error)
                }
                let receipt = try write(
                    outcome.changes, at: date, source: source ?? (outcome.putsBack ? "undo" : nil), exact: outcome.putsBack)
                return .success(Performed(outcome: outcome, events: receipt.events, conflicts: receipt.conflicts))
            }
        } catch {
            throw .notWritten(error)
        }
        switch result {
        case .success(let performed): return performed
        case .failure(let refusal): throw .refused(refusal)
        }
    }

    /// Who ended a conflict that is no longer open, and how, from the journal: "already
    /// resolved by ana at 2026-12-01 14:02: kept “219 999 999”".
    func endedConflict(_ conflict: Conflict) throws(StoreError) -> String {
        for event in try history(of: conflict.record).reversed() {
            let when = EventTime.minute(event.at)
            switch event.change {
            case .edit(let edit):
                guard let f = edit.fields.first(where: { $0.name == conflict.field && $0.resolves }) else { continue }
                if conflict.recordDeleted && f.new == .null {
                    return Words.say(
                        "already resolved by {who} at {time}: kept it deleted", context: "store", ["who": event.by, "time": when])
                }
                return Words.say(
                    "already resolved by {who} at {time}: kept “{value}”", context: "store",
                    ["who": event.by, "time": when, "value": f.new.display])
            case .put where conflict.recordDeleted:
                return Words.say("already resolved by {who} at {time}: brought it back", context: "store", ["who": event.by, "time": when])
            case .delete where !conflict.recordDeleted:
                return Words.say("no longer open: {who} deleted it at {time}", context: "store", ["who": event.by, "time": when])
            case .put, .delete:
                continue
            }
        }
        return Words.say("that conflict has already been resolved", context: "store")

    }
}
