import CairnCore
import CairnStore
import Foundation
import Testing

@testable import CairnReports

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

/// Markdown and HTML are two drawings of one model: the same sections, the same facts.
@Suite struct OneReportModelTests {
    let today = Day(iso: "2026-11-22")!

    @Test func markdown_and_html_show_every_section_and_every_fact_of_the_model() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        for cluster in w.clusters.values {
            let report = try #require(Report.cluster(cluster.id, world: w, today: today))
            let markdown = MarkdownReport.render(report)
            let html = HTMLReport.render(report)
            #expect(report.sections.map(\.id) == ["members", "goals", "actions", "checkpoints", "gaps", "health", "coverage"])
            for section in report.sections {
                #expect(markdown.contains("## \(section.heading)"))
                #expect(html.contains("<section id=\"\(section.id)\"><h2>\(section.heading)</h2>"))
                for case .table(let table) in section.blocks {
                    for row in table.rows {
                        for case .text(let text) in row where !text.isEmpty {
                            #expect(
                                markdown.contains(MarkdownReport.escape(text)), "\(cluster.name) \(section.id): \(text) not in Markdown")
                            #expect(html.contains(HTMLReport.esc(text)), "\(cluster.name) \(section.id): \(text) not in HTML")
                        }
                    }
                }
            }
            for note in report.notes {
                #expect(markdown.contains(note.text) && html.contains(HTMLReport.esc(note.text)))
            }
        }
    }
}
