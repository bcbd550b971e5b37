import CairnCore
import CairnStore
import Foundation
import Testing

@testable import CairnReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the links of a page as an XML parser sees them.
final class LinkReader: NSObject, XMLParserDelegate {
    var targets: [String] = []
    var elements: Set<String> = []
    var text = ""
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        elements.insert(name)
        targets += [attributes["href"], attributes["src"]].compactMap { $0 }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

@Suite struct SiteTests {
    let today = Day(iso: "2026-11-22")!
    let made = Date(timeIntervalSince1970: 1_795_357_320)  // 2026-11-22 14:22 UTC

    func examples() throws -> World {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        return w
    }

    func read(_ html: String) -> (Bool, LinkReader) {
        let reader = LinkReader()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = reader
        return (parser.parse(), reader)
    }

    @Test func a_slug_keeps_only_ascii_letters_digits_and_single_dashes() {
        #expect(SiteNames.slug("Sieć Współpracy Szkół Bałuty, Łódź") == "siec-wspolpracy-szkol-baluty-lodz")
        #expect(SiteNames.slug("../../etc/passwd") == "etc-passwd")
        #expect(SiteNames.slug("a/b\\c\u{0}d\u{1B}]0;x\u{07}e") == "a-b-c-d-0-x-e")
        #expect(SiteNames.slug("漢字 🎒👩‍👩‍👧") == "")
        #expect(SiteNames.slug("Þingeyjarskóli") == "thingeyjarskoli")
        #expect(SiteNames.slug(String(repeating: "ab ", count: 40)).count <= 40)
        #expect(!SiteNames.slug(String(repeating: "ab ", count: 40)).hasSuffix("-"))
        #expect(SiteNames.stem(name: "漢字 🎒", id: "clu-3f9a2c7e0011223344556677") == "cluster-44556677")
        #expect(SiteNames.stem(name: "..", id: "../../x") == "cluster-x")
    }

    @Test func two_clusters_whose_names_and_ids_fold_alike_get_two_files() {
        var names = SiteNames()
        let a = names.claim(name: "Łódź", id: "clu-ABCDEF12")
        let b = names.claim(name: "Lodz", id: "clu-abcdef12")
        let c = names.claim(name: "index", id: "")
        #expect(a == "lodz-abcdef12" && b == "lodz-abcdef12-2")
        #expect(c == "index-2")
    }

    /// Hostile names: every file name is plain, lower case and unique (also where case is
    /// ignored), every page is well-formed XHTML with the text escaped, and no page has a script.
    @Test func hostile_names_give_safe_file_names_and_escaped_well_formed_pages() throws {
        var w = try examples()
        let hostile = [
            "../../etc/passwd", "/", "<script>alert(1)</script>", "\u{1B}]0;title\u{07}\u{202E}evil", "漢字", "🎒👩‍👩‍👧", "Cafe\u{301} Łódź",
            "CON", ".hidden",
        ]
        let gent = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        for (n, name) in hostile.enumerated() {
            let c = Cluster(id: "clu-hostile\(n)", name: name, kind: .network, region: name)
            w.apply(.put(.cluster(c)))
            w.apply(.put(.membership(Membership(cluster: gent.id, memberType: .cluster, memberId: c.id, role: name))))
            w.apply(.put(.goal(Goal(cluster: c.id, statement: name, indicator: name, unit: name, baseline: 1, target: 2))))
        }
        let site = Site.make(world: w, today: today, made: made)
        let files = site.pages.map(\.file) + site.calendars.map(\.file)
        #expect(Set(files.map { $0.lowercased() }).count == files.count, "two files share a name: \(files)")
        for file in files {
            #expect(file.range(of: "^[a-z0-9][a-z0-9-]*(\\.roll-up)?\\.(html|ics)$", options: .regularExpression) != nil, "\(file)")
        }
        for page in site.pages {
            let (ok, reader) = read(page.html)
            #expect(ok, "\(page.file) is not well-formed")
            #expect(!reader.elements.contains("script") && !reader.elements.contains("img") && !reader.elements.contains("link"))
            #expect(!page.html.unicodeScalars.contains { ($0.value < 0x20 && $0.value != 0x0A) || $0.value == 0x202E })
        }
        let gentPage = try #require(site.pages.first { $0.html.contains("<title>Lokaal netwerk Gent") })
        let (_, reader) = read(gentPage.html)
        #expect(reader.text.contains("<script>alert(1)</script>"))
        #expect(gentPage.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func every_link_of_every_page_names_a_file_of_the_site() throws {
        let site = Site.make(world: try examples(), today: today, made: made)
        let files = Set(site.pages.map(\.file) + site.calendars.map(\.file))
        #expect(site.pages.first?.file == "index.html")
        var linked: Set<String> = []
        for page in site.pages {
            let (ok, reader) = read(page.html)
            #expect(ok)
            for target in reader.targets {
                #expect(files.contains(target), "\(page.file) links to \(target), which the site does not hold")
                linked.insert(target)
            }
        }
        // Every page and calendar is reached from somewhere.
        #expect(files.subtracting(linked).subtracting(["index.html"]).isEmpty, "\(files.subtracting(linked))")
    }

