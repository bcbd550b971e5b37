import CairnCore
import CairnStore
import Foundation
import Testing

@testable import CairnReports

@Suite struct PlanTests {
    let today = Day(iso: "2026-11-22")!
    let made = Date(timeIntervalSince1970: 1_795_357_320)  // 2026-11-22 14:22 UTC

    func examples() throws -> World {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        return w
    }

    @Test func the_plan_states_stakeholders_goals_actions_by_class_the_agreement_its_meetings_and_what_is_missing() throws {
        var w = try examples()
        let gent = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        let text = MarkdownReport.plan(gent.id, world: w, today: today, made: made)
        #expect(text.contains("Local action plan · made 2026-11-22 14:22 UTC from revision \(w.revision) of the store"), "\(text)")
        for heading in [
            "## Step 1 · Stakeholders", "## Step 2 · Goals", "## Step 3 · Actions", "### Prevention", "### Intervention",
            "### Compensation", "### Monitoring", "## Step 4 · Monitoring agreement", "### Meetings", "## Still missing",
        ] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        #expect(text.contains("Lead: Stad Gent – Departement Onderwijs."))
        #expect(text.contains("| Stakeholder | Type | Role | Responsibilities | Lead |"))
        #expect(text.contains("| Goal | Indicator | Baseline | Target | Deadline | Priority | Owner |"))
        #expect(
            text.contains("| Minder vroegtijdige schoolverlaters | aandeel leerlingen dat zonder kwalificatie de school verlaat | 12.4%"))
        #expect(text.contains("| 8% | 2027-11-22 | high | Stad Gent – Departement Onderwijs |"), "\(text)")
        #expect(
            text.contains("| Huisbezoeken bij langdurig spijbelen | OCMW Gent – Sociale dienst | Minder vroegtijdige schoolverlaters |"))
        #expect(text.contains("| Meetings a year | 4, all stakeholders together |"))
        // The examples' meetings are the agreement's checkpoints: listed under it, with their status.
        #expect(text.contains("| Kwartaaloverleg Q3 | held"), "\(text)")
        #expect(text.contains("| Kwartaaloverleg Q4 |"), "\(text)")
        #expect(!text.contains("the rhythm proposes these dates"))
        let gaps = w.gaps(in: gent.id, on: today)
        #expect(!gaps.isEmpty)
        for gap in gaps { #expect(text.contains(MarkdownReport.md(gap.message)), "gap \(gap.message) missing") }

        let agreement = try #require(w.agreement(of: gent.id))
        w.apply(
            .put(
                .checkpoint(
                    Checkpoint(cluster: gent.id, title: "Kwartaaloverleg Q1", due: Day(iso: "2027-02-15")!, agreement: agreement.id))))
        let set = MarkdownReport.plan(gent.id, world: w, today: today, made: made)
        #expect(set.contains("| 2027-02-15 | Kwartaaloverleg Q1 | to come |"), "\(set)")
    }

    @Test func every_example_with_an_agreement_has_its_meetings_set_and_a_plan_that_lists_them() throws {
        let w = try examples()
        let agreements = w.agreements.values
        #expect(agreements.count >= 5)
        for a in agreements {
            let meetings = w.checkpoints.values.filter { $0.agreement == a.id }
            let name = w.clusters[a.cluster]?.name ?? a.cluster
            #expect(!meetings.isEmpty, "\(name) has an agreement and no meeting set")
            let text = MarkdownReport.plan(a.cluster, world: w, today: today, made: made)
            for m in meetings { #expect(text.contains("| \(MarkdownReport.md(m.title)) |"), "\(name): \(m.title)") }
            #expect(!text.contains("the rhythm proposes these dates"), "\(name)")
        }
    }

    @Test func a_plan_of_an_empty_cluster_says_what_each_step_lacks() throws {
        var w = World()
        let c = Cluster(name: "Łódź 漢字 network", kind: .network, region: "Łódź")
        w.apply(.put(.cluster(c)))
        let text = MarkdownReport.plan(c.id, world: w, today: today, made: made)
        #expect(text.contains("No stakeholders yet."))
        #expect(text.contains("No goals agreed yet."))
        #expect(text.components(separatedBy: "None agreed.").count == 5)  // each of the four classes
        #expect(text.contains("No monitoring agreement yet"))
    }

    @Test func markdown_and_html_plans_draw_the_same_facts_and_the_html_starts_each_step_on_a_page() throws {
        let w = try examples()
        for cluster in w.clusters.values {
            let plan = try #require(Report.plan(cluster.id, world: w, today: today, made: made))
            let markdown = MarkdownReport.render(plan)
            let html = HTMLReport.render(plan)
            #expect(plan.sections.map(\.id) == ["stakeholders", "goals", "actions", "agreement", "missing"])
            #expect(markdown.contains(MarkdownReport.md(plan.facts)) && html.contains(HTMLReport.esc(plan.facts)))
            for section in plan.sections {
                #expect(markdown.contains("## \(section.heading)"))
                #expect(html.contains("<section id=\"\(section.id)\"><h2>\(section.heading)</h2>"))
                for block in section.blocks {
                    var texts: [String] = []
                    switch block {
                    case .paragraph(let t, _), .subheading(let t, _): texts = [t]
                    case .items(let items, _): texts = items
                    case .table(let table):
                        texts = table.header + table.rows.flatMap { row in row.compactMap { if case .text(let t) = $0 { t } else { nil } } }
                    }
                    for text in texts where !text.isEmpty {
                        #expect(
                            markdown.contains(MarkdownReport.cell(MarkdownReport.md(text, oneLine: true)))
                                || markdown.contains(MarkdownReport.md(text)), "\(cluster.name) \(section.id): \(text) not in Markdown")
                        #expect(html.contains(HTMLReport.esc(text)), "\(cluster.name) \(section.id): \(text) not in HTML")
                    }
                }
            }
            #expect(html.contains("<body class=\"plan\">"))
            #expect(html.contains("body.plan section + section { page-break-before: always; break-before: page; }"))
            #expect(!HTMLReport.render(try #require(Report.cluster(cluster.id, world: w, today: today))).contains("class=\"plan\""))
        }
    }
}
