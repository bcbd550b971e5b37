import CairnCore
import Testing

@Suite struct InspirationMergeTests {
    static func action(_ text: String) -> Inspiration.ActionIdea {
        Inspiration.ActionIdea(description: text, actionClass: .prevention, sectors: [])
    }

    @Test func what_one_side_removed_goes_and_what_either_added_stays() {
        let base = Inspiration(actions: [Self.action("Breakfast club"), Self.action("Homework café")])
        let ours = Inspiration(actions: [Self.action("Breakfast club"), Self.action("Homework café"), Self.action("Mentoring in Łódź")])
        let theirs = Inspiration(actions: [Self.action("Homework café"), Self.action("漢字 reading circle")])
        let merged = Inspiration.merged(base: base, ours: ours, theirs: theirs)
        #expect(merged.actions.map(\.description) == ["Homework café", "Mentoring in Łódź", "漢字 reading circle"])
    }

    @Test func an_example_both_sides_reworded_keeps_both_wordings() {
        let base = Inspiration(actions: [Self.action("Attendance calls")])
        let ours = Inspiration(actions: [Self.action("Attendance calls on the first day")])
        let theirs = Inspiration(actions: [Self.action("Attendance calls by the tutor")])
        let merged = Inspiration.merged(base: base, ours: ours, theirs: theirs)
        #expect(merged.actions.map(\.description) == ["Attendance calls on the first day", "Attendance calls by the tutor"])
    }

    @Test func an_example_one_side_reworded_and_the_other_removed_keeps_the_new_wording() {
        let base = Inspiration(actions: [Self.action("Attendance calls")])
        let ours = Inspiration(actions: [])
        let theirs = Inspiration(actions: [Self.action("Attendance calls by the tutor")])
        #expect(Inspiration.merged(base: base, ours: ours, theirs: theirs).actions.map(\.description) == ["Attendance calls by the tutor"])
    }
}
