/// An organisation that is not a school and takes part in a cluster: a health service,
/// the municipality, an NGO, a university, a parents' body.
public struct Agency: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var sector: Sector
    public var level: Level
    public var contactPerson: String
    public var email: String
    public var phone: String
    public var notes: String

    public init(
        id: String = RecordID.make(.agency), name: String, sector: Sector, level: Level = .local,
        contactPerson: String = "", email: String = "", phone: String = "", notes: String = ""
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.level = level
        self.contactPerson = contactPerson
        self.email = email
        self.phone = phone
        self.notes = notes
    }

    public func normalized() -> Agency {
        var a = self
        a.name = Text.clean(name)
        a.contactPerson = Text.clean(contactPerson)
        a.email = Text.clean(email)
        a.phone = Text.clean(phone)
        a.notes = Text.cleanMultiline(notes)
        return a
    }
}
