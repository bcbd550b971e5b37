import CairnCore
import Foundation
import Testing

@testable import CairnStore

@Suite struct ExamplesAndExportTests {
    let today = Day(iso: "2026-11-22")!

    func exampleWorld() throws -> World {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "test"))
        return w
    }

    @Test func the_example_clusters_have_leads_and_mixed_checkpoints() throws {
        let w = try exampleWorld()
        #expect(w.clusters.count >= 4)
        for c in w.clusters.values {
            // The informal Łódź network has not chosen its lead yet: it shows that gap.
            #expect((w.lead(of: c.id) != nil) == (c.name != "Sieć Współpracy Szkół Bałuty"), "\(c.name)")
            let statuses = Set(w.checkpoints(of: c.id, on: today).map { $0.status(on: today) })
            #expect(statuses.contains(.done) && statuses.contains(.overdue), "\(c.name): \(statuses)")
        }
        let kinds = Set(w.clusters.values.map(\.kind))
        #expect(kinds.contains(.stakeholderNetwork) && kinds.contains(.trust))
        let flemish = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        let sectors = Set(w.members(of: flemish.id).compactMap { w.agencies[$0.memberId]?.sector })
        #expect(sectors.isSuperset(of: [.localAuthority, .health, .socialCare, .youth, .labour, .parents]))
        #expect(w.agencies[w.lead(of: flemish.id)!.memberId]?.sector == .localAuthority)
    }

    @Test func every_gap_kind_and_every_goal_status_shows_in_the_examples() throws {
        let w = try exampleWorld()
        let kinds = Set(w.clusters.keys.flatMap { w.gaps(in: $0, on: today) }.map(\.kind))
        #expect(kinds == Set(Gap.Kind.allCases))
        let statuses = Set(w.goals.values.map { w.progress(of: $0, on: today).status })
        #expect(statuses.isSuperset(of: [.onTrack, .atRisk, .offTrack, .noData]))
        #expect(w.agreements.count >= 3)
    }

    @Test func loading_examples_twice_adds_nothing() throws {
        let w = try exampleWorld()
        #expect(try Examples.changes(for: w, today: today, user: "test").isEmpty)
    }

    @Test func export_has_the_contract_fields() throws {
        let w = try exampleWorld()
        let doc = try #require(JSONSerialization.jsonObject(with: JSONExport.data(w)) as? [String: Any])
        let clusters = try #require(doc["clusters"] as? [[String: Any]])
        let schools = try #require(doc["schools"] as? [[String: Any]])
        let checkpoints = try #require(doc["checkpoints"] as? [[String: Any]])
        #expect((doc["agencies"] as? [[String: Any]])?.isEmpty == false)
        let trust = try #require(clusters.first { $0["name"] as? String == "Tees Valley Learning Trust" })
        #expect(trust["officialId"] as? String == "TR04512")
        let portree = try #require(clusters.first { $0["name"] as? String == "Portree Learning Community" })
        #expect(portree["officialId"] is NSNull)
        let members = try #require(portree["members"] as? [[String: Any]])
        #expect(members.allSatisfy { ["school", "agency"].contains($0["type"] as? String) && $0["lead"] is Bool })
        #expect(schools.allSatisfy { $0["phases"] is [String] && $0["municipality"] is String })
        let done = try #require(checkpoints.first { $0["done"] as? Bool == true })
        #expect(done["doneBy"] is String && done["doneOn"] is String && done["evidence"] is String)
        let open = try #require(checkpoints.first { $0["done"] as? Bool == false })
        #expect(open["doneBy"] is NSNull)
    }
}
