import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// Text takes the room there is: columns by what they hold, form values across the line, and
/// help, hints and the health line wrapped in whole words rather than cut.
@Suite struct ReadableLayoutTests {
    static let sizes = [(64, 20), (80, 23), (80, 24), (120, 40)]
    static let role = "early learning and childcare"
    static let longName = "Escola Básica e Secundária Josefa de Óbidos, polo de São João da Madeira"

    /// Portree's cluster with a nursery of a 20-cell name whose role is 28 cells, and a school
    /// whose name is far longer than any line.
    static func world() -> World {
        var w = Fixture.world()
        w.apply([
            .put(.school(School(id: "sch-n", name: "Creche de São Miguel", phases: [.earlyChildhood], municipality: "Óbidos"))),
            .put(.school(School(id: "sch-l", name: longName, phases: [.primary], municipality: "Óbidos"))),
            .put(.membership(Membership(id: "mem-n", cluster: "clu-sc", memberType: .school, memberId: "sch-n", role: role))),
        ])
        return w
    }

    @Test(arguments: sizes)
    func a_short_role_is_whole_beside_names_that_need_less_than_the_line(size: (Int, Int)) throws {
        var app = Fixture.app(Self.world(), width: size.0, height: size.1)
        app.press(.char("j"), .enter)
        let text = app.render().text
        let row = try #require(text.split(separator: "\n").first { $0.contains("Creche de São Miguel") })
        #expect(row.contains(Self.role), "the role is cut at \(size): \(row)")
        #expect(!row.contains("…"))
    }

    @Test(arguments: sizes)
    func a_long_name_is_cut_only_when_the_line_lacks_room(size: (Int, Int)) throws {
        var w = Self.world()
        w.apply(.put(.membership(Membership(id: "mem-l", cluster: "clu-sc", memberType: .school, memberId: "sch-l", role: "satellite"))))
        var app = Fixture.app(w, width: size.0, height: size.1)
        app.press(.char("j"), .enter)
        let canvas = app.render()
        let y = try #require((0..<canvas.height).first { canvas.row($0).contains("Escola Básica e Secund") })
        let row = canvas.row(y)
        // Marker, name, type, lead and role with one cell between: what the whole row needs.
        let needs = 2 + DisplayWidth.of(Self.longName) + 1 + DisplayWidth.of("school") + 1 + 4 + 1 + DisplayWidth.of(Self.role)
        if needs <= size.0 {
            #expect(row.contains(Self.longName), "room for the whole name at \(size): \(row)")
        } else {
            #expect(row.contains("Escola Básica e Secund") && row.contains("…"), "cut with … at \(size): \(row)")
            #expect(row.hasSuffix("satellite"), "the short role stays whole: \(row)")
        }
    }

    @Test(arguments: sizes)
    func a_form_value_takes_most_of_the_line(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.char("a"))
        let name = "Kahui Ako o Whāngarei, a community of learning"
        app.type(name)
        let canvas = app.render()
        #expect(canvas.text.contains(name), "the name is cut at \(size):\n\(canvas.text)")
    }

    @Test func an_error_beside_a_wide_value_is_at_the_lines_end_and_the_hint_is_under_the_form() throws {
        var app = Fixture.app()
        app.press(.char("a"))
        app.type("Rede de Óbidos")
        for _ in 0..<8 { app.press(.tab) }
        app.type("31/12")
        app.press(.enter)
        let canvas = app.render()
        let row = try #require((0..<canvas.height).map(canvas.row).first { $0.contains("Started on") })
        #expect(row.contains("31/12") && row.contains("✗ “31/12” is not a date"), "\(row)")
        #expect(canvas.text.contains("use YYYY-MM-DD, today, tomorrow, +3d, +2w or +1m"), "said whole under the form")
    }

    @Test(arguments: sizes)
    func every_help_entry_is_shown_whole_on_its_pages(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        let entries = Chrome.helpLines(app.home.allBindings(app.env)) + Chrome.helpLines(SharedKey.everywhere)
        app.press(.char("?"))
        var shown = ""
        var more = true
        for _ in 0..<4 where more {
            let canvas = app.render()
            // Inside the box: each key and what it does, wrapped lines read in order.
            let inside = (0..<canvas.height).map { canvas.row($0).split(separator: "│", omittingEmptySubsequences: false) }
                .filter { $0.count == 3 }.map { $0[1] }
            shown += inside.joined(separator: "\n") + "\n"
            #expect(!inside.joined().contains("…"), "nothing cut in help at \(size):\n\(canvas.text)")
            more = app.top.screen is HelpScreen && canvas.text.contains("PgDn more")
            if more { app.press(.pageDown) }
        }
        let words = Set(shown.split { " \n│".contains($0) })
        for (_, help) in entries {
            #expect(help.split(separator: " ").allSatisfy(words.contains), "“\(help)” not whole at \(size)")
        }
    }

    @Test(arguments: sizes)
    func the_checkpoints_legend_is_said_in_whole_parts(size: (Int, Int)) {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.char("4"))
        let text = app.render().text
        #expect(text.contains("showing all (f, R)") && text.contains("! overdue ~ within 14 days ✓ done"), "\(size):\n\(text)")
    }

    @Test(arguments: sizes)
    func the_health_line_says_since_when_in_whole_words(size: (Int, Int)) throws {
        var w = Fixture.world()
        for (id, day, rating) in [("ass-1", "2026-05-01", 2), ("ass-2", "2026-11-01", 3)] {
            w.apply(
                .put(
                    .assessment(
                        Assessment(
                            id: id, cluster: "clu-pt", date: Day(iso: day)!, by: "Maria da Conceição Vasconcelos",
                            ratings: [.leadership: rating, .workload: 1]))))
        }
        var app = Fixture.app(w, width: size.0, height: size.1)
        app.press(.enter)
        for _ in 0..<4 { app.press(.tab) }
        let text = app.render().text
        #expect(text.contains("Δ since 2026-05-01"), "\(size):\n\(text)")
        #expect(text.contains("weakest: extra workload (1)"))
        if size.1 >= 23 { #expect(text.contains("against funding ending"), "the list still shows its last row:\n\(text)") }
    }

    @Test func the_footer_drops_whole_hints_never_half_a_word() {
        let bindings: [KeyBinding<Int>] =
            [KeyBinding([.enter], "Enter", "open", 1), KeyBinding([.char("a")], "a", "add a measurement to the goal", 2)]
            + [KeyBinding([.char("?")], "?", "help", 98, essential: true), KeyBinding([.char("q")], "q", "back", 99, essential: true)]
        var canvas = Canvas(width: 30, height: 1)
        Chrome.footer(bindings, into: &canvas, y: 0)
        #expect(canvas.row(0) == "Enter open    ? help  q back")
    }
}
