/// Roll-ups over a grouping, a region or the whole store (`RollUp`).
extension World {
    /// How `scope` stands on `day` and stood at the end of the period before.
    ///
    /// The clusters, schools and agencies of the scope are those whose memberships held on
    /// each day; a grouping's circle that merged copies made is walked once.
    ///
    /// - Complexity: O(the scope's memberships, goals, measurements, checkpoints and health
    ///   checks), read through the index by cluster; a region's scope also reads every
    ///   cluster's region once.
    public func rollUp(_ scope: RollUp.Scope, on day: Day, period: RollUp.Period = .quarter) -> RollUp {
        let start = period.start(of: day)
        let previousEnd = start.adding(days: -1)
        return RollUp(
            scope: scope, period: period, current: figures(scope, from: start, on: day, period: period),
            previous: figures(scope, from: period.start(of: previousEnd), on: previousEnd, period: period))
    }

    /// What a scope holds on a day: each cluster, school and agency once.
    struct Reach {
        /// In the order they were reached.
        var clusters: [String] = []
        var schools: Set<String> = []
        var agencies: Set<String> = []
    }

    /// The clusters, schools and agencies of `scope` on `day`: from the clusters it starts
    /// at, down through the member clusters of each, never the same cluster twice.
    func reach(_ scope: RollUp.Scope, on day: Day) -> Reach {
        var reach = Reach()
        let starts: [String]
        switch scope {
        case .grouping(let id): starts = clusters[id] == nil ? [] : [id]
        case .regions(let names):
            let keys = Set(names.map(Text.folded))
            starts = clusters.values.filter { keys.contains(Text.folded($0.region)) }.map(\.id).sorted()
        case .store:
            reach.clusters = clusters.keys.sorted()
            reach.schools = Set(schools.keys)
            reach.agencies = Set(agencies.keys)
            return reach
        }
        var seen = Set(starts)
        var queue = starts
        var next = 0
        while next < queue.count {
            let id = queue[next]
            next += 1
            for m in records(clusterIndex.members[id], in: memberships) where m.isCurrent(on: day) {
                switch m.memberType {
                case .cluster:
                    if clusters[m.memberId] != nil, seen.insert(m.memberId).inserted { queue.append(m.memberId) }
                case .school: if schools[m.memberId] != nil { reach.schools.insert(m.memberId) }
                case .agency: if agencies[m.memberId] != nil { reach.agencies.insert(m.memberId) }
                }
            }
        }
        reach.clusters = queue
        return reach
    }

    func figures(_ scope: RollUp.Scope, from: Day, on day: Day, period: RollUp.Period) -> RollUp.Figures {
        let reach = reach(scope, on: day)
        var f = RollUp.Figures(from: from, on: day)
        f.clusters = reach.clusters.count
        f.schools = reach.schools.count
        f.agencies = reach.agencies.count
        let horizon = day.adding(months: period.months)
        var health = HealthSums()
        for id in reach.clusters {
            for g in goals(of: id) { f.goals[progress(of: g, on: day).status, default: 0] += 1 }
            for c in records(clusterIndex.checkpoints[id], in: checkpoints) {
                let doneBy = c.doneOn.map { $0 <= day } ?? false
                if let done = c.doneOn, done >= from, done <= day { f.checkpointsDone += 1 }
                if !doneBy, c.due < day { f.checkpointsOverdue += 1 }
                if !doneBy, c.due >= day, c.due < horizon { f.checkpointsUpcoming += 1 }
            }
            health.add(assessments(of: id).filter { $0.date <= day })
            for gap in gaps(in: id, asOn: day) { f.gaps[gap.kind, default: 0] += 1 }
        }
        f.health = health.trends()
        f.coverage = coverage(ofClusters: reach.clusters, on: day)
        return f
    }

    /// A cluster's gaps as they stood on `day`: its members then, and its checkpoints open then.
    func gaps(in clusterID: String, asOn day: Day) -> [Gap] {
        guard clusters[clusterID] != nil else { return [] }
        let members = records(clusterIndex.members[clusterID], in: memberships).filter { $0.isCurrent(on: day) }
        let open = records(clusterIndex.checkpoints[clusterID], in: checkpoints).map { c in
            (c.doneOn.map { $0 > day } ?? false) ? c.reopened() : c
        }
        let parts = ClusterParts(
            hasLead: members.contains { $0.lead }, hasAgreement: agreement(of: clusterID) != nil, members: members,
            goals: goals(of: clusterID), actions: actions(of: clusterID), checkpoints: open)
        return gaps(clusterID, parts, on: day)
    }
}

/// Each health item's latest ratings in each cluster, to be averaged by how far back the check is.
private struct HealthSums {
    /// Per item, per cluster that rated it: its last ratings of it, newest first.
    var ratings: [HealthItem: [[Int]]] = [:]

    /// `newestFirst`: one cluster's health checks, newest first.
    mutating func add(_ newestFirst: [Assessment]) {
        for item in HealthItem.allCases {
            let last = Array(newestFirst.lazy.compactMap { $0.rating(item) }.prefix(RollUp.HealthTrend.checks))
            if !last.isEmpty { ratings[item, default: []].append(last) }
        }
    }

    /// As many points as the longest history holds (up to four), oldest first. A cluster with
    /// fewer checks counts at its earliest rating before them, so that every point is over the
    /// same clusters: the trend shows how ratings moved, not which clusters had been checked.
    func trends() -> [HealthItem: RollUp.HealthTrend] {
        Dictionary(
            uniqueKeysWithValues: HealthItem.allCases.map { item in
                let lists = ratings[item] ?? []
                let points = lists.map(\.count).max() ?? 0
                let means = (0..<points).reversed().map { back in
                    Double(lists.reduce(0) { $0 + $1[min(back, $1.count - 1)] }) / Double(lists.count)
                }
                return (item, RollUp.HealthTrend(means: means, clusters: lists.count))
            })
    }
}
