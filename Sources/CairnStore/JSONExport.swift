import CairnCore
import Foundation

/// `cairn export --format json`: the whole state as one object with arrays `clusters`,
/// `schools`, `agencies`, `checkpoints`. Field names are a contract others rely on.
public enum JSONExport {
    /// - Parameter today: the day goal statuses are worked out for.
    public static func document(_ world: World, today: Day = Day.today()) -> [String: Any] {
        let null = NSNull()
        func optional(_ value: Any?) -> Any { value ?? null }
        // Grouped once: asked cluster by cluster, a national store's export took a minute.
        let members = world.membersByCluster()
        let agreements = Dictionary(world.agreements.values.map { ($0.cluster, $0) }, uniquingKeysWith: { a, b in a.id < b.id ? a : b })
        let clusters = NameOrder.sorted(world.clusters.values, by: \.name, id: \.id).map { c -> [String: Any] in
            [
                "id": c.id, "name": c.name, "officialId": optional(c.officialId), "kind": c.kind.rawValue,
                "formality": optional(c.formality?.rawValue), "region": c.region, "purpose": c.purpose,
                "leadershipModel": c.leadershipModel, "startedOn": optional(c.startedOn?.description),
                "fundingSource": c.fundingSource, "fundingEndsOn": optional(c.fundingEndsOn?.description),
                "notes": c.notes,
                "agreement": agreements[c.id].map { a -> Any in
                    [
                        "id": a.id, "meetingsPerYear": a.meetingsPerYear, "reporting": a.reporting, "evaluation": a.evaluation,
                        "periodStart": a.periodStart.description, "periodEnd": a.periodEnd.description,
                    ] as [String: Any]
                } ?? null,
                "members": (members[c.id] ?? []).map { m -> [String: Any] in
                    [
                        "membership": m.id, "type": m.memberType.rawValue, "id": m.memberId, "name": world.memberName(m),
                        "role": m.role, "responsibilities": m.responsibilities, "lead": m.lead,
                    ]
                },
            ]
        }
        let schools = NameOrder.sorted(world.schools.values, by: \.name, id: \.id).map { s -> [String: Any] in
            [
                "id": s.id, "name": s.name, "officialId": optional(s.officialId), "phases": s.phases.map(\.rawValue),
                "municipality": s.municipality, "contactPerson": s.contactPerson, "email": s.email, "phone": s.phone,
                "notes": s.notes,
            ]
        }
        let agencies = NameOrder.sorted(world.agencies.values, by: \.name, id: \.id).map { a -> [String: Any] in
            [
                "id": a.id, "name": a.name, "sector": a.sector.rawValue, "level": a.level.rawValue,
                "contactPerson": a.contactPerson, "email": a.email, "phone": a.phone, "notes": a.notes,
            ]
        }
        let checkpoints = world.checkpoints.values.sorted { ($0.due, $0.title, $0.id) < ($1.due, $1.title, $1.id) }.map {
            p -> [String: Any] in
            [
                "id": p.id, "cluster": p.cluster, "title": p.title, "due": p.due.description,
                "concerns": optional(p.concerns), "done": p.isDone, "doneOn": optional(p.doneOn?.description),
                "doneBy": optional(p.doneBy), "evidence": optional(p.evidence), "goal": optional(p.goal),
                "agreement": optional(p.agreement),
            ]
        }
        var doc: [String: Any] = ["clusters": clusters, "schools": schools, "agencies": agencies, "checkpoints": checkpoints]
        doc.merge(frameworkDocument(world, today: today)) { a, _ in a }
        return doc
    }

    /// The document as pretty-printed UTF-8 JSON with sorted keys (stable for diffs), in the
    /// bytes `JSONSerialization` would write (`PrettyJSON`).
    public static func data(_ world: World, today: Day = Day.today()) throws -> Data {
        try PrettyJSON.data(document(world, today: today))
    }
}
