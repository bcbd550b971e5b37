import CairnCore
import TermUI

/// What a step shows: agreed items and missing ones, as sentences, each with the member it
/// is about when Enter can set that member's role and lead there (step 1).
struct WorkshopStep {
    var agreed: [String] = []
    var missing: [String] = []
    /// The membership each agreed item, then each missing one, is about (nil: none).
    var agreedMembers: [String?] = []
    var missingMembers: [String?] = []

    /// Every item in the order shown: agreed first, then missing.
    var items: [(text: String, agreed: Bool, member: String?)] {
        agreed.enumerated().map { ($0.element, true, $0.offset < agreedMembers.count ? agreedMembers[$0.offset] : nil) }
            + missing.enumerated().map { ($0.element, false, $0.offset < missingMembers.count ? missingMembers[$0.offset] : nil) }
    }

    static func make(_ step: Int, world w: World, cluster: String, today: Day) -> WorkshopStep {
        var s = WorkshopStep()
        let gaps = w.gaps(in: cluster, on: today)
        func missing(_ kinds: Set<Gap.Kind>) -> [String] { gaps.filter { kinds.contains($0.kind) }.map(\.message) }
        switch step {
        case 1:
            let members = w.members(of: cluster)
            s.agreed = members.map { m in
                let role = m.role.isEmpty ? "" : " — \(m.role)"
                return w.memberName(m) + role + (m.lead ? " (lead)" : "")
            }
            s.agreedMembers = members.map(\.id)
            // "No lead" is fixed on a member: Enter on it opens the first member's role and lead.
            let noLead = missing([.noLead])
            s.missing = noLead + w.coverage(of: cluster).gapSentences
            s.missingMembers = noLead.map { _ in members.first?.id } + w.coverage(of: cluster).gapSentences.map { _ in nil }
            let roleless = members.filter { $0.role.isEmpty }
            s.missing += roleless.map { "\(w.memberName($0)) has no role yet" }
            s.missingMembers += roleless.map(\.id)
        case 2:
            s.agreed = w.goals(of: cluster).map { g in
                let from = g.baseline.map { World.number($0) + g.unit + " → " } ?? ""
                let to = g.target.map { World.number($0) + g.unit } ?? "?"
                return
                    "\(g.statement): \(g.indicator), \(from)\(to) by \(g.deadline?.description ?? "?") (\(w.progress(of: g, on: today).status.rawValue))"
            }
            s.missing = missing([.goalIncomplete])
            if s.agreed.isEmpty { s.missing.insert("no shared goal yet", at: 0) }
            if s.agreed.count > 5 { s.missing.append("\(s.agreed.count) goals: few and realistic works better than many") }
        case 3:
            s.agreed = w.actions(of: cluster).map { a in
                let who = a.responsible.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? "nobody"
                return "\(who): \(a.description) (\(a.actionClass.rawValue), \(a.status.label))"
            }
            s.missing = missing([.goalWithoutAction, .actionWithoutResponsible, .memberWithoutAction])
        default:
            if let a = w.agreement(of: cluster) {
                s.agreed = [
                    "all stakeholders meet \(a.meetingsPerYear) times a year, \(a.periodStart) to \(a.periodEnd)",
                    "reporting: " + (a.reporting.isEmpty ? "—" : a.reporting),
                    "evaluation: " + (a.evaluation.isEmpty ? "—" : a.evaluation),
                ]
                let next = w.checkpoints(of: cluster, on: today).filter { !$0.isDone && $0.due >= today }.prefix(3)
                s.agreed += next.map { "next: \($0.title) on \($0.due)" }
            }
            s.missing = missing([.noAgreement, .overdueCheckpoint])
        }
        return s
    }
}
