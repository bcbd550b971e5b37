import CairnCore
import CairnWords
import TermUI

/// Ticking a checkpoint off: the evidence and the day it was done, which need not be today (a
/// meeting held on the 20th and ticked on the 23rd was done on the 20th).
extension RecordForms {
    /// How the day a checkpoint was done may be typed.
    static var doneOnHint: String { Words.say("today, yesterday, -3d or YYYY-MM-DD; not later than today") }

    static func tick(_ c: Checkpoint) -> FormState {
        FormState(
            purpose: .tick(checkpoint: c.id), title: Words.say("Tick off “{title}”", ["title": c.title]),
            fields: [
                FormField("evidence", Words.say("Evidence", context: "field"), text: "", hint: Words.say("minutes, a link, who was there")),
                FormField("doneOn", Words.say("Done on", context: "field"), text: DayInput.today, hint: doneOnHint, offered: true),
            ])
    }

    /// The marked checkpoints ticked off together, with one evidence and one day.
    static func tickAll(_ cs: [Checkpoint]) -> FormState {
        var form = tick(cs[0])
        form.purpose = .tickAll(checkpoints: cs.map(\.id))
        form.title = Words.count("Tick off {count} marked checkpoint", "Tick off {count} marked checkpoints", cs.count)
        return form
    }

    /// The fields an edit of a ticked checkpoint adds, to correct its day and its evidence.
    static func tickCorrection(_ c: Checkpoint) -> [FormField] {
        guard let on = c.doneOn else { return [] }
        return [
            FormField("doneOn", Words.say("Done on", context: "field"), text: on.description, hint: doneOnHint),
            FormField("evidence", Words.say("Evidence", context: "field"), text: c.evidence ?? ""),
        ]
    }
}

extension RecordDoors {
    /// Space on a checkpoint: the tick form for an open one, a question before reopening a done one.
    static func tickOrReopen(_ id: String?, _ env: AppEnvironment, asker: ScreenID) -> Effect? {
        guard let id, let c = env.world.checkpoints[id] else { return nil }
        if let by = c.doneBy, let on = c.doneOn {
            let question = Words.say(
                "Reopen “{title}”, ticked by {by} on {day}? (y/n)", ["title": c.title, "by": by, "day": on.description])
            return .push(ScreenBox(ConfirmScreen(question: question, deed: .perform(.reopen(checkpoint: id)), asker: asker)))
        }
        return open(RecordForms.tick(c))
    }

    /// Space with rows marked: one form ticks every open one of them (a done one is left as it
    /// is: reopening stays one at a time, after its own question).
    static func tickMarked(_ ids: [String], _ env: AppEnvironment) -> Effect {
        let open = ids.compactMap { env.world.checkpoints[$0] }.filter { !$0.isDone }
        switch open.count {
        case 0: return .say(Status(Words.say("None of the marked checkpoints is open: + unmarks one, * all"), isError: true))
        case 1: return Self.open(RecordForms.tick(open[0]))
        default: return Self.open(RecordForms.tickAll(open))
        }
    }
}
