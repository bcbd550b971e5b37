/// A table of values by id, as the world keeps each kind of record (and what it derives from
/// them): those a snapshot holds, read only when first asked for, with the changes made since
/// laid over them. A command that asks for one school never reads the checkpoints, and a copy
/// of the world (a rule book's scratch) shares everything until it changes one record.
///
/// Without a snapshot under it (a fold from the journals, a new world) it is a plain
/// dictionary: the changes are the whole table.
public struct RecordTable<Value: Sendable>: Sendable {
    /// What a snapshot held, shared by every copy; nil when the table was built by changes alone.
    private var stored: (any StoredValues<Value>)?
    /// Values put since the snapshot, or all of them when there is none.
    private var changed: [String: Value] = [:]
    /// Ids the snapshot holds that were removed since (a later put takes them out of here).
    private var removed: Set<String> = []
    /// How many more values than the snapshot's part holds.
    private var added = 0

    public var count: Int { (stored?.count ?? 0) + added }

    public init() {}

    /// A table over a snapshot's part, nothing of it read yet.
    package init(stored: some StoredValues<Value>) {
        self.stored = stored
    }

    public init(_ values: [String: Value]) {
        changed = values
        added = values.count
    }

    public var isEmpty: Bool { count == 0 }

    public subscript(id: String) -> Value? {
        get {
            if let value = changed[id] { return value }
            guard let stored, !removed.contains(id) else { return nil }
            return stored.value(id)
        }
        set {
            if let newValue { updateValue(newValue, forKey: id) } else { removeValue(forKey: id) }
        }
    }

    public subscript(id: String, default value: @autoclosure () -> Value) -> Value {
        get { self[id] ?? value() }
        set { self[id] = newValue }
    }

    /// Sets the value; returns the one it replaced.
    @discardableResult
    public mutating func updateValue(_ value: Value, forKey id: String) -> Value? {
        // One hash of the id when it was put before: a full read puts each record again at
        // every one of its edits.
        if let was = changed.updateValue(value, forKey: id) { return was }
        var was: Value?
        if let stored, removed.remove(id) == nil { was = stored.value(id) }
        if was == nil { added += 1 }
        return was
    }

    /// Takes the value out; returns it.
    @discardableResult
    public mutating func removeValue(forKey id: String) -> Value? {
        guard let was = self[id] else { return nil }
        changed[id] = nil
        if let stored, stored.value(id) != nil { removed.insert(id) }
        added -= 1
        return was
    }

    public mutating func reserveCapacity(_ n: Int) { changed.reserveCapacity(n) }

    /// Every value, in no particular order.
    public var values: Values { Values(table: self) }

    /// Every id, in no particular order.
    public var keys: LazyMapSequence<Values.Pairs, String> { Values.Pairs(table: self).lazy.map(\.key) }

    /// Every id with its value.
    public var pairs: Values.Pairs { Values.Pairs(table: self) }

    /// The whole table as a dictionary (every part of a snapshot's read).
    public var dictionary: [String: Value] {
        guard let stored else { return changed }
        // Shared, not copied, when nothing was changed since.
        if changed.isEmpty, removed.isEmpty { return stored.values }
        var all = stored.values
        for id in removed { all[id] = nil }
        all.merge(changed) { _, new in new }
        return all
    }

    /// The values changed since the snapshot (every value, when there is none).
    public var changedValues: Dictionary<String, Value>.Values { changed.values }

    /// Whether the value of `id` was changed or removed since the snapshot: what the snapshot
    /// holds of it is no longer the world's.
    public func isChanged(_ id: String) -> Bool { changed[id] != nil || removed.contains(id) }

    /// Each id changed or removed since the snapshot, with what the snapshot held of it (nil:
    /// one it did not hold); nil when there is no snapshot under the table.
    package var changesSinceStored: [(id: String, stored: Value?)]? {
        guard let stored else { return nil }
        return (Array(changed.keys) + removed).map { ($0, stored.value($0)) }
    }

