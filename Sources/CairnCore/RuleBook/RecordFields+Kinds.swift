/// Which fields each kind of record has, named as the JSON export names them.
extension RecordFields {
    static let schoolFields: [Field] = [
        text("name", \School.name, school), optionalText("officialId", \School.officialId, school),
        field(
            "phases", "phases separated by commas, from \(Phase.wordList)", school,
            get: { $0.phases.map(\.rawValue).joined(separator: ",") },
            set: { (s: inout School, v: String, _: Day) throws(InputError) in
                var phases: [Phase] = []
                for word in v.split(separator: ",") { phases.append(try Phase.parse(String(word), field: "phase")) }
                s.phases = phases
            }),
        text("municipality", \School.municipality, school), text("contactPerson", \School.contactPerson, school),
        text("email", \School.email, school), text("phone", \School.phone, school), text("notes", \School.notes, school),
    ]

    static let agencyFields: [Field] = [
        text("name", \Agency.name, agency), word("sector", \Agency.sector, agency), word("level", \Agency.level, agency),
        text("contactPerson", \Agency.contactPerson, agency), text("email", \Agency.email, agency),
        text("phone", \Agency.phone, agency), text("notes", \Agency.notes, agency),
    ]

    static let clusterFields: [Field] = [
        text("name", \Cluster.name, cluster), optionalText("officialId", \Cluster.officialId, cluster),
        word("kind", \Cluster.kind, cluster), optionalWord("formality", \Cluster.formality, cluster),
        text("region", \Cluster.region, cluster), text("purpose", \Cluster.purpose, cluster),
        text("leadershipModel", \Cluster.leadershipModel, cluster), day("startedOn", \Cluster.startedOn, cluster),
        text("fundingSource", \Cluster.fundingSource, cluster), day("fundingEndsOn", \Cluster.fundingEndsOn, cluster),
        text("notes", \Cluster.notes, cluster),
    ]

    static let membershipFields: [Field] = [
        text("role", \Membership.role, membership), text("responsibilities", \Membership.responsibilities, membership),
        field(
            "lead", "yes or no (true, false)", membership, get: { $0.lead ? "yes" : "no" },
            set: {
                (m: inout Membership, v: String, _: Day) throws(InputError) in
                switch v.lowercased() {
                case "yes", "true", "y", "1": m.lead = true
                case "no", "false", "n", "0", "": m.lead = false
                default: throw InputError("“\(v)” is neither yes nor no")
                }
            }),
    ]

    static let checkpointFields: [Field] = [
        text("cluster", \Checkpoint.cluster, checkpoint), text("title", \Checkpoint.title, checkpoint),
        requiredDay("due", \Checkpoint.due, checkpoint), optionalText("concerns", \Checkpoint.concerns, checkpoint),
        optionalText("evidence", \Checkpoint.evidence, checkpoint), optionalText("goal", \Checkpoint.goal, checkpoint),
        // A correction of when it was done; ticking and reopening are their own commands.
        field(
            "doneOn", "YYYY-MM-DD, yesterday or -3d, on a ticked checkpoint", checkpoint, get: { $0.doneOn?.description ?? "" },
            set: {
                (c: inout Checkpoint, v: String, today: Day) throws(InputError) in
                guard c.isDone else { throw InputError("“\(c.title)” is not ticked: tick it (cairn tick --on DATE)") }
                if v.isEmpty { throw InputError("a ticked checkpoint keeps its day: reopen it instead (cairn reopen)") }
                c.doneOn = try DayInput.parse(v, today: today)
            }),
    ]

    static let goalFields: [Field] = [
        text("statement", \Goal.statement, goal), text("indicator", \Goal.indicator, goal), text("unit", \Goal.unit, goal),
        number("baseline", \Goal.baseline, goal), day("baselineDate", \Goal.baselineDate, goal),
        number("target", \Goal.target, goal), day("deadline", \Goal.deadline, goal), word("priority", \Goal.priority, goal),
        word("direction", \Goal.direction, goal), optionalText("owner", \Goal.owner, goal),
    ]

    static let measurementFields: [Field] = [
        field(
            "value", "a number (12.5 or 12,5)", measurement, get: { World.number($0.value) },
            set: {
                (m: inout Measurement, v: String, _: Day) throws(InputError) in
                guard let value = try NumberInput.parse(v) else { throw InputError("a value is required") }
                m.value = value
            }),
        requiredDay("date", \Measurement.date, measurement), text("source", \Measurement.source, measurement),
    ]

    static let actionFields: [Field] = [
        text("description", \Action.description, action), optionalText("goal", \Action.goal, action),
        optionalText("responsible", \Action.responsible, action), word("class", \Action.actionClass, action),
        day("start", \Action.start, action), day("due", \Action.due, action), word("status", \Action.status, action),
        text("note", \Action.note, action),
    ]

    static let agreementFields: [Field] = [
        field(
            "meetingsPerYear", "a whole number from 1 to 52", agreement, get: { "\($0.meetingsPerYear)" },
            set: {
                (a: inout Agreement, v: String, _: Day) throws(InputError) in
                guard let n = Int(v.trimmingCharacters(in: .whitespaces)) else { throw InputError("“\(v)” is not a whole number") }
                a.meetingsPerYear = n
            }),
        text("reporting", \Agreement.reporting, agreement), text("evaluation", \Agreement.evaluation, agreement),
        requiredDay("periodStart", \Agreement.periodStart, agreement), requiredDay("periodEnd", \Agreement.periodEnd, agreement),
    ]

    static let assessmentFields: [Field] =
        [requiredDay("date", \Assessment.date, assessment)]
        + HealthItem.allCases.map { item in
            field(
                item.rawValue, "a rating from 1 (fragile) to 4 (solid), or nothing", assessment,
                get: { $0.rating(item).map(String.init) ?? "" }
            ) {
                (a: inout Assessment, v: String, _: Day) throws(InputError) in
                if v.isEmpty {
                    a.ratings[item.rawValue] = nil
                } else if let r = Int(v) {
                    a.ratings[item.rawValue] = r
                } else {
                    throw InputError("“\(v)” is not a rating")
                }
            }
        }
}
