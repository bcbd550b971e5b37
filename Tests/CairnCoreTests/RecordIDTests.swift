import Testing

@testable import CairnCore

/// What stands for a record's id when a journal is read: its kind's prefix, a dash and up to
/// 60 plain letters, digits, dots, dashes or underscores. Anything else is refused.
@Suite struct RecordIDTests {
    @Test func the_ids_cairn_makes_and_those_of_tests_are_ids() {
        for kind in RecordKind.allCases {
            #expect(RecordID.isValid(RecordID.make(kind), for: kind))
            #expect(RecordID.isValid(RecordID.prefix(kind) + "-1", for: kind))
            #expect(RecordID.isValid(RecordID.prefix(kind) + "-" + String(repeating: "a", count: 60), for: kind))
            #expect(RecordID.isValid(RecordID.prefix(kind) + "-Ab_9.x-y", for: kind))
        }
    }

    @Test func anything_else_is_refused() {
        let refused = [
            "", "sch", "sch-", "sch_1", "Sch-1", "clu-1", "sch-" + String(repeating: "a", count: 61), "sch-a b", "sch-a/b", "sch-..\u{0}",
            "sch-Łódź", "sch-\u{301}1", "sch-1\u{1B}[31m", "ſch-1", "sch‐1", " sch-1", "sch-1\n", "sch-漢字", "sch-🙂",
        ]
        for id in refused { #expect(!RecordID.isValid(id, for: .school), "\(id.debugDescription)") }
    }
}
