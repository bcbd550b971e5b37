import Testing

@testable import CairnCore

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

/// A merge looks each example up once, whatever the size of the libraries: a hub's 1 MiB of
/// examples is thousands, and comparing every one with every other held the journal's lock
/// the while.
@Suite struct InspirationMergeScaleTests {
    /// Counts the comparisons made of it.
    final class Tally: @unchecked Sendable { var comparisons = 0 }

    struct Probe: Hashable {
        let n: Int
        let tally: Tally
        static func == (a: Probe, b: Probe) -> Bool {
            a.tally.comparisons += 1
            return a.n == b.n
        }
        func hash(into hasher: inout Hasher) { hasher.combine(n) }
    }

    @Test func a_merge_of_thousands_of_examples_compares_each_a_few_times_not_each_with_each() {
        let tally = Tally()
        let count = 6_000
        let base = (0..<count).map { Probe(n: $0, tally: tally) }
        // Ours drops the first hundred and adds a hundred; theirs drops the last hundred and adds a hundred.
        let ours = Array(base.dropFirst(100)) + (count..<count + 100).map { Probe(n: $0, tally: tally) }
        let theirs = Array(base.dropLast(100)) + (2 * count..<2 * count + 100).map { Probe(n: $0, tally: tally) }
        let merged = Inspiration.mergedList(base, ours, theirs).map(\.n)
        #expect(merged == Array(100..<count - 100) + Array(count..<count + 100) + Array(2 * count..<2 * count + 100))
        #expect(tally.comparisons < 20 * count, "\(tally.comparisons) comparisons for \(count) examples a side")
    }
}
