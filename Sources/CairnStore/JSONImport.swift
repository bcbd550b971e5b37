import CairnCore
import Foundation

/// Reads a `cairn export --format json` document back into records, with their ids, so that
/// importing it into an empty store rebuilds the same state (the JSON export is lossless).
public enum JSONImport {
    public static func changes(_ data: Data) throws(StoreError) -> [Change] {
        guard let doc = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw StoreError("the file is not a Cairn JSON export (no JSON object)")
        }
        func list(_ key: String) -> [[String: Any]] { doc[key] as? [[String: Any]] ?? [] }
        func str(_ o: [String: Any], _ k: String) -> String { o[k] as? String ?? "" }
        func opt(_ o: [String: Any], _ k: String) -> String? { o[k] as? String }
        func day(_ o: [String: Any], _ k: String) -> Day? { opt(o, k).flatMap(Day.init(iso:)) }
        func num(_ o: [String: Any], _ k: String) -> Double? { (o[k] as? NSNumber)?.doubleValue }
        var changes: [Change] = []
        for s in list("schools") {
            changes.append(
                .put(
                    .school(
                        School(
                            id: str(s, "id"), officialId: opt(s, "officialId"), name: str(s, "name"),
                            phases: (s["phases"] as? [String] ?? []).compactMap(Phase.init(rawValue:)),
                            municipality: str(s, "municipality"),
                            contactPerson: str(s, "contactPerson"), email: str(s, "email"), phone: str(s, "phone"), notes: str(s, "notes")))
                ))
        }
        for a in list("agencies") {
            changes.append(
                .put(
                    .agency(
                        Agency(
                            id: str(a, "id"), name: str(a, "name"), sector: Sector(rawValue: str(a, "sector")) ?? .other,
                            level: Level(rawValue: str(a, "level")) ?? .local, contactPerson: str(a, "contactPerson"),
                            email: str(a, "email"),
                            phone: str(a, "phone"), notes: str(a, "notes")))))
        }
        for c in list("clusters") {
            let id = str(c, "id")
            changes.append(
                .put(
                    .cluster(
                        Cluster(
                            id: id, officialId: opt(c, "officialId"), name: str(c, "name"),
                            kind: ClusterKind(rawValue: str(c, "kind")) ?? .cluster,
                            formality: opt(c, "formality").flatMap(Formality.init(rawValue:)), region: str(c, "region"),
                            purpose: str(c, "purpose"),
                            leadershipModel: str(c, "leadershipModel"), startedOn: day(c, "startedOn"),
                            fundingSource: str(c, "fundingSource"),
                            fundingEndsOn: day(c, "fundingEndsOn"), notes: str(c, "notes")))))
            for m in c["members"] as? [[String: Any]] ?? [] {
                changes.append(
                    .put(
                        .membership(
                            Membership(
                                id: str(m, "membership"), cluster: id, memberType: MemberType(rawValue: str(m, "type")) ?? .school,
                                memberId: str(m, "id"),
                                role: str(m, "role"), responsibilities: str(m, "responsibilities"), lead: m["lead"] as? Bool ?? false))))
            }
            if let a = c["agreement"] as? [String: Any], let start = day(a, "periodStart"), let end = day(a, "periodEnd") {
                changes.append(
                    .put(
                        .agreement(
                            Agreement(
                                id: str(a, "id"), cluster: id, meetingsPerYear: (a["meetingsPerYear"] as? NSNumber)?.intValue ?? 0,
                                reporting: str(a, "reporting"), evaluation: str(a, "evaluation"), periodStart: start, periodEnd: end))))
            }
        }
        for g in list("goals") {
            changes.append(
                .put(
                    .goal(
                        Goal(
                            id: str(g, "id"), cluster: str(g, "cluster"), statement: str(g, "statement"), indicator: str(g, "indicator"),
                            unit: str(g, "unit"), baseline: num(g, "baseline"), baselineDate: day(g, "baselineDate"),
                            target: num(g, "target"),
                            deadline: day(g, "deadline"), priority: Priority(rawValue: str(g, "priority")) ?? .medium,
                            direction: Direction(rawValue: str(g, "direction")) ?? .increase, owner: opt(g, "owner")))))
        }
        for m in list("measurements") {
            guard let date = day(m, "date"), let value = num(m, "value") else { continue }
            changes.append(
                .put(
                    .measurement(
                        Measurement(
                            id: str(m, "id"), goal: str(m, "goal"), value: value, date: date, by: str(m, "by"), source: str(m, "source")))))
        }
        for a in list("actions") {
            changes.append(
                .put(
                    .action(
                        Action(
                            id: str(a, "id"), cluster: str(a, "cluster"), description: str(a, "description"), goal: opt(a, "goal"),
                            responsible: opt(a, "responsible"), actionClass: ActionClass(rawValue: str(a, "class")) ?? .prevention,
                            start: day(a, "start"), due: day(a, "due"), status: ActionStatus(rawValue: str(a, "status")) ?? .notStarted,
                            note: str(a, "note")))))
        }
        // After the goals: a checkpoint may ask for a goal's measurement.
        for p in list("checkpoints") {
            guard let due = day(p, "due") else { throw StoreError("checkpoint \(str(p, "id")) has no due date") }
            changes.append(
                .put(
                    .checkpoint(
                        Checkpoint(
                            id: str(p, "id"), cluster: str(p, "cluster"), title: str(p, "title"), due: due, concerns: opt(p, "concerns"),
                            doneOn: day(p, "doneOn"), doneBy: opt(p, "doneBy"), evidence: opt(p, "evidence"), goal: opt(p, "goal")))))
        }
        for a in list("assessments") {
            guard let date = day(a, "date") else { continue }
            var record = Assessment(id: str(a, "id"), cluster: str(a, "cluster"), date: date, by: str(a, "by"))
            record.ratings = (a["ratings"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? NSNumber)?.intValue }
            record.notes = a["notes"] as? [String: String] ?? [:]
            changes.append(.put(.assessment(record)))
        }
        return changes
    }
}