    /// Whether `ids` name each value the snapshot holds exactly once (as `holdsEachOnce` tells
    /// it, from the part's keys); false when there is no snapshot under the table.
    package func namesEachStoredOnce(_ ids: [String]) -> Bool {
        guard let stored else { return false }
        return ids.count == stored.count && stored.holdsEachOnce(ids)
    }

    /// Whether this table is `world`'s, told from the snapshot's part one value at a time
    /// (`StoredValues.matchOneByOne`); nil when it cannot be told so: nothing under it, or
    /// changed since.
    package func matchesOneByOne(_ world: World) -> Bool? {
        guard let stored, isAsStored else { return nil }
        return stored.matchOneByOne(world)
    }

    /// Whether a snapshot's part lies under this table and nothing was changed since.
    package var isAsStored: Bool { stored != nil && changed.isEmpty && removed.isEmpty }

    /// Whether the snapshot's part has been read (for tests of what a command reads).
    package var isRead: Bool { stored?.isRead ?? true }

    public struct Values: Sequence, Sendable {
        let table: RecordTable

        public func makeIterator() -> LazyMapSequence<Pairs, Value>.Iterator { Pairs(table: table).lazy.map(\.value).makeIterator() }

        public var count: Int { table.count }
        public var isEmpty: Bool { table.count == 0 }

        /// One of the values, as a dictionary's `values.first` gives.
        public var first: Value? {
            var all = makeIterator()
            return all.next()
        }

        /// Each value with its id: the snapshot's (those not changed or removed since), then the changed.
        public struct Pairs: Sequence, Sendable {
            let table: RecordTable

            public func makeIterator() -> Iterator {
                Iterator(
                    stored: table.stored.map { $0.values.makeIterator() }, changed: table.changed.makeIterator(), overlaid: table.changed,
                    removed: table.removed)
            }

            public struct Iterator: IteratorProtocol {
                var stored: Dictionary<String, Value>.Iterator?
                var changed: Dictionary<String, Value>.Iterator
                let overlaid: [String: Value]
                let removed: Set<String>

                public mutating func next() -> (key: String, value: Value)? {
                    while let pair = stored?.next() {
                        if overlaid[pair.key] == nil, !removed.contains(pair.key) { return pair }
                    }
                    stored = nil
                    return changed.next()
                }
            }
        }
    }
}

extension RecordTable: Equatable where Value: Equatable {
    public static func == (a: RecordTable, b: RecordTable) -> Bool {
        a.count == b.count && a.dictionary == b.dictionary
    }

    public static func == (a: RecordTable, b: [String: Value]) -> Bool { a.dictionary == b }
}

extension RecordTable: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }
}

/// Values a table lies over, read whole the first time any is asked for (a snapshot's part:
/// the store reads it, on whichever thread asks first): a value every copy of the world shares
/// and none changes.
public protocol StoredValues<Value>: Sendable {
    associatedtype Value: Sendable
    /// How many values there are: known before they are read when the part says.
    var count: Int { get }
    /// Every value by id, read if not yet.
    var values: [String: Value] { get }
    /// The value of one id, read alone if the others are not yet.
    func value(_ id: String) -> Value?
    /// Whether they have been read.
    var isRead: Bool { get }
    /// Whether each of `ids` is among them and none is named twice, told without reading them when it can be.
    func holdsEachOnce(_ ids: [String]) -> Bool
    /// Whether they are `world`'s values of the table they lie under, told by going through
    /// them one at a time and keeping none (a check of a national store); nil when it cannot
    /// be told so (they are read already, or their bytes are damaged): they are compared whole.
    func matchOneByOne(_ world: World) -> Bool?
}

extension StoredValues {
    public func matchOneByOne(_ world: World) -> Bool? { nil }

    public func holdsEachOnce(_ ids: [String]) -> Bool {
        let all = values
        return Set(ids).count == ids.count && ids.allSatisfy { all[$0] != nil }
    }
}
