import CairnCore
import CairnStore
import Foundation
import Testing

@testable import CairnReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The roll-up as a report: a grouping's, a region's (above its line per cluster) and the whole
/// store's, read in the Markdown they render to.
@Suite struct RollUpReportTests {
    let today = Day(iso: "2026-11-22")!

    /// The examples, with a collaborative over Portree and the Tees Valley trust.
    func examples() throws -> (World, Cluster) {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        let alliance = Cluster(id: "clu-northern", name: "Northern Collaborative", kind: .regionalCollaborative, level: .regional)
        w.apply(.put(.cluster(alliance)))
        for (k, name) in ["Portree Learning Community", "Tees Valley Learning Trust"].enumerated() {
            let member = try w.findCluster(name)
            w.apply(.put(.membership(Membership(id: "mem-northern-\(k)", cluster: alliance.id, memberType: .cluster, memberId: member.id))))
        }
        return (w, alliance)
    }

    /// The head and rows of the Markdown table that follows `heading`, up to the next heading.
    func rows(_ markdown: String, under heading: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.hasPrefix("## ") }.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| --- ") })
    }

    @Test func a_groupings_report_rolls_up_its_clusters_and_states_its_schools() throws {
        let (w, alliance) = try examples()
        let text = MarkdownReport.render(Report.grouping(alliance, world: w, today: today))
        #expect(text.hasPrefix("# Northern Collaborative\n"))
        #expect(text.contains("Roll-up of 2026-11-22 · regional collaborative · regional: 3 clusters, 8 schools, 5 agencies."), "\(text)")
        let heads = "|  | 2026 Q4 (to 2026-11-22) | 2026 Q3 (to 2026-09-30) | Change |"
        #expect(rows(text, under: "## Scope").first == heads)
        #expect(rows(text, under: "## Scope").contains("| schools | 8 | 8 | = |"))
        let statuses = rows(text, under: "## Goals by status").dropFirst().map { $0.split(separator: "|").first.map(String.init) ?? "" }
        #expect(
            statuses.map { $0.trimmingCharacters(in: .whitespaces) } == [
                "on-track", "at-risk", "off-track", "achieved", "no-data", "all goals",
            ])
        #expect(rows(text, under: "## Goals by status").contains("| achieved | 0 | 0 | = |"), "a status no goal has is shown, with zeros")
        #expect(rows(text, under: "## Checkpoints").count == 4)
        #expect(rows(text, under: "## Health").count == 1 + HealthItem.allCases.count)
        #expect(rows(text, under: "## Gaps").count == 1 + Gap.Kind.allCases.count + 1)
        #expect(text.contains("## Cross-sector coverage"))
    }

    @Test func one_school_is_one_school() {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-a", name: "Sieć Bałuty"))),
            .put(.school(School(id: "sch-1", name: "Szkoła Podstawowa nr 3 w Łodzi"))),
            .put(.membership(Membership(id: "mem-1", cluster: "clu-a", memberType: .school, memberId: "sch-1"))),
        ])
        let text = MarkdownReport.render(Report.grouping(w.clusters["clu-a"]!, world: w, today: today))
        #expect(text.contains(": 1 cluster, 1 school, 0 agencies."), "\(text)")
    }

    @Test func a_region_report_carries_the_roll_up_above_its_line_per_cluster() throws {
        let (w, _) = try examples()
        let text = MarkdownReport.region("oost-vlaanderen", world: w, today: today)
        #expect(text.contains("Monitoring roll-up of 2026-11-22: 1 cluster, 3 schools, 7 agencies."), "\(text)")
        let rollUp = try #require(text.range(of: "## Goals by status"))
        let lines = try #require(text.range(of: "## Clusters"))
        #expect(rollUp.lowerBound < lines.lowerBound)
        #expect(rows(text, under: "## Goals by status").contains("| off-track | 1 | 1 | = |"), "\(text)")
    }

    @Test func the_whole_store_report_counts_every_school_and_an_empty_one_shows_zeros() throws {
        let (w, _) = try examples()
        let text = MarkdownReport.render(Report.store(world: w, today: today))
        #expect(text.hasPrefix("# Whole store\n"))
        #expect(
            text.contains("Roll-up of 2026-11-22: \(w.clusters.count) clusters, \(w.schools.count) schools, \(w.agencies.count) agencies."),
            "\(text)")
        let empty = MarkdownReport.render(Report.store(world: World(), today: today).asRecorded(by: today))
        #expect(empty.contains("**As of 2026-11-22.** What had been recorded by the end of that day."))
        #expect(empty.contains("Roll-up of 2026-11-22: 0 clusters, 0 schools, 0 agencies."))
        for status in GoalProgress.Status.allCases {
            #expect(rows(empty, under: "## Goals by status").contains("| \(status.rawValue) | 0 | 0 | = |"))
        }
        #expect(rows(empty, under: "## Checkpoints").contains("| overdue | 0 | 0 | = |"))
        #expect(empty.contains("No cluster is in scope."))
    }

    @Test func a_year_compares_with_the_year_before() throws {
        let (w, alliance) = try examples()
        let text = MarkdownReport.render(Report.grouping(alliance, world: w, today: today, period: .year))
        #expect(text.contains("|  | 2026 (to 2026-11-22) | 2025 (to 2025-12-31) | Change |"))
        #expect(text.contains("| done in the year |"))
    }

    @Test func markdown_and_html_draw_every_fact_of_a_roll_up() throws {
        let (w, alliance) = try examples()
        for report in [Report.grouping(alliance, world: w, today: today), Report.store(world: w, today: today)] {
            let markdown = MarkdownReport.render(report)
            let html = HTMLReport.render(report)
            #expect(XMLParser(data: Data(html.utf8)).parse(), "well-formed XHTML")
            for section in report.sections {
                #expect(html.contains("<section id=\"\(section.id)\"><h2>\(section.heading)</h2>"))
                for case .table(let table) in section.blocks {
                    for row in table.rows {
                        for case .text(let text) in row where !text.isEmpty {
                            #expect(markdown.contains(MarkdownReport.cell(MarkdownReport.md(text, oneLine: true))), "\(text)")
                            #expect(html.contains(HTMLReport.esc(text)), "\(text)")
                        }
                    }
                }
            }
        }
    }
}
