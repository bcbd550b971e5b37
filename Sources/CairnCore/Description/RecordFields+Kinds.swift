/// Which fields each kind of record has, named as the journal and the JSON export name them:
/// first those `cairn edit` sets, in export order, then those set by their own doors.
extension RecordFields {
    static let schoolFields: [Field] = [
        field("name", school, \School.name, text()), field("officialId", school, \School.officialId, optionalText()),
        field("phases", school, \School.phases, words("phases")), field("municipality", school, \School.municipality, text()),
        field("contactPerson", school, \School.contactPerson, text()), field("email", school, \School.email, text(), label: "E-mail"),
        field("phone", school, \School.phone, text()), field("notes", school, \School.notes, text(), long: true),
    ]

    static let agencyFields: [Field] = [
        field("name", agency, \Agency.name, text()), field("sector", agency, \Agency.sector, word("sector")),
        field("level", agency, \Agency.level, word("level")), field("contactPerson", agency, \Agency.contactPerson, text()),
        field("email", agency, \Agency.email, text(), label: "E-mail"), field("phone", agency, \Agency.phone, text()),
        field("notes", agency, \Agency.notes, text(), long: true),
    ]

    static let clusterFields: [Field] = [
        field("name", cluster, \Cluster.name, text()), field("officialId", cluster, \Cluster.officialId, optionalText()),
        field("kind", cluster, \Cluster.kind, word("kind")), field("formality", cluster, \Cluster.formality, optionalWord("formality")),
        field("region", cluster, \Cluster.region, text()), field("purpose", cluster, \Cluster.purpose, text(), long: true),
        field("leadershipModel", cluster, \Cluster.leadershipModel, text()), field("startedOn", cluster, \Cluster.startedOn, day()),
        field("fundingSource", cluster, \Cluster.fundingSource, text()),
        field("fundingEndsOn", cluster, \Cluster.fundingEndsOn, day()), field("notes", cluster, \Cluster.notes, text(), long: true),
    ]

    static let membershipFields: [Field] = [
        field("role", membership, \Membership.role, text()),
        field("responsibilities", membership, \Membership.responsibilities, text()),
        field("lead", membership, \Membership.lead, flag()),
        field("cluster", membership, \Membership.cluster, fixed(text()), editable: false),
        field("memberType", membership, \Membership.memberType, fixed(word("memberType")), editable: false),
        field("memberId", membership, \Membership.memberId, fixed(text()), editable: false),
    ]

    /// A correction of when it was done; ticking and reopening are their own commands.
    static func doneOn() -> Shape<Checkpoint, Day?> {
        var shape: Shape<Checkpoint, Day?> = day()
        shape.accepts = "YYYY-MM-DD, yesterday or -3d, on a ticked checkpoint"
        shape.fromText = { (v: String, today: Day, c: Checkpoint) throws(InputError) -> Day? in
            guard c.isDone else { throw InputError("“\(c.title)” is not ticked: tick it (cairn tick --on DATE)") }
            if v.isEmpty { throw InputError("a ticked checkpoint keeps its day: reopen it instead (cairn reopen)") }
            return try DayInput.parse(v, today: today)
        }
        return shape
    }

    static let checkpointFields: [Field] = [
        field("cluster", checkpoint, \Checkpoint.cluster, text()), field("title", checkpoint, \Checkpoint.title, text()),
        field("due", checkpoint, \Checkpoint.due, requiredDay()), field("concerns", checkpoint, \Checkpoint.concerns, optionalText()),
        field("evidence", checkpoint, \Checkpoint.evidence, optionalText()),
        field("goal", checkpoint, \Checkpoint.goal, optionalText()), field("doneOn", checkpoint, \Checkpoint.doneOn, doneOn()),
        field("agreement", checkpoint, \Checkpoint.agreement, fixed(optionalText()), editable: false),
        field("doneBy", checkpoint, \Checkpoint.doneBy, fixed(optionalText()), editable: false),
    ]

