import CairnCore
import TermUI

/// The monitoring agreement's form, and the proposal of meeting checkpoints that follows it.
extension FrameworkForms {
    static func agreement(_ a: Agreement?, cluster: String, today: Day) -> FormState {
        FormState(
            purpose: .agreement(id: a?.id, cluster: cluster), title: "Monitoring agreement",
            fields: [
                FormField(
                    "meetingsPerYear", "Meetings a year", text: a.map { "\($0.meetingsPerYear)" } ?? "4", hint: "all stakeholders together"),
                .longText("reporting", "How members report", text: a?.reporting ?? ""),
                .longText("evaluation", "How it is evaluated", text: a?.evaluation ?? ""),
                FormField("periodStart", "Period from", text: (a?.periodStart ?? today).description, hint: RecordForms.dateHint),
                FormField(
                    "periodEnd", "Period to", text: (a?.periodEnd ?? today.adding(months: 12)).description, hint: RecordForms.dateHint),
            ])
    }

    /// One field per proposed meeting, its date to keep, change, or clear (to drop it).
    static func meetings(for a: Agreement) -> FormState {
        let days = a.proposedMeetings()
        var fields = [FormField("title", "Title", text: "All-stakeholder meeting")]
        for (i, day) in days.enumerated() {
            fields.append(FormField("meeting-\(i + 1)", "Meeting \(i + 1) of \(days.count)", text: day.description, hint: "clear to drop"))
        }
        return FormState(purpose: .meetings(cluster: a.cluster), title: "Proposed meetings: Enter creates them", fields: fields)
    }

    static func agreementRecord(from form: FormState, id: String?, cluster: String, env: inout AppEnvironment, issues: inout [FieldIssue])
        -> Record
    {
        let today = env.today
        var a =
            id.flatMap { env.world.agreements[$0] }
            ?? Agreement(id: id ?? env.ids.make(.agreement), cluster: cluster, meetingsPerYear: 0, periodStart: today, periodEnd: today)
        let rhythm = form.value("meetingsPerYear").trimmingCharacters(in: .whitespaces)
        if let n = Int(rhythm) {
            a.meetingsPerYear = n
        } else {
            issues.append(FieldIssue("meetingsPerYear", "“\(rhythm)” is not a whole number"))
        }
        a.reporting = form.value("reporting")
        a.evaluation = form.value("evaluation")
        for key in ["periodStart", "periodEnd"] {
            do {
                let day = try DayInput.parse(form.value(key), today: today)
                if key == "periodStart" { a.periodStart = day } else { a.periodEnd = day }
            } catch {
                issues.append(FieldIssue(key, error.message))
            }
        }
        return .agreement(a)
    }

    /// The meeting checkpoints the proposal describes, as one operation; `issues` gets bad dates.
    static func meetingsOperation(
        from form: FormState, cluster: String, today: Day, ids: inout RecordIDSource, issues: inout [FieldIssue]
    ) -> DomainOperation {
        let title = Text.clean(form.value("title"))
        if title.isEmpty { issues.append(FieldIssue("title", "a title is required")) }
        let dated = form.fields.filter { $0.key.hasPrefix("meeting-") && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        var adds: [DomainOperation] = []
        for (i, field) in dated.enumerated() {
            do {
                let due = try DayInput.parse(field.value, today: today)
                adds.append(
                    .add(
                        .checkpoint(
                            Checkpoint(
                                id: ids.make(.checkpoint), cluster: cluster, title: "\(title) (\(i + 1) of \(dated.count))", due: due))))
            } catch {
                issues.append(FieldIssue(field.key, error.message))
            }
        }
        return .all(adds, summary: adds.isEmpty ? "No meetings created" : "Added \(adds.count) meeting checkpoints")
    }
}
