/// The rules a record must keep before it is stored, checked against the rest of the world.
extension World {
    public func validate(_ school: School) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if school.name.isEmpty { issues.append(FieldIssue("name", "a name is required")) }
        if let official = school.officialId,
            let other = schools.values.first(where: { $0.officialId == official && $0.id != school.id })
        {
            issues.append(FieldIssue("officialId", "official id \(official) is already used by \(other.name)"))
        }
        if !school.email.isEmpty, !Text.isPlausibleEmail(school.email) {
            issues.append(FieldIssue("email", "“\(school.email)” does not look like an e-mail address"))
        }
        return issues
    }

    public func validate(_ agency: Agency) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if agency.name.isEmpty { issues.append(FieldIssue("name", "a name is required")) }
        if !agency.email.isEmpty, !Text.isPlausibleEmail(agency.email) {
            issues.append(FieldIssue("email", "“\(agency.email)” does not look like an e-mail address"))
        }
        return issues
    }

    public func validate(_ cluster: Cluster) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if cluster.name.isEmpty { issues.append(FieldIssue("name", "a name is required")) }
        if let official = cluster.officialId,
            let other = clusters.values.first(where: { $0.officialId == official && $0.id != cluster.id })
        {
            issues.append(FieldIssue("officialId", "official id \(official) is already used by \(other.name)"))
        }
        if let start = cluster.startedOn, let end = cluster.fundingEndsOn, end < start {
            issues.append(FieldIssue("fundingEndsOn", "funding cannot end (\(end)) before the cluster started (\(start))"))
        }
        return issues
    }

    public func validate(_ m: Membership) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if clusters[m.cluster] == nil { issues.append(FieldIssue("cluster", "the cluster no longer exists")) }
        let exists = m.memberType == .school ? schools[m.memberId] != nil : agencies[m.memberId] != nil
        if !exists { issues.append(FieldIssue("member", "the \(m.memberType.rawValue) no longer exists")) }
        if let twin = memberships.values.first(where: {
            $0.cluster == m.cluster && $0.memberId == m.memberId && $0.id != m.id
        }) {
            issues.append(FieldIssue("member", "\(memberName(twin)) is already a member of this cluster"))
        }
        if m.lead, let lead = lead(of: m.cluster), lead.id != m.id {
            issues.append(FieldIssue("lead", "\(memberName(lead)) already leads this cluster: a cluster has one lead"))
        }
        return issues
    }

    public func validate(_ c: Checkpoint) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if c.title.isEmpty { issues.append(FieldIssue("title", "a title is required")) }
        if clusters[c.cluster] == nil { issues.append(FieldIssue("cluster", "the cluster no longer exists")) }
        if let concerns = c.concerns, memberships[concerns] == nil {
            issues.append(FieldIssue("concerns", "that member is no longer in the cluster"))
        }
        return issues
    }

    /// Normalises and validates any record, as the store does before a put.
    public func validate(_ record: Record) -> (Record, [FieldIssue]) {
        switch record {
        case .school(let r):
            let n = r.normalized()
            return (.school(n), validate(n))
        case .agency(let r):
            let n = r.normalized()
            return (.agency(n), validate(n))
        case .cluster(let r):
            let n = r.normalized()
            return (.cluster(n), validate(n))
        case .membership(let r):
            let n = r.normalized()
            return (.membership(n), validate(n))
        case .checkpoint(let r):
            let n = r.normalized()
            return (.checkpoint(n), validate(n))
        }
    }
}
