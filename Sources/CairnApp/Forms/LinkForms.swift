import CairnCore
import CairnWords
import TermUI

/// The form for a link between two schools, read from the side of the school whose screen it
/// was opened on: what this school is to the other (feeds, is fed by, succeeds, is succeeded
/// by), then only the fields that kind of link has.
enum LinkForms {
    /// What a new link says, from this school's side: the word a draft keeps, and what it shows.
    enum Side: String, CaseIterable {
        case feeds
        case fedBy = "fed-by"
        case succeeds
        case succeededBy = "succeeded-by"

        var label: String {
            switch self {
            case .feeds: return Words.say("feeds", context: "this school")
            case .fedBy: return Words.say("is fed by", context: "this school")
            case .succeeds: return Words.say("succeeds", context: "this school")
            case .succeededBy: return Words.say("is succeeded by", context: "this school")
            }
        }

        var relation: LinkRelation { self == .feeds || self == .fedBy ? .feeds : .lineage }

        /// The side `school` stands on in `link`.
        init(_ link: Link, school: String) {
            switch link.relation {
            case .feeds: self = link.from == school ? .feeds : .fedBy
            // A lineage runs from the predecessor to its successor.
            case .lineage: self = link.to == school ? .succeeds : .succeededBy
            }
        }
    }

    /// A new link from `school` to `other`: a feed until the person says otherwise.
    static func new(school: String, other: String, world: World) -> FormState {
        var relation = FormField.choice(
            "relation", Words.say("This school", context: "field"), options: Side.allCases.map(\.rawValue), selected: Side.feeds.rawValue,
            labels: Side.allCases.map(\.label))
        relation.hint = Words.say("←/→ or a letter")
        var form = FormState(
            purpose: .link(id: nil, school: school, other: other), title: Words.say("Link with {school}", ["school": name(other, world)]),
            fields: [relation])
        form.fields += fields(for: .feeds, of: nil)
        return form
    }

    /// The link as stored, from `school`'s side: what it says is fixed (a new link says
    /// otherwise), its phases or its day and how, and its notes can change.
    static func edit(_ l: Link, school: String, world: World) -> FormState {
        let side = Side(l, school: school)
        let other = l.from == school ? l.to : l.from
        return FormState(
            purpose: .link(id: l.id, school: school, other: other),
            title: Words.say(
                "Edit link: {school} {side} {other}", ["school": name(school, world), "side": side.label, "other": name(other, world)]),
            fields: fields(for: side.relation, of: l))
    }

    static func name(_ school: String, _ world: World) -> String { world.schools[school]?.name ?? Words.say("(removed school)") }

    /// The fields a kind of link has, filled from `l`: a feed's phases, a succession's day and
    /// how, and the notes of either.
    static func fields(for relation: LinkRelation, of l: Link?) -> [FormField] {
        var notes = FormField.longText("notes", Words.say("Notes", context: "field"), text: l?.notes ?? "")
        notes.hint = Words.say("optional")
        switch relation {
        case .feeds:
            var phases = FormField.multi(
                "phases", Words.say("Phases", context: "field"), options: Phase.allCases.map(\.rawValue),
                chosen: Set((l?.phases ?? []).map(\.rawValue)),
                labels: Phase.allCases.map(\.label))
            phases.hint = Words.say("as pupils go; Space ticks")
            return [phases, notes]
        case .lineage:
            let on = FormField(
                "on", Words.say("Day", context: "field"), text: l?.on?.description ?? "",
                hint: Words.say("took over: {hint}", ["hint": RecordForms.dateHint]))
            var how = FormField.choice(
                "how", Words.say("How", context: "field"), options: [""] + Lineage.allCases.map(\.rawValue),
                selected: l?.how?.rawValue ?? "",
                labels: [Words.say("(none)")] + Lineage.allCases.map(\.label))
            how.hint = Words.say("←/→ or a letter")
            return [on, how, notes]
        }
    }

    /// The new link's operation: its two ends from what the form says this school is to the
    /// other, and the fields that kind of link has.
    static func operation(
        _ form: FormState, id: String?, school: String, other: String, world: World, env: inout AppEnvironment,
        issues: inout [FieldIssue]
    ) -> DomainOperation {
        if let id {
            let stored = world.links[id] ?? Link(id: id, from: school, to: other, relation: .feeds)
            let record = FormSubmission.described(.link(stored), from: form, today: env.today, issues: &issues)
            return .edit(record, basis: form.basisRecord)
        }
        let side = Side(rawValue: form.value("relation")) ?? .feeds
        let (from, to) = side == .feeds || side == .succeededBy ? (school, other) : (other, school)
        let l = Link(id: env.ids.make(.link), from: from, to: to, relation: side.relation)
        return .add(FormSubmission.described(.link(l), from: form, today: env.today, issues: &issues))
    }

    /// A refusal that names the link as a whole (a repeat, a loop, a school gone) is said beside
    /// the field that says what the link is, or the first field of an edit.
    static func placed(_ issues: [FieldIssue], on form: FormState) -> [FieldIssue] {
        let first = form.fields.first?.key ?? "notes"
        return issues.map { form.field($0.field) == nil ? FieldIssue(first, $0.message) : $0 }
    }
}

extension FormState {
    /// A new link changed from a feed to a succession, or back: the fields follow, keeping the
    /// notes typed.
    mutating func fitLinkFields() {
        guard case .link(nil, _, _) = purpose, let side = LinkForms.Side(rawValue: value("relation")) else { return }
        let shown = fields.contains { $0.key == (side.relation == .feeds ? "phases" : "how") }
        guard !shown else { return }
        var fresh = LinkForms.fields(for: side.relation, of: nil)
        if let notes = field("notes"), let at = fresh.firstIndex(where: { $0.key == "notes" }) { fresh[at] = notes }
        fields = [fields[0]] + fresh
        errors = [:]
    }
}
