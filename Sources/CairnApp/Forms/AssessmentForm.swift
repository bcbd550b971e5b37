import CairnCore
import CairnWords
import TermUI

/// The health check form: a rating and a note for each condition and challenge. A new one
/// starts from the latest assessment, so the group changes what changed.
extension FrameworkForms {
    static let ratingOptions = ["", "1", "2", "3", "4"]
    /// What each rating shows, in the session's language.
    static var ratingLabels: [String] {
        [Words.say("(not rated)"), Words.say("1 fragile"), Words.say("2 weak"), Words.say("3 sound"), Words.say("4 solid")]
    }

    static func assessment(_ a: Assessment?, cluster: String, world: World, today: Day) -> FormState {
        let start = a ?? world.assessments(of: cluster).first
        var fields = [
            FormField(
                "date", Words.say("Date", context: "field"), text: (a?.date ?? today).description, hint: RecordForms.dateHint,
                offered: a == nil)
        ]
        for item in HealthItem.allCases {
            var rating = FormField.choice(
                item.rawValue, item.isChallenge ? Words.say("Against {challenge}", ["challenge": item.label]) : item.label,
                options: ratingOptions,
                selected: start?.rating(item).map(String.init) ?? "", labels: ratingLabels)
            rating.hint = Words.say("1-4 or ←/→")
            fields.append(rating)
            fields.append(
                FormField(
                    "note-" + item.rawValue, "  " + Words.say("note", context: "field, under a rating"), text: start?.note(item) ?? ""))
        }
        return FormState(
            purpose: .assessment(id: a?.id, cluster: cluster),
            title: a == nil ? Words.say("New health check") : Words.say("Edit health check"),
            fields: fields)
    }

    static func assessmentRecord(from form: FormState, id: String?, cluster: String, env: inout AppEnvironment, issues: inout [FieldIssue])
        -> Record
    {
        let today = env.today
        var a =
            id.flatMap { env.world.assessments[$0] }
            ?? Assessment(id: id ?? env.ids.make(.assessment), cluster: cluster, date: today, by: env.user)
        do {
            a.date = try DayInput.parse(form.value("date"), today: today)
        } catch {
            issues.append(FieldIssue("date", error.message))
        }
        a.ratings = [:]
        a.notes = [:]
        for item in HealthItem.allCases {
            if let r = Int(form.value(item.rawValue)) { a.ratings[item.rawValue] = r }
            let note = form.value("note-" + item.rawValue)
            if !note.isEmpty { a.notes[item.rawValue] = note }
        }
        return .assessment(a)
    }
}
