import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// On a school's screen `l` links it to another school (a picker, then a form saying what the
/// link is from this school's side); on a link's row `e` edits the link and `d` removes it,
/// while on a cluster's row they act on the school as before.
@Suite struct LinkFormTests {
    /// Escola Básica de São João (sch-1) feeds Þingeyjarskóli (sch-3) at primary.
    static func linked() -> World {
        var w = Fixture.world()
        w.apply([.put(.link(Link(id: "lnk-1", from: "sch-1", to: "sch-3", relation: .feeds, phases: [.primary])))])
        return w
    }

    /// The school screen of Escola Básica de São João.
    static func onSãoJoão(_ world: World = Fixture.world(), width: Int = 80, height: Int = 24) -> AppState {
        var app = Fixture.app(world, width: width, height: height)
        app.press(.char("2"), .enter)
        return app
    }

    static func footer(_ app: AppState) -> String { app.render().row(app.env.height - 1) }

    @Test func l_picks_another_school_by_typing_and_saving_a_feed_selects_the_new_link() throws {
        var app = Self.onSãoJoão()
        #expect(Self.footer(app).contains("l link"), "\(Self.footer(app))")
        app.press(.char("l"))
        let picker = try app.topScreen(LinkPickerScreen.self)
        #expect(picker.list.rows.map(\.id) == ["sch-2", "sch-3"], "every other school, never the school itself")
        app.type("ingey")
        #expect(try app.topScreen(LinkPickerScreen.self).list.selectedRow?.id == "sch-3")
        app.press(.enter)
        let form = try #require(app.topForm)
        #expect(form.title == "Link with Þingeyjarskóli")
        #expect(form.fields.map(\.key) == ["relation", "phases", "notes"], "a feed has phases, no day")
        #expect(form.field("relation")?.shownValue == "feeds")
        // Phases: early childhood is first; primary and lower secondary ticked.
        app.press(.tab, .right, .char(" "), .right, .char(" "), .tab)
        app.type("Visitas em junho")
        let effects = app.press(.enter)
        #expect(try effects.committed().puts.count == 1)
        app.settle(effects)
        let link = try #require(app.world.links.values.first)
        #expect(link.from == "sch-1" && link.to == "sch-3" && link.relation == .feeds)
        #expect(link.phases == [.primary, .lowerSecondary] && link.notes == "Visitas em junho")
        let screen = try app.topScreen(RecordScreen.self)
        #expect(screen.clusters.selectedRow?.id == link.id, "the new link is the row selected")
        let text = app.render().text
        #expect(text.contains("primary → lower secondary"), "\(text)")
        #expect(Self.footer(app).contains("e edit link") && Self.footer(app).contains("d unlink"), "\(Self.footer(app))")
    }

    @Test func a_picker_that_gives_way_to_its_form_hands_what_is_saved_to_the_screen_that_opened_it() throws {
        // The same hand-over on a cluster: a member added through its picker is the row selected.
        var app = Fixture.app()
        app.press(.enter)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-pt")
        app.press(.char("a"))
        app.type("ingey")
        app.press(.enter)
        app.settle(app.press(.enter))
        let joined = try #require(app.world.memberships.values.first { $0.memberId == "sch-3" })
        #expect(try app.topScreen(ClusterScreen.self).selected == joined.id)
    }

    @Test func a_school_fed_by_the_other_is_saved_with_the_link_running_from_the_other() throws {
        var app = Self.onSãoJoão()
        app.press(.char("l"))
        app.type("łodzi")
        app.press(.enter, .char("i"))
        #expect(app.topForm?.field("relation")?.shownValue == "is fed by")
        app.settle(app.press(.enter))
        let link = try #require(app.world.links.values.first)
        #expect(link.from == "sch-2" && link.to == "sch-1" && link.relation == .feeds)
        #expect(app.render().text.contains("fed by"))
    }

