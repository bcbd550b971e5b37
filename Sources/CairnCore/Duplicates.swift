import CairnWords

/// A school or agency that looks like one already in the store: the same name (case- and
/// accent-blind) in the same municipality, as a clerk who presses Enter twice makes. Official
/// ids are kept unique by the rules; this catches the records that have none.
extension World {
    public func likelyDuplicate(of record: Record) -> Record? {
        switch record {
        case .school(let s):
            let (name, town) = (Text.folded(Text.clean(s.name)), Text.folded(Text.clean(s.municipality)))
            let key = Self.nameKey(school: Text.clean(s.name), in: Text.clean(s.municipality))
            return candidates(key, in: schools) { Self.nameKey(school: $0.name, in: $0.municipality) }
                .filter { $0.id != s.id && Text.folded($0.name) == name && Text.folded($0.municipality) == town }.min { $0.id < $1.id }.map(
                    Record.school)
        case .agency(let a):
            let name = Text.folded(Text.clean(a.name))
            return candidates(Self.nameKey(agency: Text.clean(a.name)), in: agencies) { Self.nameKey(agency: $0.name) }
                .filter { $0.id != a.id && Text.folded($0.name) == name }.min { $0.id < $1.id }.map(Record.agency)
        default:
            return nil
        }
    }

    /// The records whose name key is `key`: those the snapshot's index names and that have not
    /// changed since, and those changed since (every record, in a world with no snapshot).
    func candidates<R>(_ key: String, in table: RecordTable<R>, keyed: (R) -> String?) -> [R] {
        var found = (nameIndex.table[key] ?? []).filter { !table.isChanged($0) }.compactMap { table[$0] }
        found += table.changedValues.filter { keyed($0) == key }
        return found
    }

    /// What two schools alike share: the name and municipality, case- and accent-blind.
    static func nameKey(school name: String, in municipality: String) -> String {
        String(decoding: Array("s\u{0}".utf8) + Text.folded(name) + [0] + Text.folded(municipality), as: UTF8.self)
    }

    /// What two agencies alike share: the name, case- and accent-blind.
    static func nameKey(agency name: String) -> String { String(decoding: Array("a\u{0}".utf8) + Text.folded(name), as: UTF8.self) }

    /// `nameKeys` as a table: what a damaged part of the index is read again from.
    package var nameKeysTable: RecordTable<[String]> { RecordTable(nameKeys) }

    /// A school's official id, as a key of the name index.
    static func officialKey(school official: String) -> String { "o\u{0}" + official }

    /// A cluster's official id, as a key of the name index.
    static func officialKey(cluster official: String) -> String { "c\u{0}" + official }

    /// The name index a snapshot keeps: the ids of the schools and agencies under each name
    /// key, and of the schools and clusters under each official id.
    package var nameKeys: [String: [String]] {
        var all: [String: [String]] = [:]
        for s in schools.values {
            all[Self.nameKey(school: s.name, in: s.municipality), default: []].append(s.id)
            if let o = s.officialId { all[Self.officialKey(school: o), default: []].append(s.id) }
        }
        for a in agencies.values { all[Self.nameKey(agency: a.name), default: []].append(a.id) }
        for c in clusters.values {
            if let o = c.officialId { all[Self.officialKey(cluster: o), default: []].append(c.id) }
        }
        // The name orders lists and exports show, in the one order and in this session's.
        for alphabet in Alphabet.session.isEmpty ? [Alphabet.plain] : [.plain, .session] {
            if !schools.isEmpty { all[Self.orderKey(.school, alphabet)] = shownInFull(schools, by: \.name, in: alphabet).map(\.id) }
            if !agencies.isEmpty { all[Self.orderKey(.agency, alphabet)] = shownInFull(agencies, by: \.name, in: alphabet).map(\.id) }
        }
        return all
    }

    /// "Escola Básica de São João in Óbidos is already a school (sch-…)", or nil.
    public func duplicateWarning(for record: Record) -> String? {
        guard let twin = likelyDuplicate(of: record) else { return nil }
        if case .school(let s) = twin, !s.municipality.isEmpty {
            return Words.say(
                "{record} in {municipality} is already here ({id})",
                ["record": describe(twin), "municipality": s.municipality, "id": twin.id])
        }
        return Words.say("{record} is already here ({id})", ["record": describe(twin), "id": twin.id])
    }
}

/// The name index of the snapshot a world was read from (`World.nameIndex`): a help to find
/// duplicates and official ids taken, not part of what the world holds, so two worlds compare
/// equal whatever theirs.
package struct NameIndex: Sendable, Equatable {
    package var table = RecordTable<[String]>()
    /// The orders of `table` found to name each record of the snapshot once, by key: told once
    /// for the snapshot (on any thread), and shared by every world read from it.
    package var trusted: (any CheckedOrders)?

    package init() {}

    package static func == (a: NameIndex, b: NameIndex) -> Bool { true }
}

/// Orders a snapshot keeps, each checked once against the records it holds, for every world
/// read from that snapshot: the store keeps them, shared between its threads.
package protocol CheckedOrders: Sendable {
    /// The order kept under `key`, checked by `check` the first time it is asked for (nil: it
    /// did not name each record once).
    func order(_ key: String, _ check: () -> [String]?) -> [String]?
}
