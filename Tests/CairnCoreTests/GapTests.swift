import Testing

@testable import CairnCore

@Suite struct GapTests {
    let today = Day(iso: "2026-11-22")!

    /// A cluster with a lead, an agreement, one complete goal served by an action: no gaps.
    func sound() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "c", name: "Kāhui Ako"))),
            .put(.school(School(id: "s", name: "Te Kura"))),
            .put(.membership(Membership(id: "m", cluster: "c", memberType: .school, memberId: "s", responsibilities: "hosts", lead: true))),
            .put(.agreement(Agreement(cluster: "c", meetingsPerYear: 4, periodStart: today, periodEnd: today.adding(months: 12)))),
            .put(
                .goal(
                    Goal(
                        id: "g", cluster: "c", statement: "Attendance", indicator: "attendance", target: 90,
                        deadline: today.adding(months: 6)))),
            .put(.action(Action(id: "a", cluster: "c", description: "Call home", goal: "g", responsible: "m"))),
        ])
        return w
    }

    func kinds(_ w: World) -> [Gap.Kind] { w.gaps(in: "c", on: today).map(\.kind) }

    @Test func a_sound_cluster_has_no_gaps() {
        #expect(kinds(sound()).isEmpty)
    }

    @Test func each_missing_part_is_a_gap() {
        var w = sound()
        w.apply(
            .put(.membership(Membership(id: "m", cluster: "c", memberType: .school, memberId: "s", responsibilities: "hosts", lead: false)))
        )
        #expect(kinds(w) == [.noLead])

        w = sound()
        w.apply(.delete(.agreement, id: w.agreement(of: "c")!.id))
        #expect(kinds(w) == [.noAgreement])

        w = sound()
        w.apply(.put(.goal(Goal(id: "g2", cluster: "c", statement: "Wellbeing", indicator: ""))))
        #expect(kinds(w) == [.goalIncomplete, .goalWithoutAction])
        #expect(w.gaps(in: "c", on: today)[0].message == "goal “Wellbeing” lacks an indicator, a target and a deadline")

        w = sound()
        w.apply(.delete(.membership, id: "m"))  // the responsible member left
        #expect(kinds(w) == [.noLead, .actionWithoutResponsible])

        w = sound()
        w.apply(.put(.action(Action(id: "a", cluster: "c", description: "Call home", goal: "g", responsible: "m", status: .discontinued))))
        #expect(kinds(w) == [.goalWithoutAction])  // a discontinued action serves nothing

        w = sound()
        w.apply(.put(.checkpoint(Checkpoint(id: "k", cluster: "c", title: "Hui", due: today.adding(days: -1)))))
        #expect(kinds(w) == [.overdueCheckpoint])
    }

    @Test func a_member_with_responsibilities_and_no_action_is_a_gap() {
        var w = sound()
        w.apply(.put(.agency(Agency(id: "h", name: "Health NZ", sector: .health))))
        w.apply(.put(.membership(Membership(id: "m2", cluster: "c", memberType: .agency, memberId: "h", responsibilities: "school nurse"))))
        let gaps = w.gaps(in: "c", on: today)
        #expect(gaps.map(\.kind) == [.memberWithoutAction])
        #expect(gaps[0].recordID == "m2")
    }

    @Test func an_agreement_proposes_evenly_spaced_meetings_within_its_period() {
        let a = Agreement(cluster: "c", meetingsPerYear: 4, periodStart: Day(iso: "2027-01-01")!, periodEnd: Day(iso: "2027-12-31")!)
        #expect(a.proposedMeetings().map(\.description) == ["2027-04-02", "2027-07-02", "2027-10-01", "2027-12-31"])
        let none = Agreement(cluster: "c", meetingsPerYear: 4, periodStart: Day(iso: "2027-01-01")!, periodEnd: Day(iso: "2027-01-31")!)
        #expect(none.proposedMeetings().isEmpty)  // less than half a spacing: no meeting falls in it
    }
}

@Suite struct GapsByClusterTests {
    @Test func every_clusters_gaps_at_once_are_each_clusters_gaps_in_the_same_order() {
        var w = World()
        let today = Day(iso: "2026-12-02")!
        w.apply([
            .put(.cluster(Cluster(id: "c1", name: "Kāhui Ako"))), .put(.cluster(Cluster(id: "c2", name: "Łódź"))),
            .put(.cluster(Cluster(id: "c3", name: "Empty"))),
            .put(.school(School(id: "s1", name: "Þingeyjarskóli"))), .put(.school(School(id: "s2", name: "Escola"))),
            .put(
                .membership(Membership(id: "m1", cluster: "c1", memberType: .school, memberId: "s1", responsibilities: "hosts", lead: true))
            ),
            .put(.membership(Membership(id: "m2", cluster: "c1", memberType: .school, memberId: "s2", responsibilities: "feeds"))),
            .put(.membership(Membership(id: "m3", cluster: "c2", memberType: .school, memberId: "s2"))),
            .put(.goal(Goal(id: "g1", cluster: "c1", statement: "Attendance", indicator: ""))),
            .put(.goal(Goal(id: "g2", cluster: "c1", statement: "Wellbeing", indicator: "survey", target: 4, deadline: today))),
            .put(.action(Action(id: "a1", cluster: "c1", description: "Call home", goal: "g2", responsible: "m1"))),
            .put(.action(Action(id: "a2", cluster: "c2", description: "Nobody", goal: nil, responsible: "gone"))),
            .put(.checkpoint(Checkpoint(id: "k1", cluster: "c1", title: "Late", due: Day(iso: "2026-11-01")!))),
            .put(.checkpoint(Checkpoint(id: "k2", cluster: "c1", title: "Later", due: Day(iso: "2026-10-01")!))),
            .put(.checkpoint(Checkpoint(id: "k3", cluster: "c2", title: "Soon", due: Day(iso: "2026-12-20")!))),
            .put(.agreement(Agreement(cluster: "c2", meetingsPerYear: 4, periodStart: today, periodEnd: today.adding(months: 12)))),
        ])
        let all = w.gapsByCluster(on: today)
        for id in ["c1", "c2", "c3"] { #expect(all[id] == w.gaps(in: id, on: today), "\(id)") }
        #expect((all["c1"] ?? []).count >= 5)
        #expect(Set(all.keys) == ["c1", "c2", "c3"])
    }
}
