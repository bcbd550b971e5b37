import CairnCore
import Foundation

/// `cairn export --format json`: the whole state as one object with arrays `clusters`,
/// `schools`, `agencies`, `checkpoints`. Field names are a contract others rely on.
public enum JSONExport {
    /// - Parameter today: the day goal statuses are worked out for.
    public static func document(_ world: World, today: Day = Day.today()) -> [String: Any] {
        var doc: [String: Any] = [
            "clusters": clusters(world), "schools": schools(world), "agencies": agencies(world),
            "checkpoints": checkpoints(world),
        ]
        doc.merge(frameworkDocument(world, today: today)) { a, _ in a }
        return doc
    }

    // Each part of the document on its own, so that `cairn list --json` builds only the part it lists.

    static let null = NSNull()
    static func optional(_ value: Any?) -> Any { value ?? null }

    public static func clusters(_ world: World) -> [[String: Any]] {
        // Grouped once: asked cluster by cluster, a national store's export took a minute.
        let members = world.membersByCluster()
        let agreements = Dictionary(world.agreements.values.map { ($0.cluster, $0) }, uniquingKeysWith: { a, b in a.id < b.id ? a : b })
        return NameOrder.sorted(world.clusters.values, by: \.name, id: \.id).map { c -> [String: Any] in
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
    }

    public static func schools(_ world: World) -> [[String: Any]] {
        NameOrder.sorted(world.schools.values, by: \.name, id: \.id).map { s -> [String: Any] in
            [
                "id": s.id, "name": s.name, "officialId": optional(s.officialId), "phases": s.phases.map(\.rawValue),
                "municipality": s.municipality, "contactPerson": s.contactPerson, "email": s.email, "phone": s.phone,
                "notes": s.notes,
            ]
        }
    }

    public static func agencies(_ world: World) -> [[String: Any]] {
        NameOrder.sorted(world.agencies.values, by: \.name, id: \.id).map { a -> [String: Any] in
            [
                "id": a.id, "name": a.name, "sector": a.sector.rawValue, "level": a.level.rawValue,
                "contactPerson": a.contactPerson, "email": a.email, "phone": a.phone, "notes": a.notes,
            ]
        }
    }

    /// Every checkpoint by due day, title and id.
    public static func checkpoints(_ world: World) -> [[String: Any]] { checkpoints(checkpointsInExportOrder(world)) }

    static func checkpointsInExportOrder(_ world: World) -> [Checkpoint] {
        let all = Array(world.checkpoints.values)
        // Their places are sorted, not the checkpoints, with the keys taken out once.
        let due = all.map(\.due.ordinal)
        let titles = all.map(\.title)
        let ids = all.map(\.id)
        let order = all.indices.sorted { i, j in
            if due[i] != due[j] { return due[i] < due[j] }
            return titles[i] == titles[j] ? ids[i] < ids[j] : titles[i] < titles[j]
        }
        return order.map { all[$0] }
    }

    /// These checkpoints, in the order given.
    public static func checkpoints(_ list: [Checkpoint]) -> [[String: Any]] {
        list.map { p -> [String: Any] in
            [
                "id": p.id, "cluster": p.cluster, "title": p.title, "due": p.due.description,
                "concerns": optional(p.concerns), "done": p.isDone, "doneOn": optional(p.doneOn?.description),
                "doneBy": optional(p.doneBy), "evidence": optional(p.evidence), "goal": optional(p.goal),
                "agreement": optional(p.agreement),
            ]
        }
    }
}
