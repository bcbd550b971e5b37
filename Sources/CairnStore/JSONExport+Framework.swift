import CairnCore
import Foundation

/// The collaboration framework's part of the export: goals (with their status on the day of
/// export), measurements and actions.
extension JSONExport {
    static func frameworkDocument(_ world: World, today: Day) -> [String: Any] {
        let null = NSNull()
        func optional(_ value: Any?) -> Any { value ?? null }
        let goals = world.goals.values.sorted { ($0.cluster, $0.statement, $0.id) < ($1.cluster, $1.statement, $1.id) }.map {
            g -> [String: Any] in
            let progress = world.progress(of: g, on: today)
            return [
                "id": g.id, "cluster": g.cluster, "statement": g.statement, "indicator": g.indicator, "unit": g.unit,
                "baseline": optional(g.baseline), "baselineDate": optional(g.baselineDate?.description),
                "target": optional(g.target), "deadline": optional(g.deadline?.description), "priority": g.priority.rawValue,
                "direction": g.direction.rawValue, "owner": optional(g.owner), "status": progress.status.rawValue,
                "progress": optional(progress.covered), "latest": optional(progress.latest?.value),
            ]
        }
        let measurements = world.measurements.values.sorted { ($0.goal, $0.date, $0.id) < ($1.goal, $1.date, $1.id) }.map {
            m -> [String: Any] in
            [
                "id": m.id, "goal": m.goal, "value": m.value, "date": m.date.description, "by": m.by, "source": m.source,
                "ticked": optional(m.ticked),
            ]
        }
        let actions = world.actions.values.sorted { ($0.cluster, $0.description, $0.id) < ($1.cluster, $1.description, $1.id) }.map {
            a -> [String: Any] in
            [
                "id": a.id, "cluster": a.cluster, "description": a.description, "goal": optional(a.goal),
                "responsible": optional(a.responsible), "class": a.actionClass.rawValue, "start": optional(a.start?.description),
                "due": optional(a.due?.description), "status": a.status.rawValue, "note": a.note,
            ]
        }
        let assessments = world.assessments.values.sorted { ($0.cluster, $0.date, $0.id) < ($1.cluster, $1.date, $1.id) }.map {
            a -> [String: Any] in
            ["id": a.id, "cluster": a.cluster, "date": a.date.description, "by": a.by, "ratings": a.ratings, "notes": a.notes]
        }
        return ["goals": goals, "measurements": measurements, "actions": actions, "assessments": assessments]
    }
}
