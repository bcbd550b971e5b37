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

    @Test func the_report_states_each_goals_priority_and_owner_and_the_goal_each_action_serves() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        let gent = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        let text = MarkdownReport.cluster(gent.id, world: w, today: today)
        #expect(text.contains("| Deadline | Priority | Owner | Status |"), "\(text)")
        #expect(text.contains("| high | Stad Gent – Departement Onderwijs | off-track"), "\(text)")
        #expect(text.contains("| medium | CLB Gent |"))
        #expect(text.contains("| Action | Responsible | Serves goal | Status | Due |"))
        #expect(
            text.contains(
                "| Huisbezoeken bij langdurig spijbelen | OCMW Gent – Sociale dienst | Minder vroegtijdige schoolverlaters | not started |"),
            "\(text)")
        var loose = try #require(w.actions.values.first { $0.description == "Huisbezoeken bij langdurig spijbelen" })
        loose.goal = nil
        loose.responsible = nil
        w.apply(.put(.action(loose)))
        #expect(
            MarkdownReport.cluster(gent.id, world: w, today: today).contains("| Huisbezoeken bij langdurig spijbelen | nobody | none yet |")
        )
    }

    @Test func a_groupings_report_lists_the_goals_contributing_to_its_own_and_a_members_the_goal_it_serves() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        let alliance = MarkdownReport.cluster(try w.findCluster("Northern Alliance").id, world: w, today: today)
        #expect(alliance.contains("| Contributing goal, or the goal it serves |"), "\(alliance)")
        #expect(alliance.contains("Inverness Royal Academy Associated Schools Group: Attendance of care-experienced learners at 90%"))
        #expect(alliance.contains("Portree Learning Community: Better attendance of care-experienced learners"))
        let portree = MarkdownReport.cluster(try w.findCluster("Portree Learning Community").id, world: w, today: today)
        #expect(portree.contains("contributes to “Care-experienced learners attend as their peers do” of Northern Alliance"))
    }

    @Test func a_region_rolls_up_one_line_per_cluster() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        let text = MarkdownReport.region("oost-vlaanderen", world: w, today: today)
        #expect(text.contains("1 cluster, 3 schools"))
        #expect(text.contains("| Lokaal netwerk Gent tegen vroegtijdig schoolverlaten | 2.7 | extra workload (1) | 1 | 1 | 2 |"))
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
            #expect(
                report.sections.map(\.id) == [
                    "members", "goals", "actions", "agreement", "coming", "checkpoints", "gaps", "health", "coverage",
                ])
            for section in report.sections {
                #expect(markdown.contains("## \(section.heading)"))
                #expect(html.contains("<section id=\"\(section.id)\"><h2>\(section.heading)</h2>"))
                for case .table(let table) in section.blocks {
                    for row in table.rows {
                        for case .text(let text) in row where !text.isEmpty {
                            #expect(
                                markdown.contains(MarkdownReport.cell(MarkdownReport.md(text, oneLine: true))),
                                "\(cluster.name) \(section.id): \(text) not in Markdown")
                            #expect(html.contains(HTMLReport.esc(text)), "\(cluster.name) \(section.id): \(text) not in HTML")
                        }
                    }
                }
            }
            for note in report.notes {
                #expect(markdown.contains(MarkdownReport.md(note.text)) && html.contains(HTMLReport.esc(note.text)))
            }
        }
    }
}

/// Step 4 of the framework and what is coming: every cluster's report says how it monitors
/// itself and what falls due in the next 90 days.
@Suite struct AgreementInReportTests {
    let today = Day(iso: "2026-11-22")!

    @Test func the_report_states_the_agreement_and_lists_the_next_90_days_by_date() throws {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos"))),
            .put(
                .agreement(
                    Agreement(
                        id: "agr-1", cluster: "clu-1", meetingsPerYear: 4, reporting: "relatório trimestral",
                        evaluation: "avaliação externa",
                        periodStart: today, periodEnd: today.adding(months: 12)))),
            .put(.checkpoint(Checkpoint(id: "chk-1", cluster: "clu-1", title: "Reunião de janeiro", due: today.adding(days: 40)))),
            .put(.checkpoint(Checkpoint(id: "chk-2", cluster: "clu-1", title: "Reunião de julho", due: today.adding(days: 200)))),
            .put(.action(Action(id: "act-1", cluster: "clu-1", description: "Visitas", due: today.adding(days: 10)))),
        ])
        let markdown = MarkdownReport.cluster("clu-1", world: w, today: today)
        #expect(markdown.contains("| Meetings a year | 4, all stakeholders together |"))
        #expect(markdown.contains("| How members report | relatório trimestral |"))
        #expect(markdown.contains("| How it is evaluated | avaliação externa |"))
        #expect(markdown.contains("## The next 90 days (to 2027-02-20)"))
        let visits = try #require(markdown.range(of: "| 2026-12-02 | action due | Visitas |"))
        let january = try #require(markdown.range(of: "| 2027-01-01 | checkpoint | Reunião de janeiro |"))
        #expect(visits.lowerBound < january.lowerBound)
        #expect(!markdown.contains("| checkpoint | Reunião de julho"), "beyond 90 days")
        w.apply(.delete(.agreement, id: "agr-1"))
        #expect(MarkdownReport.cluster("clu-1", world: w, today: today).contains("No monitoring agreement yet"))
    }
}
