import Testing

@testable import CairnCore

@Suite struct CheckpointTests {
    let today = Day(iso: "2026-11-22")!

    func checkpoint(due: String) -> Checkpoint { Checkpoint(cluster: "c", title: "t", due: Day(iso: due)!) }

    @Test func status_depends_on_the_day() {
        #expect(checkpoint(due: "2026-11-21").status(on: today) == .overdue)
        #expect(checkpoint(due: "2026-11-22").status(on: today) == .dueSoon)
        #expect(checkpoint(due: "2026-12-06").status(on: today) == .dueSoon)  // 14 days ahead
        #expect(checkpoint(due: "2026-12-07").status(on: today) == .upcoming)
        #expect(checkpoint(due: "2026-11-01").ticked(by: "ana", on: today, evidence: "").status(on: today) == .done)
    }

    @Test func statuses_differ_without_colour() {
        let marks = Set(CheckpointStatus.allCases.map(\.mark))
        let words = Set(CheckpointStatus.allCases.map(\.label))
        #expect(marks.count == 4)
        #expect(words.count == 4)
    }

    @Test func ticking_records_who_when_and_evidence_and_reopening_clears_it() {
        let ticked = checkpoint(due: "2026-11-01").ticked(by: "ana", on: today, evidence: " Acta n.º 3 ")
        #expect(ticked.doneBy == "ana")
        #expect(ticked.doneOn == today)
        #expect(ticked.evidence == "Acta n.º 3")
        let reopened = ticked.reopened()
        #expect(!reopened.isDone)
        #expect(reopened.doneBy == nil)
    }

    @Test func urgency_order_puts_overdue_first_then_by_due_then_done() {
        let list = [
            checkpoint(due: "2026-12-30"), checkpoint(due: "2026-11-01").ticked(by: "a", on: today, evidence: ""),
            checkpoint(due: "2026-11-20"), checkpoint(due: "2026-11-25"),
        ]
        let sorted = list.sorted { Checkpoint.urgencyOrder($0, $1, on: today) }
        #expect(sorted.map { $0.status(on: today) } == [.overdue, .dueSoon, .upcoming, .done])
    }
}
