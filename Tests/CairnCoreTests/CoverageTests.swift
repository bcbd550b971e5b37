import Testing

@testable import CairnCore

@Suite struct CoverageTests {
    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "c1", name: "Gent", region: "Oost-Vlaanderen"))),
            .put(.cluster(Cluster(id: "c2", name: "Aalst", region: "oost-vlaanderen"))),
            .put(.agency(Agency(id: "h", name: "Wijkgezondheidscentrum", sector: .health, level: .local))),
            .put(.agency(Agency(id: "l", name: "VDAB", sector: .labour, level: .regional))),
            .put(.agency(Agency(id: "p", name: "Ouderraad", sector: .parents, level: .school))),
            .put(.membership(Membership(id: "m1", cluster: "c1", memberType: .agency, memberId: "h"))),
            .put(.membership(Membership(id: "m2", cluster: "c1", memberType: .agency, memberId: "l"))),
            .put(.membership(Membership(id: "m3", cluster: "c2", memberType: .agency, memberId: "l"))),
            .put(.membership(Membership(id: "m4", cluster: "c2", memberType: .agency, memberId: "p"))),
            .put(.goal(Goal(id: "g", cluster: "c1", statement: "Fewer early leavers", owner: "m1"))),
            .put(.action(Action(id: "a", cluster: "c1", description: "Jobs", goal: "g", responsible: "m2"))),
        ])
        return w
    }

    @Test func a_cluster_counts_agencies_by_sector_and_level_and_marks_core_services_absent_locally() {
        let c = world().coverage(of: "c1")
        #expect(c.count(.health, .local) == 1)
        #expect(c.count(.labour, .regional) == 1)
        #expect(!c.isGap(.health, .local))
        #expect(c.isGap(.labour, .local))
        #expect(!c.isGap(.university, .local))  // not a core service: empty, not a gap
        #expect(!c.isGap(.housing, .regional))  // only the local cell matters
        #expect(c.gapSentences.contains("labour is absent locally (present at regional level)"))
        #expect(c.goals[.health] == ["Fewer early leavers"])
        #expect(c.goals[.labour] == ["Fewer early leavers"])
    }

    @Test func a_region_counts_each_agency_once_across_its_clusters() {
        let c = world().coverage(ofRegion: "Oost-Vlaanderen")
        #expect(c.clusters == 2)
        #expect(c.count(.labour, .regional) == 1)
        #expect(c.count(.parents, .school) == 1)
    }
}