    @Test func a_succession_asks_its_day_and_how_and_a_repeat_or_a_loop_is_refused_beside_what_the_link_says() throws {
        var w = Fixture.world()
        // São João took over from the Łódź school.
        w.apply([.put(.link(Link(id: "lnk-9", from: "sch-2", to: "sch-1", relation: .lineage, on: Day(iso: "2024-09-01"), how: .merged)))])
        var app = Self.onSãoJoão(w)
        app.press(.char("l"))
        app.type("łodzi")
        app.press(.enter, .char("i"), .char("i"))
        var form = try #require(app.topForm)
        #expect(form.field("relation")?.shownValue == "is succeeded by")
        #expect(form.fields.map(\.key) == ["relation", "on", "how", "notes"], "a succession has a day and how, no phases")

        // The Łódź school succeeding São João, which took over from it, is a loop; and the day
        // and how are asked for. Each is said beside its field; nothing is saved.
        #expect(!app.press(.enter).hasCommit)
        form = try #require(app.topForm)
        #expect(form.errors["on"] == "say when the successor took over")
        #expect(form.errors["how"]?.hasPrefix("say how") == true)
        let loop = try #require(form.errors["relation"])
        #expect(loop.contains("is already a predecessor of"), "\(loop)")
        #expect(form.focus == 0, "the focus goes to what the link says")
        let rows = app.render().text.split(separator: "\n")
        for label in ["This school", "Day", "How"] {
            #expect(rows.contains { $0.contains(label) && $0.contains("✗ ") }, "\(label): \(rows)")
        }
        app.press(.tab)
        app.type("2025-09-01")
        app.press(.tab, .char("m"))
        #expect(!app.press(.enter).hasCommit)
        #expect(app.topForm?.errors.keys.sorted() == ["relation"], "only the loop is left")
        #expect(app.topForm?.focus == 0)

        // São João succeeding it again: the same link twice.
        app.press(.left)
        #expect(app.topForm?.field("relation")?.shownValue == "succeeds")
        #expect(!app.press(.enter).hasCommit)
        let repeated = try #require(app.topForm?.errors["relation"])
        #expect(repeated.contains("is already recorded"), "\(repeated)")
        #expect(app.world.links.count == 1)
    }

    @Test func a_succession_with_its_day_and_how_is_saved_from_the_predecessor_to_the_successor() throws {
        var app = Self.onSãoJoão()
        app.press(.char("l"))
        app.type("ingey")
        app.press(.enter, .char("s"), .tab)
        app.type("2027-09-01")
        app.press(.tab, .char("c"))
        app.settle(app.press(.enter))
        let link = try #require(app.world.links.values.first)
        #expect(link.from == "sch-3" && link.to == "sch-1" && link.relation == .lineage)
        #expect(link.on == Day(iso: "2027-09-01") && link.how == .converted)
        #expect(try app.topScreen(RecordScreen.self).clusters.selectedRow?.id == link.id)
        #expect(app.render().text.contains("succeeded (converted)"))
    }

    @Test func changing_a_feed_to_a_succession_and_back_swaps_its_fields_and_keeps_the_notes() throws {
        var app = Self.onSãoJoão()
        app.press(.char("l"), .enter, .backTab)
        #expect(app.topForm?.fields[app.topForm?.focus ?? 0].key == "notes")
        app.type("Fusão")
        app.press(.tab, .char("s"))
        #expect(app.topForm?.fields.map(\.key) == ["relation", "on", "how", "notes"])
        #expect(app.topForm?.value("notes") == "Fusão")
        app.press(.char("f"))
        #expect(app.topForm?.fields.map(\.key) == ["relation", "phases", "notes"])
        #expect(app.topForm?.value("notes") == "Fusão")
    }

