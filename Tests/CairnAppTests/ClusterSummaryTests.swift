import CairnCore
import Foundation
import TermUI
import Testing

@testable import CairnApp

/// A cluster's header and tab counts come from the cluster's own records, read through the
/// world's index by cluster: a member who left, and another cluster's checkpoints, are not its.
@Suite struct ClusterSummaryTests {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CairnApp/Features/Cluster/ClusterSummary.swift")

    @Test func the_summary_reads_the_clusters_own_records_and_never_scans_every_membership_or_checkpoint() throws {
        let text = try String(contentsOf: Self.source, encoding: .utf8)
        for scan in ["memberships.values", "checkpoints.values", "goals.values", "actions.values", "assessments.values"] {
            #expect(!text.contains(scan), "ClusterSummary reads “\(scan)”: every record of the store, at each change")
        }
    }

    @Test func the_counts_leave_out_a_member_who_left_and_another_clusters_checkpoints_and_follow_a_change() {
        var w = Fixture.world()
        w.apply([
            .put(
                .membership(
                    Membership(
                        id: "mem-9", cluster: "clu-pt", memberType: .school, memberId: "sch-2", from: Day(iso: "2023-09-01"),
                        to: Day(iso: "2025-07-31")))),
            .put(.checkpoint(Checkpoint(id: "chk-9", cluster: "clu-sc", title: "Ársfundur", due: Day(iso: "2027-02-01")!))),
        ])
        var app = Fixture.app(w)
        app.press(.enter)
        var canvas = app.render().text
        #expect(canvas.contains("1 school · 1 agency"), "\(canvas)")
        #expect(canvas.contains("[Members (2)]"), "\(canvas)")
        #expect(canvas.contains("Checks (2)"), "\(canvas)")
        var changed = app.world
        changed.apply([
            .put(.checkpoint(Checkpoint(id: "chk-10", cluster: "clu-pt", title: "Visite de l'école", due: Day(iso: "2027-03-01")!)))
        ])
        app.takeWholeWorld(changed)
        canvas = app.render().text
        #expect(canvas.contains("Checks (3)"), "\(canvas)")
    }
}
