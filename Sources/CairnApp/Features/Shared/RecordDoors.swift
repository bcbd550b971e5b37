import CairnCore
import CairnWords
import TermUI

/// What the list screens (Home, a cluster, a school or agency) open for a record: its form,
/// the question before deleting it, the prompt before ticking it. Gathering input only: the
/// rule book decides once the person confirms.
enum RecordDoors {
    /// The form that edits a record.
    static func editor(_ kind: RecordKind, id: String, _ env: AppEnvironment) -> Effect? {
        let w = env.world
        let form: FormState?
        switch kind {
        case .cluster: form = w.clusters[id].map { RecordForms.cluster($0) }
        case .school: form = w.schools[id].map { RecordForms.school($0) }
        case .agency: form = w.agencies[id].map { RecordForms.agency($0) }
        case .checkpoint: form = w.checkpoints[id].map { RecordForms.checkpoint($0, cluster: $0.cluster, world: w) }
        case .membership:
            form = w.memberships[id].map {
                RecordForms.member($0, cluster: $0.cluster, type: $0.memberType, memberId: $0.memberId, world: w)
            }
        case .goal: form = w.goals[id].map { FrameworkForms.goal($0, cluster: $0.cluster, world: w) }
        case .action: form = w.actions[id].map { FrameworkForms.action($0, cluster: $0.cluster, goal: $0.goal, world: w) }
        case .link: form = w.links[id].map { LinkForms.edit($0, school: $0.from, world: w) }
        case .measurement: form = nil
        case .assessment: form = w.assessments[id].map { FrameworkForms.assessment($0, cluster: $0.cluster, world: w, today: env.today) }
        case .agreement: form = w.agreements[id].map { FrameworkForms.agreement($0, cluster: $0.cluster, today: env.today) }
        }
        return form.map(open)
    }

    static func open(_ form: FormState) -> Effect { .push(ScreenBox(FormScreen(form))) }

    /// `d`: a question naming the record and what goes with it.
    static func confirmDelete(_ kind: RecordKind, id: String, _ env: AppEnvironment, asker: ScreenID) -> Effect? {
        let w = env.world
        guard let record = w.record(kind, id: id) else { return nil }
        let plan = w.deletePlan(kind, id: id)
        var question: String
        if case .membership(let m) = record {
            let member = ["member": w.memberName(m), "cluster": w.clusters[m.cluster]?.name ?? Words.say("the cluster")]
            question =
                m.memberType == .school
                ? Words.say("Remove “{member}” from {cluster}? The school itself stays.", member)
                : m.memberType == .agency
                    ? Words.say("Remove “{member}” from {cluster}? The agency itself stays.", member)
                    : Words.say("Remove “{member}” from {cluster}? The cluster itself stays.", member)
        } else if case .link(let l) = record {
            question = Words.say("Remove the link {link}? The schools stay.", ["link": w.linkPhrase(l)])
        } else {
            question = Words.say("Delete {record}?", ["record": w.describe(record)])
        }
        // Exactly what else changes: what goes with it, and what stays with its link cleared.
        if !plan.deleted.isEmpty {
            question += " " + Words.say("With it go {records}.", ["records": World.DeletePlan.phrase(plan.deleted)])
        }
        if !plan.unlinked.isEmpty {
            question += " " + Words.say("Unlinked, not deleted: {records}.", ["records": World.DeletePlan.phrase(plan.unlinked)])
        }
        return .push(
            ScreenBox(ConfirmScreen(question: question + " " + Words.say("(y/n)"), deed: .perform(.delete(kind, id: id)), asker: asker)))
    }
}

extension RecordDoors {
    /// `l` on a member: a question naming it, the cluster and the day, whose yes records that
    /// it left today (kept as a former member, not deleted).
    static func confirmLeave(_ membership: String?, _ env: AppEnvironment, asker: ScreenID) -> Effect? {
        let w = env.world
        guard let id = membership, let m = w.memberships[id], m.isCurrent else { return nil }
        let question = Words.say(
            "“{member}” leaves {cluster} today ({today})? It stays on record as a former member; d instead removes one added by mistake. (y/n)",
            ["member": w.memberName(m), "cluster": w.clusters[m.cluster]?.name ?? Words.say("the cluster"), "today": env.today.description])
        return .push(ScreenBox(ConfirmScreen(question: question, deed: .perform(.leave(membership: id, on: nil)), asker: asker)))
    }

    /// `h`: the record's history, read from the journals and opened over `asker`.
    static func history(_ kind: RecordKind, id: String?, _ env: AppEnvironment, asker: ScreenID) -> Effect? {
        guard let id, let record = env.world.record(kind, id: id) else { return nil }
        return .readHistory(record: id, since: nil, title: env.world.describe(record), replyTo: asker)
    }

    /// `L` on Home: what others changed since this person last opened Cairn.
    static func changesSinceLastOpen(_ env: AppEnvironment, asker: ScreenID) -> Effect? {
        guard let since = env.sinceLastOpen else { return nil }
        return .readHistory(
            record: nil, since: since.at, notBy: env.user, title: Words.say("changes by others since {when}", ["when": since.when]),
            replyTo: asker)
    }
}
