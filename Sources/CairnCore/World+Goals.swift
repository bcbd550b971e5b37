import CairnWords

/// Questions about a cluster's goals, measurements and actions.
extension World {
    /// A cluster's goals: high priority first, then by deadline, then by statement.
    public func goals(of clusterID: String) -> [Goal] {
        records(clusterIndex.goals[clusterID], in: goals)
    }

    static func goalOrder(_ a: Goal, _ b: Goal) -> Bool {
        if a.priority != b.priority { return a.priority < b.priority }
        if a.deadline != b.deadline { return (a.deadline ?? Day(ordinal: .max)) < (b.deadline ?? Day(ordinal: .max)) }
        return (a.statement, a.id) < (b.statement, b.id)
    }

    /// A goal's measurements, oldest first; of one day, in the order they were recorded.
    public func measurements(of goalID: String) -> [Measurement] {
        records(clusterIndex.measurements[goalID], in: measurements)
    }

    public func progress(of goal: Goal, on today: Day) -> GoalProgress {
        GoalProgress(goal: goal, measurements: measurements(of: goal.id), on: today)
    }

    /// A cluster's actions, by due date (undated last), then description.
    public func actions(of clusterID: String) -> [Action] {
        records(clusterIndex.actions[clusterID], in: actions)
    }

    static func actionOrder(_ a: Action, _ b: Action) -> Bool {
        if a.due != b.due { return (a.due ?? Day(ordinal: .max)) < (b.due ?? Day(ordinal: .max)) }
        return (a.description, a.id) < (b.description, b.id)
    }

    /// What recording `measurement` changes besides itself: the open checkpoint that asked for a
    /// measurement of its goal (the earliest due) is ticked, with the measurement as evidence.
    public func ticksFor(_ measurement: Measurement, by user: String, on today: Day) -> [Change] {
        guard let goal = goals[measurement.goal] else { return [] }
        let asking = checkpoints.values.filter { $0.goal == goal.id && !$0.isDone }.min { ($0.due, $0.id) < ($1.due, $1.id) }
        guard let checkpoint = asking else { return [] }
        var evidence = "measured \(World.amount(measurement.value, unit: goal.unit)) on \(measurement.date)"
        if !measurement.source.isEmpty { evidence += " (\(measurement.source))" }
        return [.put(.checkpoint(checkpoint.ticked(by: user, on: min(measurement.date, today), evidence: evidence)))]
    }

    /// A cluster's monitoring agreement, if it has made one.
    public func agreement(of clusterID: String) -> Agreement? {
        clusterIndex.agreements[clusterID]?.first.flatMap { agreements[$0] }
    }

    /// A goal named by its id or exact statement.
    public func findGoal(_ reference: String, in clusterID: String? = nil) throws(InputError) -> Goal {
        if let g = goals[reference] { return g }
        let statement = Text.clean(reference)
        let hits = goals.values.filter { $0.statement == statement && (clusterID == nil || $0.cluster == clusterID) }
        if hits.count == 1 { return hits[0] }
        if hits.isEmpty { throw InputError(Words.say("no goal has the id or statement “{reference}”", ["reference": reference])) }
        throw InputError(
            Words.count(
                "{count} goal reads “{reference}”; give one of their ids: {ids}",
                "{count} goals read “{reference}”; give one of their ids: {ids}",
                hits.count, ["reference": reference, "ids": hits.map(\.id).sorted().joined(separator: ", ")]))
    }

    /// A member of a cluster named by its membership id, its school's or agency's id, or that one's exact name.
    public func findMember(_ reference: String, in clusterID: String) throws(InputError) -> Membership {
        let inCluster = memberships.values.filter { $0.cluster == clusterID }
        if let m = inCluster.first(where: { $0.id == reference || $0.memberId == reference }) { return m }
        let name = Text.clean(reference)
        let hits = inCluster.filter { memberName($0) == name }
        if hits.count == 1 { return hits[0] }
        let cluster = clusters[clusterID]?.name ?? clusterID
        if hits.isEmpty {
            throw InputError(Words.say("“{reference}” is not a member of {cluster}", ["reference": reference, "cluster": cluster]))
        }
        throw InputError(
            Words.count(
                "{count} member of {cluster} is named “{reference}”; give an id",
                "{count} members of {cluster} are named “{reference}”; give an id",
                hits.count, ["cluster": cluster, "reference": reference]))
    }
}

extension World {
    /// The goals that contribute to `goalID` (a grouping's goal), by cluster name then statement.
    public func contributors(to goalID: String) -> [Goal] {
        goals.values.filter { $0.contributesTo == goalID }.sorted {
            (clusters[$0.cluster]?.name ?? "", $0.statement, $0.id) < (clusters[$1.cluster]?.name ?? "", $1.statement, $1.id)
        }
    }
}