    @Test func the_index_lists_clusters_and_groupings_with_their_members_and_when_it_was_made() throws {
        let w = try examples()
        let site = Site.make(world: w, today: today, made: made)
        let index = try #require(site.pages.first).html
        #expect(index.contains("Made 2026-11-22 14:22 UTC from revision \(w.revision) of the store"))
        #expect(index.contains("<h2>Groupings</h2>") && index.contains("Northern Alliance"))
        for c in w.clusters.values { #expect(index.contains(HTMLReport.esc(c.name)), "\(c.name) is not on the index") }
        let alliance = try w.findCluster("Northern Alliance")
        #expect(site.pages.contains { $0.file.hasSuffix(".roll-up.html") && $0.html.contains("<title>Northern Alliance: roll-up</title>") })
        for m in w.memberClusters(of: alliance.id) { #expect(index.contains(HTMLReport.esc(m.name))) }
        // Without groupings there is no groupings part and no roll-up page.
        var flat = World()
        flat.apply(.put(.cluster(Cluster(name: "Alone", kind: .network))))
        let plain = Site.make(world: flat, today: today, made: made)
        #expect(!plain.pages[0].html.contains("Groupings") && plain.pages.count == 2)
    }

    @Test func a_cluster_page_holds_the_plan_the_goal_charts_checkpoints_health_and_calendar() throws {
        var w = try examples()
        let gent = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        let check = try #require(w.checkpoints(of: gent.id, on: today).first { !$0.isDone })
        var done = check
        done.doneOn = today
        done.doneBy = "an.officer"
        done.evidence = "Verslag <op> intranet"
        w.apply(.put(.checkpoint(done)))
        let site = Site.make(world: w, today: today, made: made)
        let page = try #require(site.pages.first { $0.html.contains("<title>Lokaal netwerk Gent") }).html
        let plan = try #require(Report.plan(gent.id, world: w, today: today, made: made))
        #expect(page.contains(HTMLReport.sections(plan)), "the plan is not drawn by its own renderer")
        for id in ["goal-charts", "checkpoints", "health", "calendar"] { #expect(page.contains("<section id=\"\(id)\">")) }
        #expect(
            page.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"").count - 1
                == w.goals(of: gent.id).count)
        #expect(page.contains("<td>done</td><td>\(today)</td><td>an.officer</td><td>Verslag &lt;op&gt; intranet</td>"))
        #expect(page.contains("open, OVERDUE") || page.contains("<td>open"))
        #expect(page.contains("<th>2026-06-06</th>") || page.contains("health checks, oldest first"))
        let calendar = try #require(site.calendars.first { $0.cluster == gent.id }).file
        #expect(page.contains("href=\"\(calendar)\""))
        #expect(page.contains("@page { size: A4") && page.contains("tr { page-break-inside: avoid"))
    }

    /// A decreasing goal (12 → 8): a measurement equal to the target sits on the target's line,
    /// one equal to the baseline on the baseline's, the target below the baseline, and later
    /// days further right.
    @Test func a_chart_places_each_measurement_against_the_baseline_and_the_target() throws {
        let start = Day(iso: "2025-01-01")!
        let goal = Goal(
            id: "gol-1", cluster: "clu-1", statement: "Fewer leavers", indicator: "leaving rate", unit: "%", baseline: 12,
            baselineDate: start, target: 8, deadline: Day(iso: "2027-01-01")!)
        let ms = [
            Measurement(goal: goal.id, value: 10, date: Day(iso: "2026-01-01")!, by: "a"),
            Measurement(goal: goal.id, value: 12, date: start, by: "a"),
            Measurement(goal: goal.id, value: 8, date: Day(iso: "2026-06-01")!, by: "a"),
            Measurement(goal: goal.id, value: 1, date: Day(iso: "2027-06-01")!, by: "a"),  // after today: not drawn
        ]
        let chart = GoalChart(goal: goal, measurements: ms, today: today)
        #expect(chart.points.map(\.value) == [12, 10, 8])
        let baselineY = try #require(chart.baselineY)
        let targetY = try #require(chart.targetY)
        #expect(abs(chart.points[0].y - baselineY) < 1e-9)
        #expect(abs(chart.points[2].y - targetY) < 1e-9)
        #expect(targetY > baselineY, "8 is drawn below 12 (SVG's y grows downwards)")
        #expect(chart.points[1].y > baselineY && chart.points[1].y < targetY)
        #expect(chart.points.map(\.x) == chart.points.map(\.x).sorted() && chart.points[0].x == GoalChart.left)
        #expect(chart.deadlineX == GoalChart.width - GoalChart.right)
        for p in chart.points { #expect(p.y > GoalChart.top && p.y < GoalChart.height - GoalChart.bottom) }
        let way = try #require(chart.plannedWay)
        #expect(way.y1 == baselineY && way.y2 == targetY)
        let svg = chart.svg(id: "goal-1")
        #expect(svg.contains("role=\"img\"") && svg.contains("<title id=\"goal-1-title\">"))
        #expect(chart.summary.contains("baseline 12% on 2025-01-01") && chart.summary.contains("target 8% by 2027-01-01"))
        #expect(svg.contains("aria-label=\"Fewer leavers: achieved; latest 8% on 2026-06-01; 3 measurements"))
        #expect(svg.contains(">baseline 12%</text>") && svg.contains(">target 8%</text>"))
    }

    @Test func a_chart_of_a_goal_without_numbers_or_with_one_value_still_draws() throws {
        let bare = Goal(cluster: "clu-1", statement: "Unmeasured <goal>", indicator: "")
        let empty = GoalChart(goal: bare, measurements: [], today: today)
        #expect(empty.points.isEmpty && empty.baselineY == nil && empty.targetY == nil)
        let (ok, _) = read("<p>" + empty.svg(id: "g") + "</p>")
        #expect(ok && empty.svg(id: "g").contains("no measurement yet") && empty.summary.contains("Unmeasured <goal>: no-data"))
        let flat = Goal(cluster: "clu-1", statement: "Flat", indicator: "x", baseline: 5, target: 5)
        let one = GoalChart(goal: flat, measurements: [Measurement(goal: flat.id, value: 5, date: today, by: "a")], today: today)
        #expect(one.low < 5 && one.high > 5 && one.points.count == 1 && one.points[0].y.isFinite && one.points[0].x.isFinite)
    }
}

@Suite struct SiteEscapingTests {
    /// The text back from its escaped form, scalar by scalar (a `String`'s own search works by
    /// characters, and `&gt;` with a combining mark after it is not one of them): each entity
    /// read, and nil when a `&` starts none.
    func unescaped(_ s: String) -> [Unicode.Scalar]? {
        let scalars = Array(s.unicodeScalars)
        let entities: [(String, Unicode.Scalar)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\"")]
        var out: [Unicode.Scalar] = []
        var i = 0
        next: while i < scalars.count {
            guard scalars[i] == "&" else {
                out.append(scalars[i])
                i += 1
                continue
            }
            for (entity, scalar) in entities where scalars[i...].starts(with: entity.unicodeScalars) {
                out.append(scalar)
                i += entity.unicodeScalars.count
                continue next
            }
            return nil
        }
        return out
    }

    /// A mark that combines with `<` made one character of the two, which a replacement of
    /// characters passed over: `<` reached the page raw and the XHTML was no longer well-formed.
    @Test func markup_followed_by_a_combining_mark_is_escaped_too() throws {
        #expect(HTMLReport.esc("<\u{301}b>") == "&lt;\u{301}b&gt;")
        #expect(HTMLReport.esc("&\u{20DD}\"\u{301}\u{FFFE}\u{301}") == "&amp;\u{20DD}&quot;\u{301}\u{FFFD}\u{301}")
        var w = World()
        let c = Cluster(name: "<\u{301}script>x</\u{301}script>", kind: .network)
        w.apply(.put(.cluster(c)))
        let page = HTMLReport.cluster(c.id, world: w, today: Day(iso: "2026-11-22")!)
        let parser = XMLParser(data: Data(page.utf8))
        #expect(parser.parse(), "not well-formed: \(page.prefix(300))")
    }

    /// Random text of markup, controls, combining marks and other scripts: the escaped form
    /// holds no raw markup and no noncharacter, and reads back as the text shown visibly.
    @Test func escaped_text_holds_no_raw_markup_and_reads_back_as_the_visible_text() {
        let pieces = [
            "&", "<", ">", "\"", "'", "\u{FFFE}", "\u{FFFF}", "\u{1B}", "\n", "\u{202E}", "a", "Łódź", "漢", "🎒", "e\u{301}", "\u{301}",
            "\u{20DD}", "&amp;", " ",
        ]
        let seed = UInt64(ProcessInfo.processInfo.environment["CAIRN_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        print("escaping seed: \(seed) (CAIRN_SEED=\(seed) replays it)")
        var rng = SplitMix64(state: seed)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let escaped = HTMLReport.esc(text)
            #expect(!escaped.unicodeScalars.contains { "<>\"\u{FFFE}\u{FFFF}".unicodeScalars.contains($0) }, "\(escaped)")
            let visible = Text.visible(text, keepLineBreaks: true).unicodeScalars.map {
                $0 == "\u{FFFE}" || $0 == "\u{FFFF}" ? "\u{FFFD}" : $0
            }
            #expect(unescaped(escaped) == visible, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
