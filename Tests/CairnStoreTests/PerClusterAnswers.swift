import CairnCore

/// Whether two worlds answer every per-cluster question alike: the index they answer from is
/// derived, and `==` compares worlds by their records only.
func perClusterAnswersAlike(_ a: World, _ b: World, on today: Day) -> Bool {
    a.clusters.keys.allSatisfy { c in
        a.members(of: c) == b.members(of: c) && a.checkpoints(of: c, on: today) == b.checkpoints(of: c, on: today)
            && a.goals(of: c) == b.goals(of: c) && a.actions(of: c) == b.actions(of: c)
            && a.assessments(of: c) == b.assessments(of: c) && a.agreement(of: c) == b.agreement(of: c)
            && a.nextDue(in: c) == b.nextDue(in: c)
    }
        && a.goals.keys.allSatisfy { a.measurements(of: $0) == b.measurements(of: $0) }
        && a.schools.keys.allSatisfy { a.clusters(withMember: $0) == b.clusters(withMember: $0) }
        && a.agencies.keys.allSatisfy { a.clusters(withMember: $0) == b.clusters(withMember: $0) }
}
