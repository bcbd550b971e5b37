import CairnCore
import TermUI

/// Ticking a checkpoint off: the evidence and the day it was done, which need not be today (a
/// meeting held on the 20th and ticked on the 23rd was done on the 20th).
extension RecordForms {
    static let doneOnHint = "today, yesterday, -3d or YYYY-MM-DD; not later than today"

    static func tick(_ c: Checkpoint) -> FormState {
        FormState(
            purpose: .tick(checkpoint: c.id), title: "Tick off “\(c.title)”",
            fields: [
                FormField("evidence", "Evidence", text: "", hint: "minutes, a link, who was there"),
                FormField("doneOn", "Done on", text: "today", hint: doneOnHint, offered: true),
            ])
    }

    /// The fields an edit of a ticked checkpoint adds, to correct its day and its evidence.
    static func tickCorrection(_ c: Checkpoint) -> [FormField] {
        guard let on = c.doneOn else { return [] }
        return [
            FormField("doneOn", "Done on", text: on.description, hint: doneOnHint),
            FormField("evidence", "Evidence", text: c.evidence ?? ""),
        ]
    }
}

extension RecordDoors {
    /// Space on a checkpoint: the tick form for an open one, a question before reopening a done one.
    static func tickOrReopen(_ id: String?, _ env: AppEnvironment, asker: ScreenID) -> Effect? {
        guard let id, let c = env.world.checkpoints[id] else { return nil }
        if let by = c.doneBy, let on = c.doneOn {
            let question = "Reopen “\(c.title)”, ticked by \(by) on \(on)? (y/n)"
            return .push(ScreenBox(ConfirmScreen(question: question, deed: .perform(.reopen(checkpoint: id)), asker: asker)))
        }
        return open(RecordForms.tick(c))
    }
}
