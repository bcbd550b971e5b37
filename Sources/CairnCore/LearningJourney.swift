/// A cluster's schools laid out along the pupils' path, from early years to upper secondary
/// and VET, with the feeds between them and what breaks the path: a phase no school of the
/// cluster teaches, a school that feeds no one in the cluster, a feed that leaves it.
public struct LearningJourney: Sendable, Equatable {
    /// One phase of the path and the cluster's schools that teach it, by name.
    public struct Stage: Sendable, Equatable {
        public var phase: Phase
        public var schools: [School]
        /// No school of the cluster teaches it, though the path runs through it.
        public var isMissing: Bool { schools.isEmpty }
    }

    /// The phases in the pupils' order; a phase outside the path (special, other) only when a
    /// school teaches it, a gap in the path only between its first and last phase taught.
    public var stages: [Stage] = []
    /// Each school's feeds, to schools in the cluster or outside it.
    public var feeds: [String: [Link]] = [:]
    /// Schools of the cluster with no phase said: they cannot be placed.
    public var unplaced: [School] = []
    /// Schools whose pupils go on to a later phase the cluster teaches, and that feed no school
    /// of the cluster (said only once the cluster records some feed).
    public var feedingNoOne: [School] = []
    /// Feeds from a school of the cluster to one outside it.
    public var leaving: [Link] = []

    /// Where a phase sits on the path: upper secondary and VET are one step, taken either way.
    public static func step(_ p: Phase) -> Int? {
        switch p {
        case .earlyChildhood: return 0
        case .primary: return 1
        case .lowerSecondary: return 2
        case .upperSecondary, .vocational: return 3
        case .special, .other: return nil
        }
    }

    static let path: [Phase] = [.earlyChildhood, .primary, .lowerSecondary, .upperSecondary, .vocational]
}

extension World {
    /// The learning journey of a cluster's current member schools.
    public func learningJourney(of clusterID: String) -> LearningJourney {
        let schools = members(of: clusterID).compactMap { $0.memberType == .school ? self.schools[$0.memberId] : nil }
        return learningJourney(schools: schools, feeds: { links(from: $0).filter { $0.relation == .feeds } })
    }

    func learningJourney(schools: [School], feeds: (String) -> [Link]) -> LearningJourney {
        var j = LearningJourney()
        let sorted = NameOrder.sorted(schools, by: \.name, id: \.id)
        let inCluster = Set(sorted.map(\.id))
        let steps = Set(sorted.flatMap { $0.phases.compactMap(LearningJourney.step) })
        for p in LearningJourney.path + [.special, .other] {
            let teaching = sorted.filter { $0.phases.contains(p) }
            if !teaching.isEmpty {
                j.stages.append(.init(phase: p, schools: teaching))
                continue
            }
            // A step of the path between the first and last taught, taught neither way: a break.
            guard let step = LearningJourney.step(p), p != .vocational, let low = steps.min(), let high = steps.max(),
                step > low, step < high, !steps.contains(step)
            else { continue }
            j.stages.append(.init(phase: p, schools: []))
        }
        j.unplaced = sorted.filter { $0.phases.isEmpty }
        var anyFeed = false
        for s in sorted {
            let out = feeds(s.id)
            if !out.isEmpty { j.feeds[s.id] = out }
            anyFeed = anyFeed || out.contains { inCluster.contains($0.to) }
            j.leaving += out.filter { !inCluster.contains($0.to) }
        }
        if anyFeed, let high = steps.max() {
            j.feedingNoOne = sorted.filter { s in
                let top = s.phases.compactMap(LearningJourney.step).max()
                return top.map { $0 < high } == true && !(j.feeds[s.id] ?? []).contains { inCluster.contains($0.to) }
            }
        }
        return j
    }
}
