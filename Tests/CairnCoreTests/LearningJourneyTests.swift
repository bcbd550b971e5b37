import Testing

@testable import CairnCore

/// A cluster's schools along the pupils' path, and the gaps where it breaks.
@Suite struct LearningJourneyTests {
    func world(_ schools: [(String, String, [Phase])], links: [Link] = []) -> World {
        var w = World()
        w.apply(.put(.cluster(Cluster(id: "clu-a", name: "Agrupamento de Óbidos"))))
        for (id, name, phases) in schools {
            w.apply(.put(.school(School(id: id, name: name, phases: phases))))
            if id != "sch-out" {
                w.apply(.put(.membership(Membership(id: "mem-\(id)", cluster: "clu-a", memberType: .school, memberId: id))))
            }
        }
        w.apply(links.map { .put(.link($0)) })
        return w
    }

    let today = Day(iso: "2026-12-06")!

    @Test func schools_are_laid_out_by_phase_and_a_phase_between_two_taught_is_missing() {
        let w = world([("sch-ji", "JI Amoreira", [.earlyChildhood]), ("sch-es", "Escola Secundária", [.upperSecondary])])
        let j = w.learningJourney(of: "clu-a")
        #expect(j.stages.map(\.phase) == [.earlyChildhood, .primary, .lowerSecondary, .upperSecondary])
        #expect(j.stages.map(\.isMissing) == [false, true, true, false])
        let gaps = w.gaps(in: "clu-a", on: today).filter { $0.kind == .phaseWithoutSchool }.map(\.message)
        #expect(
            gaps == [
                "no school of the cluster teaches primary: the pupils' path breaks there",
                "no school of the cluster teaches lower secondary: the pupils' path breaks there",
            ])
        #expect(w.gapsByCluster(on: today)["clu-a"] == w.gaps(in: "clu-a", on: today))
    }

    @Test func a_school_that_feeds_no_one_and_a_feed_that_leaves_the_cluster_are_gaps_once_feeds_are_recorded() {
        let schools: [(String, String, [Phase])] = [
            ("sch-1", "EB1 Amoreira", [.primary]), ("sch-2", "EB1 Gaeiras", [.primary]), ("sch-3", "EB 2,3 Óbidos", [.lowerSecondary]),
            ("sch-out", "Escola Secundária Rafael Bordalo Pinheiro", [.upperSecondary]),
        ]
        let journeyKinds: Set<Gap.Kind> = [.phaseWithoutSchool, .feedsNoOne, .pathLeaves]
        #expect(
            !world(schools).gaps(in: "clu-a", on: today).contains { journeyKinds.contains($0.kind) },
            "no feed recorded: nothing said about feeds")
        let w = world(
            schools,
            links: [
                Link(id: "lnk-1", from: "sch-1", to: "sch-3", relation: .feeds, phases: [.primary, .lowerSecondary]),
                Link(id: "lnk-2", from: "sch-3", to: "sch-out", relation: .feeds),
            ])
        let j = w.learningJourney(of: "clu-a")
        #expect(j.feedingNoOne.map(\.id) == ["sch-2"])
        #expect(j.leaving.map(\.id) == ["lnk-2"])
        let gaps = w.gaps(in: "clu-a", on: today).filter { journeyKinds.contains($0.kind) }
        #expect(
            gaps.map(\.message) == [
                "“EB1 Gaeiras” feeds no school of the cluster",
                "“EB 2,3 Óbidos” feeds “Escola Secundária Rafael Bordalo Pinheiro”, outside the cluster",
            ])
        #expect(gaps.map(\.recordID) == ["sch-2", "sch-3"])
        #expect(w.gapsByCluster(on: today)["clu-a"] == w.gaps(in: "clu-a", on: today))
    }
}
