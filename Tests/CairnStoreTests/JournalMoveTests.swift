import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A restored copy's move of its lines to a new journal, stopped by a kill at any step, is
/// finished by the next start: every change once, in one journal or the other.
@Suite struct JournalMoveTests {
    let ana = Identity(user: "ana", host: "regional-server")

    @Test func a_move_stopped_half_way_is_finished_by_the_next_start_each_change_once() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        for name in ["Þingeyjarskóli", "Łódź 12", "São João"] { try store.commit([.put(.school(School(name: name)))]) }
        let old = store.journalFile
        let lines = try Data(contentsOf: old).split(separator: 0x0A).map { Array($0) }
        let move = JournalMove(from: old.lastPathComponent, to: "regional-server-zzzzzzzz.jsonl", keep: lines[0].count + 1)
        try move.record(tmp.store, access: store.access)
        // Killed after the second line reached the new journal, before the third and the cut.
        let new = JournalWriter(url: store.journalDirectory.appendingPathComponent(move.to), store: tmp.store)
        try new.locked { () throws(StoreError) in try new.append(lines: [JournalChain.split(lines[1][...]).content]) }

        let again = try Store(directory: tmp.store, identity: ana)
        #expect(again.instance.id == "regional-server-zzzzzzzz")
        #expect(again.world.schools.count == 3)
        #expect(again.problems.filter(\.isDamage).isEmpty, "\(again.problems)")
        #expect(try Data(contentsOf: old).split(separator: 0x0A).count == 1)
        #expect(try Data(contentsOf: again.journalFile).split(separator: 0x0A).count == 2)
        let check = try StoreCheck.run(again)
        #expect(!check.isDamaged, "\(check.report)")
        // Finishing again does nothing more.
        try move.finish(tmp.store, identity: ana, access: again.access)
        #expect(try Data(contentsOf: again.journalFile).split(separator: 0x0A).count == 2)
    }
}
