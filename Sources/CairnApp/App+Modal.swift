import CairnCore
import TermUI

extension AppState {
    mutating func handleModal(_ key: Key) -> [Effect] {
        switch modal {
        case .help?:
            modal = nil
            return []
        case .confirm(_, let onYes)?:
            switch key {
            case .char("y"), .char("Y"):
                modal = nil
                return perform(onYes)
            case .char("n"), .char("N"), .escape:
                modal = nil
                if case .restoreDraft = onYes {
                    status = Status("Draft discarded")
                    return [.discardLeftDraft]
                }
                status = Status("Nothing changed")
                return []
            default:
                return []
            }
        case .prompt(let label, var field, let purpose)?:
            switch key {
            case .escape:
                modal = nil
                status = Status("Nothing changed")
                return []
            case .enter:
                modal = nil
                return finishPrompt(purpose, text: field.text)
            default:
                _ = field.handle(key)
                modal = .prompt(label: label, field: field, purpose: purpose)
                return []
            }
        case nil:
            return []
        }
    }

    mutating func perform(_ op: PendingOp) -> [Effect] {
        switch op {
        case .commit(let c):
            return commit(c.changes, summary: c.summary)
        case .discardForm:
            stack.removeLast()
            status = Status("Form closed; nothing saved")
            return []
        case .restoreDraft(let form):
            stack.append(.form(form))
            return [.discardLeftDraft, .saveDraft(form)]
        }
    }

    mutating func finishPrompt(_ purpose: PromptPurpose, text: String) -> [Effect] {
        switch purpose {
        case .tick(let id):
            guard let c = world.checkpoints[id] else { return [] }
            let ticked = c.ticked(by: user, on: today, evidence: text)
            return commit([.put(.checkpoint(ticked))], summary: "Ticked “\(c.title)” as done")
        }
    }

    /// Space on a checkpoint: tick an open one (asking for evidence), reopen a done one (asking first).
    mutating func toggleDone(_ id: String?) -> [Effect] {
        guard let id, let c = world.checkpoints[id] else { return [] }
        if c.isDone {
            var reopened = c.reopened()
            reopened.id = c.id
            modal = .confirm(
                question: "Reopen “\(c.title)”, ticked by \(c.doneBy ?? "?") on \(c.doneOn!)? (y/n)",
                onYes: .commit(Commit(changes: [.put(.checkpoint(reopened))], summary: "Reopened “\(c.title)”", inverse: nil, form: nil)))
        } else {
            modal = .prompt(
                label: "Evidence for “\(c.title)” (optional), Enter ticks it:", field: TextField(), purpose: .tick(checkpoint: id))
        }
        return []
    }

    /// `d`: asks first, naming the item and what goes with it.
    mutating func confirmDelete(_ kind: RecordKind, id: String) {
        guard let record = world.record(kind, id: id) else { return }
        let changes = world.cascadeDelete(kind, id: id)
        let name = FormSubmission.describe(record, in: world)
        let extra = changes.count - 1
        var question = "Delete \(name)"
        if kind == .membership, case .membership(let m) = record {
            question =
                "Remove “\(world.memberName(m))” from \(world.clusters[m.cluster]?.name ?? "the cluster")? The \(m.memberType.rawValue) itself stays."
        } else if extra > 0 {
            question += " and \(extra) linked record\(extra == 1 ? "" : "s") (memberships, checkpoints)?"
        } else {
            question += "?"
        }
        let summary = kind == .membership ? "Removed \(name)" : "Deleted \(name)"
        modal = .confirm(question: question + " (y/n)", onYes: .commit(Commit(changes: changes, summary: summary, inverse: nil, form: nil)))
    }
}
