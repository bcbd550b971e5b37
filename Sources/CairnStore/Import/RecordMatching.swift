import CairnCore

/// How a row without an official id finds the record it is: only one whose folded name and
/// municipality are both the row's, and each record at most once in a file, so that two rows
/// of one file are never folded into one record. Indexed by that key: linear in the rows.
struct NameMatcher<R> {
    private var byKey: [String: [R]]
    private var taken = Set<String>()
    private let id: (R) -> String
    /// Every record by its folded name alone, to tell a person of a likely twin elsewhere.
    private let byName: [String: [R]]

    init(_ records: some Sequence<R>, name: (R) -> String, place: (R) -> String, id: @escaping (R) -> String) {
        self.id = id
        byKey = Dictionary(grouping: records) { Self.key(name($0), place($0)) }.mapValues { $0.sorted { id($0) < id($1) } }
        byName = Dictionary(grouping: records) { Self.fold(name($0)) }.mapValues { $0.sorted { id($0) < id($1) } }
    }

    static func fold(_ text: String) -> String { String(decoding: Text.folded(Text.clean(text)), as: UTF8.self) }
    static func key(_ name: String, _ place: String) -> String { fold(name) + "\u{1F}" + fold(place) }

    /// The record this row is, or nil for a new one. Of several, the one the row leaves as it
    /// is (so a second import of the file changes nothing), else the lowest id.
    mutating func take(name: String, place: String, unchanged: (R) -> Bool) -> R? {
        let free = (byKey[Self.key(name, place)] ?? []).filter { !taken.contains(id($0)) }
        guard let pick = free.first(where: unchanged) ?? free.first else { return nil }
        taken.insert(id(pick))
        return pick
    }

    /// Records already here with this folded name, whatever their place.
    func named(_ name: String) -> [R] { byName[Self.fold(name)] ?? [] }
}
