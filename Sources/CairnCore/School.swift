/// A school as its national register knows it.
public struct School: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    /// The register's identifier (England's URN, Portugal's school code); unique when present.
    public var officialId: String?
    public var name: String
    /// Kept sorted and without repeats.
    public var phases: [Phase]
    public var municipality: String
    public var contactPerson: String
    public var email: String
    public var phone: String
    public var notes: String

    public init(
        id: String = RecordID.make(.school), officialId: String? = nil, name: String, phases: [Phase] = [],
        municipality: String = "", contactPerson: String = "", email: String = "", phone: String = "", notes: String = ""
    ) {
        self.id = id
        self.officialId = officialId
        self.name = name
        self.phases = phases
        self.municipality = municipality
        self.contactPerson = contactPerson
        self.email = email
        self.phone = phone
        self.notes = notes
    }

    /// Text tidied for storage: NFC, no stray spaces, phases sorted, an empty official id as none.
    public func normalized() -> School {
        var s = self
        s.name = Text.clean(name)
        s.officialId = officialId.map(Text.clean).flatMap { $0.isEmpty ? nil : $0 }
        s.phases = Array(Set(phases)).sorted()
        s.municipality = Text.clean(municipality)
        s.contactPerson = Text.clean(contactPerson)
        s.email = Text.clean(email)
        s.phone = Text.clean(phone)
        s.notes = Text.cleanMultiline(notes)
        return s
    }
}
