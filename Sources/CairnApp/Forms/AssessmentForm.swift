import CairnCore
import TermUI

/// The health check form: a rating and a note for each condition and challenge. A new one
/// starts from the latest assessment, so the group changes what changed.
extension FrameworkForms {
    static let ratingOptions = ["", "1", "2", "3", "4"]
    static let ratingLabels = ["(not rated)", "1 fragile", "2 weak", "3 sound", "4 solid"]

    static func assessment(_ a: Assessment?, cluster: String, world: World, today: Day) -> FormState {
        let start = a ?? world.assessments(of: cluster).first
        var fields = [FormField("date", "Date", text: (a?.date ?? today).description, hint: RecordForms.dateHint, offered: a == nil)]
        for item in HealthItem.allCases {
            var rating = FormField.choice(
                item.rawValue, (item.isChallenge ? "Against " : "") + item.label, options: ratingOptions,
                selected: start?.rating(item).map(String.init) ?? "", labels: ratingLabels)
            rating.hint = "1-4 or ←/→"
            fields.append(rating)
            fields.append(FormField("note-" + item.rawValue, "  note", text: start?.note(item) ?? ""))
        }
        return FormState(
            purpose: .assessment(id: a?.id, cluster: cluster), title: a == nil ? "New health check" : "Edit health check", fields: fields)
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
