import CairnCore

/// What submitting a form gives: the changes to commit, or the issues to show beside fields.
struct FormSubmission {
    var changes: [Change] = []
    var issues: [FieldIssue] = []
    /// A form to open next (a new school made from the member picker asks for its role).
    var next: FormState?
    /// What the status line says once saved.
    var summary = ""

    /// Reads the form's values into records, validated against `world`.
    static func submit(_ form: FormState, world: World, today: Day, user: String = "") -> FormSubmission {
        var result = FormSubmission()
        func date(_ key: String) -> Day? {
            let text = form.value(key)
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            do {
                return try DayInput.parse(text, today: today)
            } catch {
                result.issues.append(FieldIssue(key, error.message))
                return nil
            }
        }
        func text(_ key: String) -> String { form.value(key) }
        func optional(_ key: String) -> String? { text(key).isEmpty ? nil : text(key) }

        if case .meetings(let cluster) = form.purpose {
            let (changes, issues) = FrameworkForms.meetingChanges(from: form, cluster: cluster, today: today)
            result.issues = issues
            if issues.isEmpty {
                result.changes = changes
                result.summary = changes.isEmpty ? "No meetings created" : "Added \(changes.count) meeting checkpoints"
            }
            return result
        }
        let record: Record
        switch form.purpose {
        case .cluster(let id):
            var c = id.flatMap { world.clusters[$0] } ?? Cluster(name: "")
            c.name = text("name")
            c.officialId = optional("officialId")
            c.kind = ClusterKind(rawValue: text("kind")) ?? .cluster
            c.formality = Formality(rawValue: text("formality"))
            c.region = text("region")
            c.purpose = text("purpose")
            c.leadershipModel = text("leadershipModel")
            c.startedOn = date("startedOn")
            c.fundingSource = text("fundingSource")
            c.fundingEndsOn = date("fundingEndsOn")
            c.notes = text("notes")
            record = .cluster(c)
        case .school(let id, let join):
            var s = id.flatMap { world.schools[$0] } ?? School(name: "")
            s.name = text("name")
            s.officialId = optional("officialId")
            s.phases = form.field("phases")?.chosen.compactMap(Phase.init(rawValue:)) ?? []
            s.municipality = text("municipality")
            s.contactPerson = text("contactPerson")
            s.email = text("email")
            s.phone = text("phone")
            s.notes = text("notes")
            record = .school(s)
            if let join { result.next = RecordForms.member(nil, cluster: join, type: .school, memberId: s.id, name: s.name, world: world) }
        case .agency(let id, let join):
            var a = id.flatMap { world.agencies[$0] } ?? Agency(name: "", sector: .other)
            a.name = text("name")
            a.sector = Sector(rawValue: text("sector")) ?? .other
            a.level = Level(rawValue: text("level")) ?? .local
            a.contactPerson = text("contactPerson")
            a.email = text("email")
            a.phone = text("phone")
            a.notes = text("notes")
            record = .agency(a)
            if let join { result.next = RecordForms.member(nil, cluster: join, type: .agency, memberId: a.id, name: a.name, world: world) }
        case .checkpoint(let id, let cluster):
            var c = id.flatMap { world.checkpoints[$0] } ?? Checkpoint(cluster: cluster, title: "", due: today)
            if let chosen = form.field("cluster")?.value, !chosen.isEmpty { c.cluster = chosen }
            c.title = text("title")
            if text("due").trimmingCharacters(in: .whitespaces).isEmpty {
                result.issues.append(FieldIssue("due", "a due date is required: \(DayInput.hint)"))
            } else if let due = date("due") {
                c.due = due
            }
            if form.field("concerns") != nil { c.concerns = optional("concerns") }
            if form.field("goal") != nil { c.goal = optional("goal") }
            record = .checkpoint(c)
        case .meetings:
            return result
        case .goal, .action, .measurement, .agreement, .assessment:
            guard let r = FrameworkForms.record(from: form, world: world, today: today, user: user, issues: &result.issues) else {
                return result
            }
            record = r
        case .member(let membership, let cluster, let type, let memberId):
            var m = membership.flatMap { world.memberships[$0] } ?? Membership(cluster: cluster, memberType: type, memberId: memberId)
            m.role = text("role")
            m.responsibilities = text("responsibilities")
            m.lead = form.field("lead")?.flag ?? false
            record = .membership(m)
        }

        let (normalized, issues) = world.validate(record)
        // A field already found unreadable is not also reported by the record's rules.
        result.issues += issues.filter { issue in !result.issues.contains { $0.field == issue.field } }
        // Order issues as the fields stand, so focus goes to the first bad one.
        let order = form.fields.map(\.key)
        result.issues.sort { (order.firstIndex(of: $0.field) ?? 99) < (order.firstIndex(of: $1.field) ?? 99) }
        if result.issues.isEmpty, case .agreement(let a) = normalized {
            // Propose the meetings when the rhythm or the period is new or changed.
            let before = world.agreements[a.id]
            if before?.meetingsPerYear != a.meetingsPerYear || before?.periodStart != a.periodStart || before?.periodEnd != a.periodEnd {
                result.next = FrameworkForms.meetings(for: a)
            }
        }
        if result.issues.isEmpty, case .measurement(let m) = normalized {
            let ticks = world.ticksFor(m, by: user, on: today)
            result.changes = [.put(normalized)] + ticks
            if case .put(.checkpoint(let c))? = ticks.first {
                result.summary = "Added \(describe(normalized, in: world)) and ticked “\(c.title)”"
                return result
            }
        }
        if result.issues.isEmpty {
            result.changes = [.put(normalized)]
            let isNew = world.record(normalized.kind, id: normalized.id) == nil
            result.summary = "\(isNew ? "Added" : "Saved") \(describe(normalized, in: world))"
        }
        return result
    }

    static func describe(_ record: Record, in world: World) -> String {
        switch record {
        case .school(let s): return "school “\(s.name)”"
        case .agency(let a): return "agency “\(a.name)”"
        case .cluster(let c): return "cluster “\(c.name)”"
        case .checkpoint(let c): return "checkpoint “\(c.title)”"
        case .membership(let m): return "member “\(world.memberName(m))”"
        case .goal(let g): return "goal “\(g.statement)”"
        case .measurement(let m): return "measurement \(World.number(m.value)) on \(m.date)"
        case .action(let a): return "action “\(a.description)”"
        case .agreement(let a): return "monitoring agreement (\(a.meetingsPerYear) meetings a year)"
        case .assessment(let a): return "health check of \(a.date)"
        }
    }
}
