import Testing

@testable import CairnCore

/// The rule book: every change is a named operation that validates against the world.
@Suite struct RuleBookTests {
    let today = Day(iso: "2026-11-22")!
    var author: Author { Author(user: "ana", today: today) }

    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos"))),
            .put(.school(School(id: "sch-1", officialId: "PT-1", name: "Escola de São João"))),
            .put(.checkpoint(Checkpoint(id: "chk-1", cluster: "clu-1", title: "Reunião", due: Day(iso: "2026-11-10")!))),
        ])
        return w
    }

    @Test func names_sort_case_and_accent_blind_then_by_exact_text_everywhere() {
        let names = ["Zamość", "Lyon", "Łódź", "Ørsted", "Lisbon", "élan"]
        #expect(NameOrder.sorted(names, by: { $0 }) == ["élan", "Lisbon", "Łódź", "Lyon", "Ørsted", "Zamość"])
        #expect(NameOrder.precedes("Lodz", "Łódź"))  // folded alike: the exact text breaks the tie
    }

    @Test func new_ids_carry_96_random_bits_and_a_seeded_source_repeats_itself() {
        let id = RecordID.make(.checkpoint)
        #expect(id.hasPrefix("chk-"))
        #expect(id.dropFirst(4).count >= 20)
        var a = RecordIDSource.seeded(7)
        var b = RecordIDSource.seeded(7)
        let first = (a.make(.school), a.make(.goal))
        #expect(first == (b.make(.school), b.make(.goal)))
        #expect(first.0 != first.1.replacingOccurrences(of: "gol", with: "sch"))
    }

    @Test func creating_a_record_whose_id_exists_is_refused() throws {
        let w = world()
        let twin = Checkpoint(id: "chk-1", cluster: "clu-1", title: "Another", due: today)
        let refusal = try #require(throws: Refusal.self) { try w.perform(.add(.checkpoint(twin)), by: author) }
        #expect(refusal.message.contains("chk-1 is already checkpoint “Reunião”"))
    }

    @Test func ticking_a_done_checkpoint_is_refused_and_reopening_an_open_one_too() throws {
        var w = world()
        let tick = try w.perform(.tick(checkpoint: "chk-1", evidence: " acta  n.º 3 "), by: author)
        #expect(tick.summary == "Ticked “Reunião” as done")
        w.apply(tick.changes)
        #expect(w.checkpoints["chk-1"]?.doneBy == "ana")
        #expect(w.checkpoints["chk-1"]?.evidence == "acta n.º 3")
        let again = try #require(throws: Refusal.self) { try w.perform(.tick(checkpoint: "chk-1", evidence: ""), by: author) }
        #expect(again.message == "“Reunião” was already ticked by ana on 2026-11-22")
        // A tick writes the three fields it sets, each with what it was; undo puts back just those.
        #expect(tick.changes.count == 1)
        let e = try #require({ () -> Edit? in if case .edit(let e)? = tick.inverse.first { return e } else { return nil } }())
        #expect(e.fields.map(\.name) == ["doneBy", "doneOn", "evidence"])
        #expect(e.fields.allSatisfy { $0.new == .null })
        w.apply(try w.perform(.reopen(checkpoint: "chk-1"), by: author).changes)
        #expect(throws: Refusal.self) { try w.perform(.reopen(checkpoint: "chk-1"), by: author) }
    }

    @Test func a_tick_without_its_day_is_refused_even_when_carried_from_a_restore() {
        var half = Checkpoint(cluster: "clu-1", title: "Half", due: today)
        half.doneBy = "ana"
        #expect(throws: Refusal.self) { try world().perform(.carry([.put(.checkpoint(half))], summary: ""), by: author) }
    }

    @Test func a_typed_goal_must_be_complete_while_a_carried_one_may_be_a_gap() throws {
        let w = world()
        let vague = Goal(cluster: "clu-1", statement: "Mais alunos")
        let refusal = try #require(throws: Refusal.self) { try w.perform(.add(.goal(vague)), by: author) }
        #expect(refusal.issues.map(\.field) == ["indicator", "target", "deadline"])
        let carried = try w.perform(.carry([.put(.goal(vague))], summary: "Loaded"), by: author)
        #expect(carried.changes.count == 1)
        #expect(carried.summary == "Loaded")
    }

    @Test func a_goal_takes_its_direction_from_baseline_and_target() throws {
        let g = Goal(
            cluster: "clu-1", statement: "Menos abandono", indicator: "taxa", baseline: 12, baselineDate: today, target: 8,
            deadline: today.adding(months: 12), direction: .increase)
        let outcome = try world().perform(.add(.goal(g)), by: author)
        var expected = g
        expected.direction = .decrease
        #expect(outcome.changes == [.put(.goal(expected))])
    }

    @Test func fields_are_set_by_their_export_names_and_bad_values_say_what_is_accepted() throws {
        let w = world()
        let edit = try w.perform(
            .setFields(.school, id: "sch-1", [FieldValue("municipality", "Loures"), FieldValue("phases", "primary,lower-secondary")]),
            by: author)
        let expected = School(
            id: "sch-1", officialId: "PT-1", name: "Escola de São João", phases: [.primary, .lowerSecondary], municipality: "Loures")
        #expect(
            edit.changes == [
                .edit(
                    Edit(
                        kind: .school, id: "sch-1",
                        fields: [
                            FieldEdit("municipality", old: .string(""), new: .string("Loures")),
                            FieldEdit("phases", old: .array([]), new: .array([.string("primary"), .string("lower-secondary")])),
                        ]))
            ])
        var after = w
        after.apply(edit.changes)
        #expect(after.schools["sch-1"] == expected)
        let unknown = try #require(throws: Refusal.self) {
            try w.perform(.setFields(.school, id: "sch-1", [FieldValue("colour", "red")]), by: author)
        }
        #expect(unknown.message.hasPrefix("school has no field “colour”: use one of name, officialId, phases"))
        let badDate = try #require(throws: Refusal.self) {
            try w.perform(.setFields(.checkpoint, id: "chk-1", [FieldValue("due", "31/12")]), by: author)
        }
        #expect(badDate.message.contains("due: “31/12” is not a date"))
        let cleared = try w.perform(.setFields(.school, id: "sch-1", [FieldValue("officialId", "")]), by: author)
        #expect(
            cleared.changes == [
                .edit(Edit(kind: .school, id: "sch-1", fields: [FieldEdit("officialId", old: .string("PT-1"), new: .null)]))
            ])
    }

    @Test func decimal_commas_are_read_as_numbers() throws {
        #expect(try NumberInput.parse("12,5") == 12.5)
        #expect(try NumberInput.parse(" 8 ") == 8)
        #expect(try NumberInput.parse("") == nil)
        #expect(throws: InputError.self) { try NumberInput.parse("1,2,3") }
    }

    @Test func a_delete_takes_its_cascade_and_undo_puts_everything_back() throws {
        var w = world()
        w.apply(.put(.membership(Membership(id: "mem-1", cluster: "clu-1", memberType: .school, memberId: "sch-1"))))
        let before = w
        let delete = try w.perform(.delete(.cluster, id: "clu-1"), by: author)
        #expect(Set(delete.changes.map(\.recordID)) == ["clu-1", "mem-1", "chk-1"])
        #expect(delete.summary == "Deleted cluster “Rede de Óbidos”")
        w.apply(delete.changes)
        w.apply(try w.perform(.undo(delete.inverse, summary: delete.summary), by: author).changes)
        #expect(w.clusters == before.clusters && w.memberships == before.memberships && w.checkpoints == before.checkpoints)
    }

    @Test func all_of_several_operations_or_none() throws {
        let w = world()
        let school = School(id: "sch-2", name: "Nova")
        let badMember = Membership(cluster: "nowhere", memberType: .school, memberId: "sch-2")
        #expect(throws: Refusal.self) {
            try w.perform(.all([.add(.school(school)), .add(.membership(badMember))], summary: "both"), by: author)
        }
        let member = Membership(cluster: "clu-1", memberType: .school, memberId: "sch-2")
        let both = try w.perform(.all([.add(.school(school)), .add(.membership(member))], summary: "both"), by: author)
        #expect(both.changes.count == 2)
    }
}
