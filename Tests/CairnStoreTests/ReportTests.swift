import CairnCore
import Foundation
import Testing

@testable import CairnStore

@Suite struct ReportTests {
    let today = Day(iso: "2026-11-22")!

    @Test func a_cluster_report_has_every_section_the_store_can_fill() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        let gent = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        let text = MarkdownReport.cluster(gent.id, world: w, today: today)
        for heading in [
            "# Lokaal netwerk Gent", "## Members", "## Goals", "## Actions", "### Prevention", "## Checkpoints", "## Gaps",
            "## Health check", "## Cross-sector coverage",
        ] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        #expect(text.contains("| Stad Gent – Departement Onderwijs | agency |"))
        #expect(text.contains("off-track `[##--------]`"))
        #expect(text.contains("**Overdue**"))
        #expect(text.contains("| Kwartaaloverleg Q3 |"))  // done, with who and evidence
        #expect(text.contains("Verslag gepubliceerd op het intranet"))
        #expect(text.contains("extra workload (1)"))
        #expect(text.contains("housing is absent locally"))
    }

    @Test func a_region_rolls_up_one_line_per_cluster() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        let text = MarkdownReport.region("oost-vlaanderen", world: w, today: today)
        #expect(text.contains("1 clusters"))
        #expect(text.contains("| Lokaal netwerk Gent tegen vroegtijdig schoolverlaten | 2.7 | extra workload (1) | 1 | 1 | 1 |"))
    }
}
