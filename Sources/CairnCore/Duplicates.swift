import CairnWords

/// A school or agency that looks like one already in the store: the same name (case- and
/// accent-blind) in the same municipality, as a clerk who presses Enter twice makes. Official
/// ids are kept unique by the rules; this catches the records that have none.
extension World {
    public func likelyDuplicate(of record: Record) -> Record? {
        switch record {
        case .school(let s):
            let (name, town) = (Text.folded(Text.clean(s.name)), Text.folded(Text.clean(s.municipality)))
            return schools.values.filter { $0.id != s.id && Text.folded($0.name) == name && Text.folded($0.municipality) == town }
                .min { $0.id < $1.id }.map(Record.school)
        case .agency(let a):
            let name = Text.folded(Text.clean(a.name))
            return agencies.values.filter { $0.id != a.id && Text.folded($0.name) == name }.min { $0.id < $1.id }.map(Record.agency)
        default:
            return nil
        }
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
