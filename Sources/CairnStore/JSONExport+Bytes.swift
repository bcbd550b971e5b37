import CairnCore
import Foundation

/// The export's four large tables written straight from the records into bytes, in exactly the
/// form `PrettyJSON` gives the document (tested against it): building 160,000 dictionaries of
/// `Any` and asking each value its type was most of a national export's time. Goals,
/// measurements, actions and the rest are few, and go through the document as before.
extension JSONExport {
    /// The document as pretty-printed UTF-8 JSON with sorted keys (stable for diffs), in the
    /// bytes `JSONSerialization` would write.
    ///
    /// The checkpoints (the largest part of a national export) are written on one core while the
    /// other writes everything else; the parts are then joined in the document's key order.
    public static func data(_ world: World, today: Day = Day.today()) throws -> Data {
        let parts = ExportParts()
        DispatchQueue.concurrentPerform(iterations: 2) { core in
            if core == 0 {
                var w = PrettyJSON.Writer()
                w.out.reserveCapacity(world.checkpoints.count * 400)
                writeCheckpoints(checkpointsInExportOrder(world), indent: 2, into: &w)
                parts.put("checkpoints", w.out)
                return
            }
            let tables: [String: (inout PrettyJSON.Writer) -> Void] = [
                "clusters": { writeClusters(sortedClusters(world), of: world, indent: 2, into: &$0) },
                "schools": { writeSchools(NameOrder.sorted(world.schools.values, by: \.name, id: \.id), indent: 2, into: &$0) },
                "agencies": { writeAgencies(NameOrder.sorted(world.agencies.values, by: \.name, id: \.id), indent: 2, into: &$0) },
            ]
            var w = PrettyJSON.Writer()
            for (key, table) in tables {
                w.out = []
                table(&w)
                parts.put(key, w.out)
            }
            let framework = frameworkDocument(world, today: today)
            for (key, value) in framework where key != "checkpoints" && tables[key] == nil {
                w.out = []
                do { try PrettyJSON.write(value, indent: 2, into: &w) } catch { return parts.fail(error) }
                parts.put(key, w.out)
            }
        }
        if let error = parts.error { throw error }
        var out: [UInt8] = []
        out.reserveCapacity(parts.bytes.values.reduce(16) { $0 + $1.count + 64 })
        out += [UInt8(ascii: "{"), 0x0A]
        for (n, key) in parts.bytes.keys.sorted(by: PrettyJSON.ordered).enumerated() {
            PrettyJSON.pad(2, into: &out)
            PrettyJSON.string(key, into: &out)
            out.append(contentsOf: " : ".utf8)
            out.append(contentsOf: parts.bytes[key]!)
            if n < parts.bytes.count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    /// The document's parts as each core writes them.
    private final class ExportParts: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var bytes: [String: [UInt8]] = [:]
        private(set) var error: Error?
        func put(_ key: String, _ part: [UInt8]) { lock.withLock { bytes[key] = part } }
        func fail(_ e: Error) { lock.withLock { error = e } }
    }

    /// A record's fields in Foundation's key order, worked out once per kind.
    struct Keys {
        let names: [String]
        init(_ names: [String]) { self.names = names.sorted(by: PrettyJSON.ordered) }
    }

    static let clusterKeys = Keys([
        "id", "name", "officialId", "kind", "formality", "region", "purpose", "leadershipModel", "startedOn", "fundingSource",
        "fundingEndsOn", "notes", "agreement", "members",
    ])
    static let agreementKeys = Keys(["id", "meetingsPerYear", "reporting", "evaluation", "periodStart", "periodEnd"])
    static let memberKeys = Keys(["membership", "type", "id", "name", "role", "responsibilities", "lead"])
    static let schoolKeys = Keys(["id", "name", "officialId", "phases", "municipality", "contactPerson", "email", "phone", "notes"])
    static let agencyKeys = Keys(["id", "name", "sector", "level", "contactPerson", "email", "phone", "notes"])
    static let checkpointKeys = Keys([
        "id", "cluster", "title", "due", "concerns", "done", "doneOn", "doneBy", "evidence", "goal", "agreement",
    ])

    /// An array at `indent`, its elements one level in.
    static func array<T>(_ items: [T], into w: inout PrettyJSON.Writer, indent: Int, _ element: (T, inout PrettyJSON.Writer) -> Void) {
        guard !items.isEmpty else { return PrettyJSON.empty("[", "]", indent: indent, into: &w.out) }
        w.out += [UInt8(ascii: "["), 0x0A]
        for (n, item) in items.enumerated() {
            PrettyJSON.pad(indent + 2, into: &w.out)
            element(item, &w)
            if n < items.count - 1 { w.out.append(UInt8(ascii: ",")) }
            w.out.append(0x0A)
        }
        PrettyJSON.pad(indent, into: &w.out)
        w.out.append(UInt8(ascii: "]"))
    }

    /// An object whose fields `value` writes, key by key, in `keys`' order.
    static func object(_ keys: Keys, indent: Int, into w: inout PrettyJSON.Writer, _ value: (String, inout PrettyJSON.Writer) -> Void) {
        w.out += [UInt8(ascii: "{"), 0x0A]
        for (n, key) in keys.names.enumerated() {
            PrettyJSON.pad(indent + 2, into: &w.out)
            PrettyJSON.string(key, into: &w.out)
            w.out.append(contentsOf: " : ".utf8)
            value(key, &w)
            if n < keys.names.count - 1 { w.out.append(UInt8(ascii: ",")) }
            w.out.append(0x0A)
        }
        PrettyJSON.pad(indent, into: &w.out)
        w.out.append(UInt8(ascii: "}"))
    }

    static func text(_ s: String?, _ w: inout PrettyJSON.Writer) {
        if let s { PrettyJSON.string(s, into: &w.out) } else { w.out.append(contentsOf: "null".utf8) }
    }

    static func flag(_ b: Bool, _ w: inout PrettyJSON.Writer) { w.out.append(contentsOf: (b ? "true" : "false").utf8) }

    public static func sortedClusters(_ world: World) -> [Cluster] { NameOrder.sorted(world.clusters.values, by: \.name, id: \.id) }

    /// `list` as an array at `indent`, as in the export (2) or alone (0, `cairn list --json`).
    static func writeClusters(_ list: [Cluster], of world: World, indent: Int, into w: inout PrettyJSON.Writer) {
        let members = world.membersByCluster()
        let agreements = Dictionary(world.agreements.values.map { ($0.cluster, $0) }, uniquingKeysWith: { a, b in a.id < b.id ? a : b })
        array(list, into: &w, indent: indent) { c, w in
            object(clusterKeys, indent: indent + 2, into: &w) { key, w in
                switch key {
                case "id": text(c.id, &w)
                case "name": text(c.name, &w)
                case "officialId": text(c.officialId, &w)
                case "kind": text(c.kind.rawValue, &w)
                case "formality": text(c.formality?.rawValue, &w)
                case "region": text(c.region, &w)
                case "purpose": text(c.purpose, &w)
                case "leadershipModel": text(c.leadershipModel, &w)
                case "startedOn": text(c.startedOn?.description, &w)
                case "fundingSource": text(c.fundingSource, &w)
                case "fundingEndsOn": text(c.fundingEndsOn?.description, &w)
                case "notes": text(c.notes, &w)
                case "agreement":
                    guard let a = agreements[c.id] else { return text(nil, &w) }
                    object(agreementKeys, indent: indent + 4, into: &w) { key, w in
                        switch key {
                        case "id": text(a.id, &w)
                        case "meetingsPerYear": w.out.append(contentsOf: String(a.meetingsPerYear).utf8)
                        case "reporting": text(a.reporting, &w)
                        case "evaluation": text(a.evaluation, &w)
                        case "periodStart": text(a.periodStart.description, &w)
                        default: text(a.periodEnd.description, &w)
                        }
                    }
                default:
                    array(members[c.id] ?? [], into: &w, indent: indent + 4) { m, w in
                        object(memberKeys, indent: indent + 6, into: &w) { key, w in
                            switch key {
                            case "membership": text(m.id, &w)
                            case "type": text(m.memberType.rawValue, &w)
                            case "id": text(m.memberId, &w)
                            case "name": text(world.memberName(m), &w)
                            case "role": text(m.role, &w)
                            case "responsibilities": text(m.responsibilities, &w)
                            default: flag(m.lead, &w)
                            }
                        }
                    }
                }
            }
        }
    }

    static func writeSchools(_ list: [School], indent: Int, into w: inout PrettyJSON.Writer) {
        array(list, into: &w, indent: indent) { s, w in
            object(schoolKeys, indent: indent + 2, into: &w) { key, w in
                switch key {
                case "id": text(s.id, &w)
                case "name": text(s.name, &w)
                case "officialId": text(s.officialId, &w)
                case "phases": array(s.phases, into: &w, indent: indent + 4) { p, w in text(p.rawValue, &w) }
                case "municipality": text(s.municipality, &w)
                case "contactPerson": text(s.contactPerson, &w)
                case "email": text(s.email, &w)
                case "phone": text(s.phone, &w)
                default: text(s.notes, &w)
                }
            }
        }
    }

    static func writeAgencies(_ list: [Agency], indent: Int, into w: inout PrettyJSON.Writer) {
        array(list, into: &w, indent: indent) { a, w in
            object(agencyKeys, indent: indent + 2, into: &w) { key, w in
                switch key {
                case "id": text(a.id, &w)
                case "name": text(a.name, &w)
                case "sector": text(a.sector.rawValue, &w)
                case "level": text(a.level.rawValue, &w)
                case "contactPerson": text(a.contactPerson, &w)
                case "email": text(a.email, &w)
                case "phone": text(a.phone, &w)
                default: text(a.notes, &w)
                }
            }
        }
    }

    static func writeCheckpoints(_ list: [Checkpoint], indent: Int, into w: inout PrettyJSON.Writer) {
        array(list, into: &w, indent: indent) { p, w in
            object(checkpointKeys, indent: indent + 2, into: &w) { key, w in
                switch key {
                case "id": text(p.id, &w)
                case "cluster": text(p.cluster, &w)
                case "title": text(p.title, &w)
                case "due": text(p.due.description, &w)
                case "concerns": text(p.concerns, &w)
                case "done": flag(p.isDone, &w)
                case "doneOn": text(p.doneOn?.description, &w)
                case "doneBy": text(p.doneBy, &w)
                case "evidence": text(p.evidence, &w)
                case "goal": text(p.goal, &w)
                default: text(p.agreement, &w)
                }
            }
        }
    }

    /// What `cairn list --json` prints: the export's own objects for these records, alone in
    /// an array, in the bytes `PrettyJSON` gives them.
    public static func listData(clusters: [Cluster], of world: World) -> Data {
        var w = PrettyJSON.Writer()
        writeClusters(clusters, of: world, indent: 0, into: &w)
        return Data(w.out)
    }

    public static func listData(schools: [School]) -> Data {
        var w = PrettyJSON.Writer()
        writeSchools(schools, indent: 0, into: &w)
        return Data(w.out)
    }

    public static func listData(agencies: [Agency]) -> Data {
        var w = PrettyJSON.Writer()
        writeAgencies(agencies, indent: 0, into: &w)
        return Data(w.out)
    }

    public static func listData(checkpoints: [Checkpoint]) -> Data {
        var w = PrettyJSON.Writer()
        w.out.reserveCapacity(checkpoints.count * 400)
        writeCheckpoints(checkpoints, indent: 0, into: &w)
        return Data(w.out)
    }
}
