import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Two copies can stamp a change alike (the same millisecond and counter: both had read the
/// same latest change, stamped ahead of their clocks). A full read orders such changes by
/// their journal's name; a session that already folded its own must come to the same world.
@Suite struct TiedStampTests {
    let today = Day(iso: "2026-12-01")!

    @Test func a_change_stamped_alike_on_another_copy_folds_as_a_full_read_orders_it() throws {
        let tmp = TemporaryDirectory()
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: Identity(user: "ben", host: "laptop"))
        let train = try Store(directory: tmp.url.appendingPathComponent("train"), identity: Identity(user: "chidi", host: "train"))
        // The laptop's journal sorts first by name: a full read folds its change first.
        #expect(laptop.journalFile.lastPathComponent < train.journalFile.lastPathComponent)
        let school = School(id: "sch-1", name: "Þingeyjarskóli")
        try laptop.perform(.add(.school(school)), by: Author(user: "ben", today: today), at: Date(timeIntervalSince1970: 1_796_115_600))
        try carry(laptop, to: train)

        // The same field, at the same moment, on both: one value stands, the other is a conflict.
        let moment = Date(timeIntervalSince1970: 1_796_115_660)
        try laptop.perform(
            .setFields(.school, id: "sch-1", [FieldValue("phone", "42 123 45 67")]), by: Author(user: "ben", today: today), at: moment)
        try train.perform(
            .setFields(.school, id: "sch-1", [FieldValue("phone", "464 3580")]), by: Author(user: "chidi", today: today), at: moment)
        let stamps = try [laptop, train].map {
            try #require(String(contentsOf: $0.journalFile, encoding: .utf8).split(separator: "\n").last)
        }
        #expect(stamps.allSatisfy { $0.contains(#""at":"2026-12-01T09:01:00.000Z""#) && !$0.contains(#""clock""#) })

        try carry(laptop, to: train)
        try carry(train, to: laptop)
        let folded = [laptop.world, train.world]
        for store in [laptop, train] { try store.reload() }
        #expect(folded == [laptop.world, train.world], "the worlds each session folded are the full reads'")
        #expect(train.world == laptop.world)
        #expect(train.world.schools["sch-1"]?.phone == "464 3580", "the train's journal, read last, stands")
        #expect(train.world.openConflicts.map(\.others.first?.value) == [.string("42 123 45 67")])
    }
}
