import CairnCore
import CairnWords
import TermUI

/// What Enter opens on a workshop item: the form that shows it, or the one that fixes what
/// is missing.
enum WorkshopDoor: Equatable {
    /// A member's role, responsibilities and lead.
    case member(String)
    /// A stored record's own form.
    case edit(RecordKind, String)
    /// The picker that adds a member (a sector absent from the cluster).
    case addMember
    case newGoal
    /// A new action serving a goal, or taken on by a member.
    case newAction(goal: String?, responsible: String?)
    /// The monitoring agreement, new or to edit.
    case agreement
    /// The prompt that ticks a checkpoint off.
    case tick(String)
}

/// What a step shows: agreed items and missing ones, as sentences, each with what Enter opens.
struct WorkshopStep {
    struct Item {
        var text: String
        var agreed: Bool
        var door: WorkshopDoor?
    }

    var items: [Item] = []

    mutating func agree(_ text: String, _ door: WorkshopDoor?) { items.append(Item(text: text, agreed: true, door: door)) }
    mutating func miss(_ text: String, _ door: WorkshopDoor?) { items.append(Item(text: text, agreed: false, door: door)) }

    static func make(_ step: Int, world w: World, cluster: String, today: Day) -> WorkshopStep {
        var s = WorkshopStep()
        let gaps = w.gaps(in: cluster, on: today)
        func missing(_ kinds: Set<Gap.Kind>) -> [Gap] { gaps.filter { kinds.contains($0.kind) } }
        switch step {
        case 1:
            let members = w.members(of: cluster)
            for m in members {
                let role = m.role.isEmpty ? "" : " — \(m.role)"
                s.agree(w.memberName(m) + role + (m.lead ? " " + Words.say("(lead)") : ""), .member(m.id))
            }
            // "No lead" is fixed on a member: Enter on it opens the first member's role and lead.
            for gap in missing([.noLead]) { s.miss(gap.message, members.first.map { .member($0.id) } ?? .addMember) }
            for sentence in w.coverage(of: cluster).gapSentences { s.miss(sentence, .addMember) }
            for m in members where m.role.isEmpty {
                s.miss(Words.say("{member} has no role yet", ["member": w.memberName(m)]), .member(m.id))
            }
        case 2:
            let goals = w.goals(of: cluster)
            for g in goals {
                let from = g.baseline.map { World.amount($0, unit: g.unit) + " → " } ?? ""
                let to = g.target.map { World.amount($0, unit: g.unit) } ?? "?"
                let status = w.progress(of: g, on: today).status.label
                let said = Words.say(
                    "{goal}: {indicator}, {from}{to} by {deadline} ({status})",
                    [
                        "goal": g.statement, "indicator": g.indicator, "from": from, "to": to, "deadline": g.deadline?.description ?? "?",
                        "status": status,
                    ])
                s.agree(said, .edit(.goal, g.id))
            }
            if goals.isEmpty { s.miss(Words.say("no shared goal yet"), .newGoal) }
            for gap in missing([.goalIncomplete]) { s.miss(gap.message, gap.recordID.map { .edit(.goal, $0) }) }
            if goals.count > 5 {
                s.miss(
                    Words.count(
                        "{count} goal: few and realistic works better than many", "{count} goals: few and realistic works better than many",
                        goals.count), nil)
            }
        case 3:
            for a in w.actions(of: cluster) {
                let who = a.responsible.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? Words.say("nobody")
                s.agree(
                    Words.say(
                        "{who}: {action} ({class}, {status})",
                        ["who": who, "action": a.description, "class": a.actionClass.label, "status": a.status.label]), .edit(.action, a.id)
                )
            }
            for gap in missing([.goalWithoutAction, .actionWithoutResponsible, .memberWithoutAction]) {
                switch gap.kind {
                case .goalWithoutAction: s.miss(gap.message, .newAction(goal: gap.recordID, responsible: nil))
                case .memberWithoutAction: s.miss(gap.message, .newAction(goal: nil, responsible: gap.recordID))
                default: s.miss(gap.message, gap.recordID.map { .edit(.action, $0) })
                }
            }
        default:
            if let a = w.agreement(of: cluster) {
                s.agree(
                    Words.count(
                        "all stakeholders meet {count} time a year, {from} to {to}",
                        "all stakeholders meet {count} times a year, {from} to {to}",
                        a.meetingsPerYear, ["from": a.periodStart.description, "to": a.periodEnd.description]), .agreement)
                s.agree(Words.say("reporting: {text}", ["text": a.reporting.isEmpty ? "—" : a.reporting]), .agreement)
                s.agree(Words.say("evaluation: {text}", ["text": a.evaluation.isEmpty ? "—" : a.evaluation]), .agreement)
                let next = w.checkpoints(of: cluster, on: today).filter { !$0.isDone && $0.due >= today }.prefix(3)
                for c in next { s.agree(Words.say("next: {title} on {due}", ["title": c.title, "due": c.due.description]), .tick(c.id)) }
            }
            for gap in missing([.noAgreement, .overdueCheckpoint]) {
                s.miss(gap.message, gap.kind == .noAgreement ? .agreement : gap.recordID.map { .tick($0) })
            }
        }
        return s
    }
}
