import CairnCore
import Foundation

/// The export's tables written straight from the records into bytes, each record through its
/// kind's description, in exactly the form `PrettyJSON` gives a document (tested against it):
/// building 160,000 dictionaries of `Any` and asking each value its type was most of a
/// national export's time.
extension JSONExport {
    /// The document as pretty-printed UTF-8 JSON with sorted keys (stable for diffs), in the
    /// bytes `JSONSerialization` would write.
    public static func data(_ world: World, today: Day = Day.today()) throws -> Data {
        var out: [UInt8] = []
        try write(world, today: today) { out += $0 }
        return Data(out)
    }

    /// The document given to `sink` a piece at a time, in order, so that a national export
    /// never holds its whole text: the tables before the checkpoints and the checkpoints (the
    /// largest part) are given as they are written, a megabyte at a time, while the other core
    /// writes the tables after them, held until their turn.
    public static func write(_ world: World, today: Day = Day.today(), to sink: ([UInt8]) -> Void) throws {
        let tables: [String: @Sendable (inout PrettyJSON.Writer) -> Void] = [
            "checkpoints": { writeCheckpoints(checkpointsInExportOrder(world), indent: 2, into: &$0) },
            "clusters": { writeClusters(sortedClusters(world), of: world, indent: 2, into: &$0) },
            "schools": { writeRecords(NameOrder.sorted(world.schools.values, by: \.name, id: \.id), indent: 2, into: &$0) },
            "agencies": { writeRecords(NameOrder.sorted(world.agencies.values, by: \.name, id: \.id), indent: 2, into: &$0) },
            "goals": { writeGoals(world, today: today, into: &$0) },
            "measurements": {
                let list = world.measurements.values.sorted { ($0.goal, $0.date, $0.id) < ($1.goal, $1.date, $1.id) }
                writeRecords(list, indent: 2, into: &$0)
            },
            "actions": {
                let list = world.actions.values.sorted {
                    ($0.cluster, $0.description, $0.id) < ($1.cluster, $1.description, $1.id)
                }
                writeRecords(list, indent: 2, into: &$0)
            },
            "assessments": {
                let list = world.assessments.values.sorted { ($0.cluster, $0.date, $0.id) < ($1.cluster, $1.date, $1.id) }
                writeRecords(list, indent: 2, into: &$0)
            },
            "links": {
                let list = world.links.values.sorted {
                    ($0.from, $0.to, $0.relation.rawValue, $0.id) < ($1.from, $1.to, $1.relation.rawValue, $1.id)
                }
                writeRecords(list, indent: 2, into: &$0)
            },
        ]
        let keys = tables.keys.sorted(by: PrettyJSON.ordered)
        let given = (keys.firstIndex(of: "checkpoints") ?? keys.count - 1) + 1
        /// Each table as it stands in the document: its key, its array, the comma after it.
        @Sendable func entry(_ n: Int, into w: inout PrettyJSON.Writer) {
            PrettyJSON.pad(2, into: &w.out)
            PrettyJSON.string(keys[n], into: &w.out)
            w.out.append(contentsOf: " : ".utf8)
            tables[keys[n]]!(&w)
            w.out += n < keys.count - 1 ? [UInt8(ascii: ","), 0x0A] : [0x0A]
        }
        let held = Pending {
            (given..<keys.count).map { n in
                var w = PrettyJSON.Writer()
                entry(n, into: &w)
                return w.out
            }
        }
        sink([UInt8(ascii: "{"), 0x0A])
        withoutActuallyEscaping(sink) { sink in
            var w = PrettyJSON.Writer(spill: sink)
            for n in 0..<given { entry(n, into: &w) }
            sink(w.out)
        }
        for part in held.value { sink(part) }
        sink([UInt8(ascii: "}")])
    }

    static let memberKeys = ["membership", "type", "id", "name", "role", "responsibilities", "lead", "from", "to"].sorted(
        by: PrettyJSON.ordered)

    /// An array at `indent`, its elements one level in.
    static func array<T>(_ items: [T], into w: inout PrettyJSON.Writer, indent: Int, _ element: (T, inout PrettyJSON.Writer) -> Void) {
        guard !items.isEmpty else { return PrettyJSON.empty("[", "]", indent: indent, into: &w.out) }
        w.out += [UInt8(ascii: "["), 0x0A]
        for (n, item) in items.enumerated() {
            PrettyJSON.pad(indent + 2, into: &w.out)
            element(item, &w)
            if n < items.count - 1 { w.out.append(UInt8(ascii: ",")) }
            w.out.append(0x0A)
            w.spillIfFull()
        }
        PrettyJSON.pad(indent, into: &w.out)
        w.out.append(UInt8(ascii: "]"))
    }

