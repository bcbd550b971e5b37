/// The schools and agencies in name order, as lists show them: taken from the order the
/// snapshot keeps (`nameKeys`), with only the records changed since placed anew, rather than
/// 25,000 names folded and sorted whenever a tab opens.
extension World {
    /// The key under which the name index keeps `kind`'s ids in `alphabet`'s order.
    package static func orderKey(_ kind: RecordKind, _ alphabet: Alphabet) -> String { "n\u{0}\(kind.rawValue)\u{0}\(alphabet.tag)" }

    /// The schools as `alphabet`'s readers look them up (`NameOrder.shown`, ties by id).
    public func schoolsShown(in alphabet: Alphabet = .session) -> [School] { shown(schools, .school, by: \.name, in: alphabet) }

    /// The agencies as `alphabet`'s readers look them up (`NameOrder.shown`, ties by id).
    public func agenciesShown(in alphabet: Alphabet = .session) -> [Agency] { shown(agencies, .agency, by: \.name, in: alphabet) }

    /// The ids of `schoolsShown`, in its order, with no school read that did not change since
    /// the snapshot: a list that makes only the rows it shows lays itself over them.
    public func schoolIDsShown(in alphabet: Alphabet = .session) -> [String] { shownIDs(schools, .school, by: \.name, in: alphabet) }

    /// The ids of `agenciesShown`, in its order (see `schoolIDsShown`).
    public func agencyIDsShown(in alphabet: Alphabet = .session) -> [String] { shownIDs(agencies, .agency, by: \.name, in: alphabet) }

    /// Every record of `table` folded and sorted, whatever the snapshot kept.
    func shownInFull<R: Identifiable<String>>(_ table: RecordTable<R>, by name: (R) -> String, in alphabet: Alphabet) -> [R] {
        NameOrder.shown(table.values, by: name, id: \.id, in: alphabet)
    }

    private func shown<R: Identifiable<String>>(
        _ table: RecordTable<R>, _ kind: RecordKind, by name: (R) -> String, in alphabet: Alphabet
    ) -> [R] {
        let ids = shownIDs(table, kind, by: name, in: alphabet)
        // Every record is listed: the part read whole once, not looked up one by one.
        let records = table.dictionary
        let listed = ids.compactMap { records[$0] }
        // An id of no record (a kept order forged, or two ids of one hash) lists every record anew.
        return listed.count == table.count ? listed : shownInFull(table, by: name, in: alphabet)
    }

    /// `shown`'s ids, the unchanged records' taken from the stored order when it names each
    /// record the snapshot holds once (checked once per snapshot, without reading them), the
    /// changed ones placed by name; every record read and sorted otherwise.
    private func shownIDs<R: Identifiable<String>>(
        _ table: RecordTable<R>, _ kind: RecordKind, by name: (R) -> String, in alphabet: Alphabet
    ) -> [String] {
        guard let changes = table.changesSinceStored, let order = trustedOrder(table, Self.orderKey(kind, alphabet)) else {
            return shownInFull(table, by: name, in: alphabet).map(\.id)
        }
        guard !changes.isEmpty else { return order }
        let changed = Set(changes.map(\.id))
        let kept = order.filter { !changed.contains($0) }
        let placed = NameOrder.shown(changes.compactMap { table[$0.id] }, by: name, id: \.id, in: alphabet)
        guard kept.count + placed.count == table.count else { return shownInFull(table, by: name, in: alphabet).map(\.id) }
        guard !placed.isEmpty else { return kept }
        // Each placed record goes where a binary search of the kept ones puts it; a kept one
        // is read to be compared, a few dozen for each.
        var places: [Int: NameOrder.Place] = [:]
        func place(_ k: Int) -> NameOrder.Place {
            if let known = places[k] { return known }
            let p =
                table[kept[k]].map { NameOrder.Place(name($0), id: $0.id, in: alphabet) } ?? NameOrder.Place("", id: kept[k], in: alphabet)
            places[k] = p
            return p
        }
        var all: [String] = []
        all.reserveCapacity(table.count)
        var from = 0
        for r in placed {
            let here = NameOrder.Place(name(r), id: r.id, in: alphabet)
            var (low, high) = (from, kept.count)
            while low < high {
                let mid = (low + high) / 2
                if place(mid).precedes(here) { low = mid + 1 } else { high = mid }
            }
            all += kept[from..<low]
            all.append(r.id)
            from = low
        }
        all += kept[from...]
        return all
    }

    /// The order the snapshot kept under `key`, when it names each of `table`'s stored records
    /// once; nil otherwise, or with no snapshot.
    private func trustedOrder<R>(_ table: RecordTable<R>, _ key: String) -> [String]? {
        func checked() -> [String]? {
            guard let order = nameIndex.table[key], table.namesEachStoredOnce(order) else { return nil }
            return order
        }
        // An order set since the snapshot is not the one checked for it; once the records are
        // read (perhaps from the journals, the part found damaged), they are what it must name.
        guard let trusted = nameIndex.trusted, !nameIndex.table.isChanged(key), !table.isRead else { return checked() }
        return trusted.order(key, checked)
    }

    /// Checks the orders the snapshot kept of the schools and the agencies in `alphabet`, so
    /// that the first list to show them need not (done on another thread while a start draws).
    public func trustNameOrders(in alphabet: Alphabet) {
        _ = trustedOrder(schools, Self.orderKey(.school, alphabet))
        _ = trustedOrder(agencies, Self.orderKey(.agency, alphabet))
    }
}