    static let goalFields: [Field] = [
        field("statement", goal, \Goal.statement, text()), field("indicator", goal, \Goal.indicator, text()),
        field("unit", goal, \Goal.unit, text()), field("baseline", goal, \Goal.baseline, number()),
        field("baselineDate", goal, \Goal.baselineDate, day()), field("target", goal, \Goal.target, number()),
        field("deadline", goal, \Goal.deadline, day()), field("priority", goal, \Goal.priority, word("priority")),
        field("direction", goal, \Goal.direction, word("direction")), field("owner", goal, \Goal.owner, optionalText()),
        field("cluster", goal, \Goal.cluster, fixed(text()), editable: false),
    ]

    static let measurementFields: [Field] = [
        field("value", measurement, \Measurement.value, requiredNumber()),
        field("date", measurement, \Measurement.date, requiredDay()), field("source", measurement, \Measurement.source, text()),
        field("goal", measurement, \Measurement.goal, fixed(text()), editable: false),
        field("by", measurement, \Measurement.by, fixed(text()), editable: false),
        field("ticked", measurement, \Measurement.ticked, fixed(optionalText()), editable: false),
    ]

    static let actionFields: [Field] = [
        field("description", action, \Action.description, text()), field("goal", action, \Action.goal, optionalText()),
        field("responsible", action, \Action.responsible, optionalText()),
        field("class", action, \Action.actionClass, word("class")), field("start", action, \Action.start, day()),
        field("due", action, \Action.due, day()), field("status", action, \Action.status, word("status")),
        field("note", action, \Action.note, text()), field("cluster", action, \Action.cluster, fixed(text()), editable: false),
    ]

    static let agreementFields: [Field] = [
        field("meetingsPerYear", agreement, \Agreement.meetingsPerYear, wholeNumber("a whole number from 1 to 52")),
        field("reporting", agreement, \Agreement.reporting, text()), field("evaluation", agreement, \Agreement.evaluation, text()),
        field("periodStart", agreement, \Agreement.periodStart, requiredDay()),
        field("periodEnd", agreement, \Agreement.periodEnd, requiredDay()),
        field("cluster", agreement, \Agreement.cluster, fixed(text()), editable: false),
    ]

    static let assessmentFields: [Field] =
        [field("date", assessment, \Assessment.date, requiredDay())] + HealthItem.allCases.map(rating)
        + [
            field("cluster", assessment, \Assessment.cluster, fixed(text()), editable: false),
            field("by", assessment, \Assessment.by, fixed(text()), editable: false),
            field(
                "ratings", assessment, \Assessment.ratings,
                map(of: { v -> Int? in
                    guard case .number(let x) = v, x == x.rounded(), abs(x) < 1e15 else { return nil }
                    return Int(x)
                }) { .number(Double($0)) }, editable: false),
            field(
                "notes", assessment, \Assessment.notes, map(of: { if case .string(let x) = $0 { x } else { nil } }) { .string($0) },
                editable: false),
        ]

    /// One item's rating on a health check, which `cairn edit` sets as a field of its own.
    static func rating(_ item: HealthItem) -> Field {
        Field(
            name: item.rawValue, label: item.label, input: .choice(["", "1", "2", "3", "4"]), hint: "",
            accepts: "a rating from 1 (fragile) to 4 (solid), or nothing", editable: true, inJSON: false,
            json: { _ in .null }, setJSON: { _, _ in false },
            text: { record in assessment.extract(record)?.rating(item).map(String.init) ?? "" },
            setText: { (record: inout Record, v: String, _: Day) throws(InputError) in
                guard var a = assessment.extract(record) else { return }
                if v.isEmpty {
                    a.ratings[item.rawValue] = nil
                } else if let r = Int(v) {
                    a.ratings[item.rawValue] = r
                } else {
                    throw InputError("“\(v)” is not a rating")
                }
                record = assessment.wrap(a)
            })
    }
}