    static func text(_ s: String?, _ out: inout [UInt8]) {
        if let s { PrettyJSON.string(s, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    public static func sortedClusters(_ world: World) -> [Cluster] { NameOrder.sorted(world.clusters.values, by: \.name, id: \.id) }

    /// `list` as an array at `indent`, as in the export (2) or alone (0, `cairn list --json`):
    /// each cluster with its monitoring agreement and its members.
    static func writeClusters(_ list: [Cluster], of world: World, indent: Int, into w: inout PrettyJSON.Writer) {
        let members = world.membersByCluster(includingFormer: true)
        let agreements = Dictionary(world.agreements.values.map { ($0.cluster, $0) }, uniquingKeysWith: { a, b in a.id < b.id ? a : b })
        writeRecords(list, indent: indent, into: &w) { c, fields in
            fields.put("agreement") { out in
                guard let a = agreements[c.id] else { return text(nil, &out) }
                var inner = PrettyJSON.Writer()
                writeRecords([a], indent: indent + 2, into: &inner, parentless: true)
                // One record alone: its object, without the array around it.
                out += object(in: inner.out, indent: indent + 4)
            }
            fields.put("members") { out in
                var inner = PrettyJSON.Writer()
                array(members[c.id] ?? [], into: &inner, indent: indent + 4) { m, w in
                    writeMember(m, of: world, indent: indent + 6, into: &w.out)
                }
                out += inner.out
            }
        }
    }

    /// A member as the export shows it: the membership with its school's or agency's name.
    static func writeMember(_ m: Membership, of world: World, indent: Int, into out: inout [UInt8]) {
        out += [UInt8(ascii: "{"), 0x0A]
        for (n, key) in memberKeys.enumerated() {
            PrettyJSON.pad(indent + 2, into: &out)
            PrettyJSON.string(key, into: &out)
            out.append(contentsOf: " : ".utf8)
            switch key {
            case "membership": text(m.id, &out)
            case "type": text(m.memberType.rawValue, &out)
            case "id": text(m.memberId, &out)
            case "name": text(world.memberName(m), &out)
            case "role": text(m.role, &out)
            case "responsibilities": text(m.responsibilities, &out)
            case "from": text(m.from?.description, &out)
            case "to": text(m.to?.description, &out)
            default: out.append(contentsOf: (m.lead ? "true" : "false").utf8)
            }
            if n < memberKeys.count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        PrettyJSON.pad(indent, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The object inside an array of one written at `indent - 2`: from its `{` to its `}`.
    private static func object(in array: [UInt8], indent: Int) -> ArraySlice<UInt8> {
        let start = array.firstIndex(of: UInt8(ascii: "{"))!
        let end = array.lastIndex(of: UInt8(ascii: "}"))!
        return array[start...end]
    }

    static func writeCheckpoints(_ list: [Checkpoint], indent: Int, into w: inout PrettyJSON.Writer) {
        writeRecords(list, indent: indent, into: &w) { p, fields in
            fields.put("done") { $0.append(contentsOf: (p.isDone ? "true" : "false").utf8) }
        }
    }

    /// Goals with their status on the day of export, how much of the way they have come, and
    /// their latest measurement.
    static func writeGoals(_ world: World, today: Day, into w: inout PrettyJSON.Writer) {
        let list = world.goals.values.sorted { ($0.cluster, $0.statement, $0.id) < ($1.cluster, $1.statement, $1.id) }
        writeRecords(list, indent: 2, into: &w) { g, fields in
            let progress = world.progress(of: g, on: today)
            fields.put("status") { PrettyJSON.string(progress.status.rawValue, into: &$0) }
            fields.put("progress") { PrettyJSON.write(progress.covered.map(JSONValue.number) ?? .null, indent: 4, into: &$0) }
            fields.put("latest") { PrettyJSON.write(progress.latest.map { .number($0.value) } ?? .null, indent: 4, into: &$0) }
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
        writeRecords(schools, indent: 0, into: &w)
        return Data(w.out)
    }

    public static func listData(agencies: [Agency]) -> Data {
        var w = PrettyJSON.Writer()
        writeRecords(agencies, indent: 0, into: &w)
        return Data(w.out)
    }

    /// One record as the export writes it, alone (what `cairn agree --json` and `cairn assess
    /// --json` print): its fields, its id and the cluster it belongs to among them.
    public static func objectData<R: DescribedRecord>(_ record: R) -> Data {
        var fields = RecordObject(indent: 0, parentless: false)
        var out: [UInt8] = []
        fields.start()
        var r = record
        r.visitFields(&fields)
        fields.write(into: &out)
        return Data(out)
    }

    public static func listData(checkpoints: [Checkpoint]) -> Data {
        var w = PrettyJSON.Writer()
        w.out.reserveCapacity(checkpoints.count * 400)
        writeCheckpoints(checkpoints, indent: 0, into: &w)
        return Data(w.out)
    }
}
