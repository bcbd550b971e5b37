/// Every kind of record, field by field: the one place that says which fields a kind has, by
/// the key the journal and the JSON export name each with, its type, and its part in the
/// record. The id comes first, then the fields in the order a form asks for them.
extension School: DescribedRecord {
    public static let blank = School(id: "", name: "")

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.text("name", &name)
        v.optionalText("officialId", &officialId, .code)
        v.words("phases", &phases, .repeats)
        v.text("municipality", &municipality, .repeats)
        v.text("contactPerson", &contactPerson)
        v.text("email", &email)
        v.text("phone", &phone)
        v.text("notes", &notes, .long)
    }
}

extension Agency: DescribedRecord {
    public static let blank = Agency(id: "", name: "", sector: .other)

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.text("name", &name)
        v.word("sector", &sector, .repeats)
        v.word("level", &level, .repeats)
        v.text("contactPerson", &contactPerson)
        v.text("email", &email)
        v.text("phone", &phone)
        v.text("notes", &notes, .long)
    }
}

extension Cluster: DescribedRecord {
    public static let blank = Cluster(id: "", name: "")

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.text("name", &name)
        v.optionalText("officialId", &officialId, .code)
        v.word("kind", &kind, .repeats)
        v.optionalWord("formality", &formality, [])
        v.optionalWord("level", &level, [])
        v.text("region", &region, .repeats)
        v.text("purpose", &purpose, .long)
        v.text("leadershipModel", &leadershipModel)
        v.day("startedOn", &startedOn)
        v.text("fundingSource", &fundingSource)
        v.day("fundingEndsOn", &fundingEndsOn)
        v.text("notes", &notes, .long)
    }
}

extension Membership: DescribedRecord {
    public static let blank = Membership(id: "", cluster: "", memberType: .school, memberId: "")

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.text("role", &role)
        v.text("responsibilities", &responsibilities)
        v.flag("lead", &lead, [])
        v.day("from", &from)
        v.day("to", &to, .fixed)
        v.text("cluster", &cluster, [.parent, .fixed])
        v.word("memberType", &memberType, .fixed)
        v.text("memberId", &memberId, .fixed)
    }
}

extension Checkpoint: DescribedRecord {
    public static let blank = Checkpoint(id: "", cluster: "", title: "", due: Day.unset)

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.text("cluster", &cluster, [.parent, .repeats])
        v.text("title", &title)
        v.requiredDay("due", &due)
        v.optionalText("concerns", &concerns)
        v.optionalText("evidence", &evidence)
        v.optionalText("goal", &goal, .repeats)
        v.day("doneOn", &doneOn)
        v.optionalText("agreement", &agreement, .fixed)
        v.optionalText("doneBy", &doneBy, .fixed)
    }
}

extension Goal: DescribedRecord {
    public static let blank = Goal(id: "", cluster: "", statement: "")

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.text("statement", &statement)
        v.text("indicator", &indicator)
        v.text("unit", &unit)
        v.number("baseline", &baseline)
        v.day("baselineDate", &baselineDate)
        v.number("target", &target)
        v.day("deadline", &deadline, .repeats)
        v.word("priority", &priority)
        v.word("direction", &direction)
        v.optionalText("owner", &owner, .repeats)
        v.optionalText("contributesTo", &contributesTo)
        v.text("cluster", &cluster, [.parent, .fixed])
    }
}

extension Measurement: DescribedRecord {
    public static let blank = Measurement(id: "", goal: "", value: 0, date: Day.unset, by: "")

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.requiredNumber("value", &value, [])
        v.requiredDay("date", &date)
        v.text("source", &source)
        v.text("goal", &goal, [.parent, .fixed])
        v.text("by", &by, .fixed)
        v.optionalText("ticked", &ticked, .fixed)
    }
}

extension Action: DescribedRecord {
    public static let blank = Action(id: "", cluster: "", description: "")

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.text("description", &description)
        v.optionalText("goal", &goal, .repeats)
        v.optionalText("responsible", &responsible)
        v.word("class", &actionClass, .repeats)
        v.day("start", &start)
        v.day("due", &due)
        v.word("status", &status)
        v.text("note", &note)
        v.text("cluster", &cluster, [.parent, .fixed])
    }
}

extension Agreement: DescribedRecord {
    public static let blank = Agreement(id: "", cluster: "", meetingsPerYear: 0, periodStart: Day.unset, periodEnd: Day.unset)

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.wholeNumber("meetingsPerYear", &meetingsPerYear, [])
        v.text("reporting", &reporting)
        v.text("evaluation", &evaluation)
        v.requiredDay("periodStart", &periodStart)
        v.requiredDay("periodEnd", &periodEnd)
        v.text("cluster", &cluster, [.parent, .fixed])
    }
}

extension Assessment: DescribedRecord {
    public static let blank = Assessment(id: "", cluster: "", date: Day.unset, by: "")

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.requiredDay("date", &date)
        v.ratings("ratings", &ratings, .fixed)
        v.text("cluster", &cluster, [.parent, .fixed])
        v.text("by", &by, .fixed)
        v.remarks("notes", &notes, .fixed)
    }
}

extension Link: DescribedRecord {
    public static let blank = Link(id: "", from: "", to: "", relation: .feeds)

    public mutating func visitFields(_ v: inout some FieldVisitor) {
        v.text("id", &id, .identity)
        v.words("phases", &phases, [])
        v.day("on", &on)
        v.optionalWord("how", &how, [])
        v.text("notes", &notes, .long)
        v.word("relation", &relation, .fixed)
        v.text("from", &from, [.parent, .fixed])
        v.text("to", &to, .fixed)
    }
}

extension Day {
    /// Where a reader starts a required day it has not read yet; a record left with it is
    /// refused for the day it lacks.
    public static let unset = Day(iso: "2000-01-01")!
}
