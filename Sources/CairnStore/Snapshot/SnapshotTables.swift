import CairnCore

/// How each kind's part of a snapshot is read into its table, when first asked for
/// (`SnapshotPart`): the records one after another, or, for a kind the per-cluster index
/// groups, group by group.
enum SnapshotTables {
    typealias One<R> = @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> R

    /// The `count` records of one kind's part (`World.writeSnapshot`).
    static func records<R: Identifiable<String> & Sendable>(
        _ kind: RecordKind, count: Int, _ one: @escaping One<R>
    ) -> @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> [String: R] {
        { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> [String: R] in
            var table: [String: R] = [:]
            table.reserveCapacity(count)
            for _ in 0..<count {
                guard try r.word(in: RecordSnapshot.kinds) == kind else { throw SnapshotReader.Damaged(at: r.offset) }
                let record = try one(&r)
                table[record.id] = consume record
            }
            guard table.count == count else { throw SnapshotReader.Damaged(at: r.offset) }
            return table
        }
    }

    /// A kind's records and its groups of the per-cluster index.
    struct Grouped<R: Sendable>: Sendable {
        var records: [String: R] = [:]
        var groups: [String: [String]] = [:]
    }

    /// A kind written as its groups: each group's ids kept as they come, and the group's id
    /// shared by its records (one string a cluster, not one a checkpoint).
    static func grouped<R: Identifiable<String> & Sendable>(
        _ kind: RecordKind, count: Int, group: @escaping @Sendable (R) -> String,
        setGroup: @escaping @Sendable (inout R, String) -> Void, _ one: @escaping One<R>
    ) -> @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> Grouped<R> {
        { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Grouped<R> in
            var all = Grouped<R>()
            all.records.reserveCapacity(count)
            _ = try groups(
                kind, count: count, group: group, setGroup: setGroup, one, &r,
                begin: { n in
                    all.groups.reserveCapacity(n)
                    return true
                },
                record: { record in
                    all.records[record.id] = record
                    return true
                },
                ended: { key, ids in
                    all.groups[key] = ids
                    return true
                })
            guard all.records.count == count else { throw SnapshotReader.Damaged(at: r.offset) }
            return all
        }
    }

    /// A grouped part's groups as they lie, each record after a group's first given the
    /// group's id: `begin` is told how many groups, `record` each record, `ended` each group's
    /// id and record ids; any of them says false to stop (returned), and `record` nil for
    /// damage. A group that is empty or named twice, a record of another kind, or a count of
    /// records that does not add up is damage.
    static func groups<R: Identifiable<String> & Sendable>(
        _ kind: RecordKind, count: Int, group: (R) -> String, setGroup: (inout R, String) -> Void, _ one: One<R>,
        _ r: inout SnapshotReader, begin: (Int) -> Bool, record: (R) -> Bool?, ended: (String, [String]) -> Bool
    ) throws(SnapshotReader.Damaged) -> Bool {
        let n = try r.count()
        guard begin(n) else { return false }
        var named = Set<String>(minimumCapacity: n)
        var read = 0
        for _ in 0..<n {
            let size = try r.count()
            guard size > 0 else { throw SnapshotReader.Damaged(at: r.offset) }
            var ids: [String] = []
            ids.reserveCapacity(size)
            var key = ""
            for i in 0..<size {
                guard try r.word(in: RecordSnapshot.kinds) == kind else { throw SnapshotReader.Damaged(at: r.offset) }
                var next = try one(&r)
                if i == 0 {
                    key = group(next)
                } else {
                    // Written from an index the world keeps current: its groups are checked
                    // against the records in debug builds (the tests), taken as they are here.
                    assert(group(next) == key, "a snapshot's group holds a record of another group")
                    setGroup(&next, key)
                }
                ids.append(next.id)
                guard let goOn = record(next) else { throw SnapshotReader.Damaged(at: r.offset) }
                guard goOn else { return false }
            }
            guard named.insert(key).inserted else { throw SnapshotReader.Damaged(at: r.offset) }
            guard ended(key, ids) else { return false }
            read += size
        }
        guard read == count else { throw SnapshotReader.Damaged(at: r.offset) }
        return true
    }

    /// One of the few kinds kept as fields, taken out of its `Record`.
    static func few<R>(_ kind: RecordKind, _ take: @escaping @Sendable (Record) -> R?) -> One<R> {
        { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> R in
            let at = r.offset
            guard let x = take(try RecordSnapshot.byFields(kind, &r)) else { throw SnapshotReader.Damaged(at: at) }
            return x
        }
    }
}

/// The same reads, each record compared with a world's as it is read and none kept: how
/// `cairn check` compares a national store's snapshot with the world its journals fold, in
/// the memory of one record rather than of a whole kind. An id or group found twice is
/// damage, as it is to the read that keeps them.
extension SnapshotTables {
    /// `grouped`'s read, compared with the records and with the per-cluster index's groups.
    static func match<R: Identifiable<String> & Sendable & Equatable>(
        _ kind: RecordKind, count: Int, group: (R) -> String, setGroup: (inout R, String) -> Void, _ one: One<R>,
        _ table: RecordTable<R>, groups: RecordTable<[String]>, _ r: inout SnapshotReader
    ) throws(SnapshotReader.Damaged) -> Bool {
        guard table.count == count else { return false }
        var seen = Set<String>(minimumCapacity: count)
        return try Self.groups(
            kind, count: count, group: group, setGroup: setGroup, one, &r, begin: { $0 == groups.count },
            record: { record in seen.insert(record.id).inserted ? table[record.id] == record : nil },
            ended: { key, ids in groups[key] == ids })
    }

    /// A part read as keys and values: a kind's records by id (read with their kind's word),
    /// or what the fold keeps beside them.
    static func match<V: Sendable & Equatable>(
        count: Int, _ one: (inout SnapshotReader) throws(SnapshotReader.Damaged) -> (key: String, value: V), _ table: RecordTable<V>,
        _ r: inout SnapshotReader
    ) throws(SnapshotReader.Damaged) -> Bool {
        guard table.count == count else { return false }
        var seen = Set<String>(minimumCapacity: count)
        for _ in 0..<count {
            let (key, value) = try one(&r)
            guard seen.insert(key).inserted else { throw SnapshotReader.Damaged(at: r.offset) }
            guard table[key] == value else { return false }
        }
        return true
    }
}