    @Test func e_on_a_link_row_edits_the_link_and_on_a_cluster_row_still_edits_the_school() throws {
        var app = Self.onSãoJoão(Self.linked())
        #expect(try app.topScreen(RecordScreen.self).clusters.selectedRow?.id == "clu-pt")
        #expect(Self.footer(app).contains("e edit  d del"), "\(Self.footer(app))")
        app.press(.char("e"))
        #expect(app.topForm?.purpose == .school(id: "sch-1", joinCluster: nil))
        app.press(.escape)

        app.press(.char("j"))
        app.press(.char("e"))
        let form = try #require(app.topForm)
        #expect(form.title == "Edit link: Escola Básica de São João feeds Þingeyjarskóli")
        #expect(form.fields.map(\.key) == ["phases", "notes"])
        // Lower secondary ticked beside primary, and a note.
        app.press(.right, .right, .char(" "), .tab)
        app.type("Dia aberto")
        let effects = app.press(.enter)
        #expect(
            try effects.committed().edits.flatMap(\.fields).map(\.name).sorted() == ["notes", "phases"], "field edits, not a new record")
        app.settle(effects)
        #expect(app.world.links["lnk-1"]?.phases == [.primary, .lowerSecondary])
        #expect(app.world.links["lnk-1"]?.notes == "Dia aberto")
        #expect(try app.topScreen(RecordScreen.self).clusters.selectedRow?.id == "lnk-1")
    }

    @Test func the_other_school_edits_the_link_from_its_own_side() throws {
        var app = Fixture.app(Self.linked())
        app.press(.char("2"), .char("G"), .enter)
        #expect(try app.topScreen(RecordScreen.self).id == "sch-3")
        app.press(.char("e"))
        #expect(app.topForm?.title == "Edit link: Þingeyjarskóli is fed by Escola Básica de São João")
    }

    @Test func shift_e_edits_the_school_itself_on_a_link_row() throws {
        var app = Self.onSãoJoão(Self.linked())
        app.press(.char("j"), .char("E"))
        #expect(app.topForm?.purpose == .school(id: "sch-1", joinCluster: nil))
    }

    @Test func d_on_a_link_row_asks_naming_the_link_and_removes_only_the_link() throws {
        var app = Self.onSãoJoão(Self.linked())
        app.press(.char("j"), .char("d"))
        let question = try app.topScreen(ConfirmScreen.self)
        #expect(
            question.question
                == "Remove the link “Escola Básica de São João” feeds “Þingeyjarskóli” (primary)? The schools stay. (y/n)")
        app.settle(app.press(.char("y")))
        #expect(app.world.links.isEmpty)
        #expect(app.world.schools["sch-1"] != nil && app.world.schools["sch-3"] != nil)
        #expect(try app.topScreen(RecordScreen.self).clusters.rows.map(\.id) == ["clu-pt"])

        // On a cluster's row d still asks to delete the school.
        app.press(.char("d"))
        #expect(try app.topScreen(ConfirmScreen.self).question.hasPrefix("Delete school"))
    }

    @Test func an_agency_has_no_link_key() throws {
        var app = Fixture.app()
        app.press(.char("3"), .enter)
        #expect(try app.topScreen(RecordScreen.self).type == .agency)
        #expect(!Self.footer(app).contains("l link"))
        #expect(app.press(.char("l")).isEmpty)
        _ = try app.topScreen(RecordScreen.self)
    }

    @Test(arguments: [(80, 24), (64, 20)])
    func the_link_forms_fit(width: Int, height: Int) throws {
        var app = Self.onSãoJoão(Self.linked())
        app.press(.char("l"), .enter)
        app.press(.tab, .right, .char(" "))
        var canvas = Canvas(width: width, height: height)
        let feed = try app.topScreen(FormScreen.self)
        feed.render(into: &canvas, area: Rect(x: 0, y: 0, width: width, height: height), app.env)
        expectSnapshot(canvas, "link-form-feed-\(width)x\(height)")

        app.press(.backTab, .char("i"), .char("i"), .enter)
        canvas = Canvas(width: width, height: height)
        let succession = try app.topScreen(FormScreen.self)
        succession.render(into: &canvas, area: Rect(x: 0, y: 0, width: width, height: height), app.env)
        expectSnapshot(canvas, "link-form-succession-\(width)x\(height)")
    }

    @Test func the_school_screen_with_the_picker_and_the_form_at_80x24() throws {
        var app = Self.onSãoJoão(Self.linked())
        app.press(.char("j"))
        expectSnapshot(app.render(), "school-on-a-link-row")
        app.press(.char("l"))
        expectSnapshot(app.render(), "link-picker")
    }
}
