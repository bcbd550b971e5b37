import CairnCore
import TermUI

/// Workshop mode: the four steps of the local stakeholder cooperation framework, one screen
/// each, for a group around a projector: what is agreed, what is still missing, and `a` to add
/// what the group decides. Plain lines in large gaps, no tables.
public struct WorkshopScreen: Sendable {
    public var clusterID: String
    /// 1 to 4.
    public var step = 1
    public init(clusterID: String) { self.clusterID = clusterID }

    public static let titles = [
        "Map the stakeholders", "Agree shared goals", "Agree engagements", "Agree evaluation and monitoring",
    ]
    public static let questions = [
        "Who takes part, what can each provide, and who leads and convenes?",
        "A few realistic goals, each with an indicator, a target and a deadline.",
        "Which member does what towards which goal, and who is responsible?",
        "How often do all meet, how do members report, how is the plan evaluated?",
    ]
    static let addLabels = ["add a member", "add a goal", "add an action", "set the agreement"]
}

/// What a step shows: agreed items and missing ones, as sentences.
struct WorkshopStep {
    var agreed: [String] = []
    var missing: [String] = []

    static func make(_ step: Int, world w: World, cluster: String, today: Day) -> WorkshopStep {
        var s = WorkshopStep()
        let gaps = w.gaps(in: cluster, on: today)
        func missing(_ kinds: Set<Gap.Kind>) -> [String] { gaps.filter { kinds.contains($0.kind) }.map(\.message) }
        switch step {
        case 1:
            s.agreed = w.members(of: cluster).map { m in
                let role = m.role.isEmpty ? "" : " — \(m.role)"
                return w.memberName(m) + role + (m.lead ? " (lead)" : "")
            }
            s.missing = missing([.noLead]) + w.coverage(of: cluster).gapSentences
            s.missing += w.members(of: cluster).filter { $0.role.isEmpty }.map { "\(w.memberName($0)) has no role yet" }
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

extension AppState {
    /// Opens workshop mode on a cluster (the `w` key, or `cairn workshop CLUSTER` at start).
    public mutating func openWorkshop(_ clusterID: String) {
        guard world.clusters[clusterID] != nil else { return }
        stack.append(.workshop(WorkshopScreen(clusterID: clusterID)))
    }

    mutating func handleWorkshop(_ key: Key, _ screen: WorkshopScreen) -> [Effect] {
        var w = screen
        if case .char(let c) = key, let n = c.wholeNumberValue, (1...4).contains(n) {
            w.step = n
            replaceTop(.workshop(w))
            return []
        }
        guard let command: Command = Bindings.workshop(step: w.step).action(for: key) else { return [] }
        switch command {
        case .quit: return [.quit]
        case .back: stack.removeLast()
        case .nextTab: w.step = min(4, w.step + 1)
        case .previousTab: w.step = max(1, w.step - 1)
        case .help: showHelp("Workshop", Bindings.workshop(step: w.step))
        case .undo: return undo()
        case .add:
            switch w.step {
            case 1: stack.append(.picker(PickerScreen(clusterID: w.clusterID)))
            case 2: stack.append(.form(FrameworkForms.goal(nil, cluster: w.clusterID, world: world)))
            case 3:
                stack.append(
                    .form(FrameworkForms.action(nil, cluster: w.clusterID, goal: world.goals(of: w.clusterID).first?.id, world: world)))
            default: stack.append(.form(FrameworkForms.agreement(world.agreement(of: w.clusterID), cluster: w.clusterID, today: today)))
            }
            return []
        default: break
        }
        if case .workshop = stack.last { replaceTop(.workshop(w)) }
        return []
    }

    func renderWorkshop(_ w: WorkshopScreen, into canvas: inout Canvas, area: Rect) {
        let name = world.clusters[w.clusterID]?.name ?? ""
        let content = WorkshopStep.make(w.step, world: world, cluster: w.clusterID, today: today)
        canvas.put(
            "Step \(w.step) of 4 · \(WorkshopScreen.titles[w.step - 1])", x: 2, y: area.y + 1, maxWidth: area.width - 4,
            style: Style(.title, bold: true))
        canvas.put(name, x: 2, y: area.y + 2, maxWidth: area.width - 4)
        canvas.put(WorkshopScreen.questions[w.step - 1], x: 2, y: area.y + 3, maxWidth: area.width - 4, style: .muted)
        var y = area.y + 5
        // Whole sentences, wrapped, for a room reading a projector: half the room for what is
        // agreed, the rest for what is missing.
        let width = area.width - 8
        func lines(_ items: [String]) -> [[String]] { items.map { wrap($0, width: width) } }
        let agreed = lines(content.agreed)
        let missing = lines(content.missing)
        // What is missing keeps the room it needs (up to half); what is agreed gets the rest.
        let total = area.maxY - y - 4
        let missingNeeds = max(1, missing.reduce(0) { $0 + $1.count })
        let agreedRoom = max(2, total - min(missingNeeds, total / 2))
        canvas.put("Agreed", x: 2, y: y, style: Style(.normal, bold: true, underline: true))
        y += 1
        if agreed.isEmpty {
            canvas.put("  nothing yet", x: 2, y: y, style: .muted)
            y += 1
        }
        var used = 0
        for (i, item) in agreed.enumerated() {
            if used + item.count > agreedRoom {
                canvas.put("  … and \(agreed.count - i) more", x: 2, y: y, style: .muted)
                y += 1
                break
            }
            for (k, line) in item.enumerated() {
                canvas.put((k == 0 ? "  ✓ " : "    ") + line, x: 2, y: y, maxWidth: area.width - 4)
                y += 1
            }
            used += item.count
        }
        y += 1
        canvas.put("Still missing", x: 2, y: y, style: Style(.normal, bold: true, underline: true))
        y += 1
        if missing.isEmpty {
            canvas.put("  nothing: this step is done", x: 2, y: y, style: Style(.done, bold: true))
            return
        }
        for (i, item) in missing.enumerated() {
            if y + item.count > area.maxY {
                if y < area.maxY { canvas.put("  … and \(missing.count - i) more", x: 2, y: y, style: .muted) }
                return
            }
            for (k, line) in item.enumerated() {
                canvas.put((k == 0 ? "  ✗ " : "    ") + line, x: 2, y: y, maxWidth: area.width - 4, style: Style(.overdue, bold: true))
                y += 1
            }
        }
    }
}
