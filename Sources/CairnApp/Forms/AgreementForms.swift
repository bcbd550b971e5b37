import CairnCore
import CairnWords
import TermUI

/// The monitoring agreement's form, and the proposal of meeting checkpoints that follows it.
extension FrameworkForms {
    static func agreement(_ a: Agreement?, cluster: String, today: Day) -> FormState {
        FormState(
            purpose: .agreement(id: a?.id, cluster: cluster), title: Words.say("Monitoring agreement"),
            fields: [
                FormField(
                    "meetingsPerYear", Words.say("Meetings a year", context: "field"), text: a.map { "\($0.meetingsPerYear)" } ?? "4",
                    hint: Words.say("all stakeholders together"), offered: a == nil),
                .longText("reporting", Words.say("How members report", context: "field"), text: a?.reporting ?? ""),
                .longText("evaluation", Words.say("How it is evaluated", context: "field"), text: a?.evaluation ?? ""),
                FormField(
                    "periodStart", Words.say("Period from", context: "field"), text: (a?.periodStart ?? today).description,
                    hint: RecordForms.dateHint, offered: a == nil),
                FormField(
                    "periodEnd", Words.say("Period to", context: "field"), text: (a?.periodEnd ?? today.adding(months: 12)).description,
                    hint: RecordForms.dateHint, offered: a == nil),
            ])
    }

    /// The title offered for the meetings an agreement proposes, in the room's language: the
    /// group keeps it or types its own.
    static var defaultMeetingTitle: String { Words.say("All-stakeholder meeting") }

    /// "All-stakeholder meeting" of "All-stakeholder meeting (2 of 4)": the title the group
    /// chose for its meetings, without their numbering.
    static func baseTitle(_ title: String) -> String? {
        guard title.hasSuffix(")"), let open = title.range(of: " (", options: .backwards) else { return nil }
        let parts = title[open.upperBound...].dropLast().split(separator: " ")
        guard parts.count == 3, Int(parts[0]) != nil, parts[1] == "of", Int(parts[2]) != nil else { return nil }
        return String(title[..<open.lowerBound])
    }

    /// The open meetings from today on that the agreement's rhythm made: linked to it, or (made
    /// before meetings were linked) numbered as its proposals are. Ticked and past ones stay.
    static func replaceable(_ a: Agreement, world: World, today: Day) -> [Checkpoint] {
        world.checkpoints.values.filter { c in
            c.cluster == a.cluster && !c.isDone && c.due >= today
                && (c.agreement == a.id || (c.agreement == nil && baseTitle(c.title) != nil))
        }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
    }

    /// One field per proposed meeting from today on (never a day gone by), its date to keep,
    /// change, or clear (to drop it); the title the group chose for its meetings; and, when
    /// the agreement already made open meetings, whether these replace them (yes unless said).
    /// Nil when there is nothing to propose or replace.
    static func meetings(for a: Agreement, world: World, today: Day) -> FormState? {
        let days = a.proposedMeetings().filter { $0 >= today }
        let open = replaceable(a, world: world, today: today)
        guard !days.isEmpty || !open.isEmpty else { return nil }
        let made = world.checkpoints.values.filter { $0.agreement == a.id || ($0.cluster == a.cluster && baseTitle($0.title) != nil) }
        let chosen = (open + made.sorted { $0.due > $1.due }).lazy.compactMap { baseTitle($0.title) }.first
        // Proposals, each to accept or replace: a letter typed replaces the whole title or date.
        var fields = [FormField("title", Words.say("Title", context: "field"), text: chosen ?? defaultMeetingTitle, offered: true)]
        if !open.isEmpty {
            var replace = FormField.flag("replace", Words.count("Replace {count} open", "Replace {count} open", open.count), on: true)
            replace.hint = Words.say("the meetings it made from {day} on (ticked ones stay)", ["day": open[0].due.description])
            fields.append(replace)
        }
        for (i, day) in days.enumerated() {
            fields.append(
                FormField(
                    "meeting-\(i + 1)", Words.say("Meeting {n} of {count}", ["n": String(i + 1), "count": String(days.count)]),
                    text: day.description, hint: Words.say("clear to drop"), offered: true))
        }
        return FormState(purpose: .meetings(cluster: a.cluster), title: Words.say("Proposed meetings: Enter creates them"), fields: fields)
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
            issues.append(FieldIssue("meetingsPerYear", Words.say("“{text}” is not a whole number", ["text": rhythm])))
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
        from form: FormState, cluster: String, world: World, today: Day, ids: inout RecordIDSource, issues: inout [FieldIssue]
    ) -> DomainOperation {
        let agreement = world.agreement(of: cluster)
        let title = Text.clean(form.value("title"))
        if title.isEmpty { issues.append(FieldIssue("title", Words.say("a title is required"))) }
        let dated = form.fields.filter { $0.key.hasPrefix("meeting-") && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        var adds: [DomainOperation] = []
        for (i, field) in dated.enumerated() {
            do {
                let due = try DayInput.parse(field.value, today: today)
                adds.append(
                    .add(
                        .checkpoint(
                            Checkpoint(
                                id: ids.make(.checkpoint), cluster: cluster, title: "\(title) (\(i + 1) of \(dated.count))", due: due,
                                agreement: agreement?.id))))
            } catch {
                issues.append(FieldIssue(field.key, error.message))
            }
        }
        var replaced: [DomainOperation] = []
        if form.field("replace")?.flag == true, let agreement {
            replaced = replaceable(agreement, world: world, today: today).map { .delete(.checkpoint, id: $0.id) }
        }
        let summary =
            replaced.isEmpty
            ? (adds.isEmpty
                ? Words.say("No meetings created")
                : Words.count("Added {count} meeting checkpoint", "Added {count} meeting checkpoints", adds.count))
            : Words.count(
                "Replaced {count} open meeting with {added}", "Replaced {count} open meetings with {added}", replaced.count,
                ["added": String(adds.count)])
        return .all(replaced + adds, summary: summary)
    }
}
