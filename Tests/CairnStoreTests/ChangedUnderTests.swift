import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A journal only grows. One cut or changed under a running session is read again and said;
/// and no commit ever cuts a complete line from it.
@Suite struct ChangedUnderTests {
    let ana = Identity(user: "ana", host: "regional-server")

    func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func a_journal_cut_under_a_running_session_is_said_and_read_again() throws {
        let tmp = TemporaryDirectory()
        let writer = try Store(directory: tmp.store, identity: ana)
        for name in ["Þingeyjarskóli", "Łódź 12", "São João"] { try writer.commit([.put(.school(School(name: name)))]) }
        let session = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"))
        #expect(session.world.schools.count == 3)
        #expect(try session.refresh() == false)
        #expect(session.takeAlarms().isEmpty)
        let kept = try lines(writer.journalFile)
        try Data((kept.prefix(2).joined(separator: "\n") + "\n").utf8).write(to: writer.journalFile)

        #expect(try session.refresh())
        let said = session.takeAlarms()
        #expect(said.count == 1)
        #expect(said.first?.hasPrefix("journal/\(writer.journalFile.lastPathComponent) shrank from ") == true, "\(said)")
        #expect(said.first?.contains("run `cairn check`") == true)
        #expect(session.world.schools.count == 2)
    }

    @Test func a_line_changed_in_place_under_a_running_session_is_said() throws {
        let tmp = TemporaryDirectory()
        let writer = try Store(directory: tmp.store, identity: ana)
        for name in ["Þingeyjarskóli", "Łódź 12"] { try writer.commit([.put(.school(School(name: name)))]) }
        let session = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"))
        #expect(try session.refresh() == false)
        // The same length, the last line's hash changed by hand.
        var bytes = try Data(contentsOf: writer.journalFile)
        let at = bytes.count - 4
        bytes[at] = bytes[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try bytes.write(to: writer.journalFile)
        #expect(try session.refresh())
        #expect(session.takeAlarms().first?.contains("changed before the place this session had read to") == true)
    }

    @Test func a_journal_cut_inside_a_commit_keeps_every_complete_line_at_the_next_commit() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit((1...5).map { .put(.school(School(id: "sch-\($0)", name: "Escola \($0)"))) })
        let all = try lines(store.journalFile)
        // Cut by hand after three of the commit's five lines (complete lines, no torn tail).
        try Data((all.prefix(3).joined(separator: "\n") + "\n").utf8).write(to: store.journalFile)
        let again = try Store(directory: tmp.store, identity: ana)
        try again.commit([.put(.school(School(id: "sch-9", name: "Escola 9")))])
        let after = try lines(store.journalFile)
        #expect(after.count == 4)
        #expect(Array(after.prefix(3)) == Array(all.prefix(3)))
        #expect(try Store(directory: tmp.store, identity: ana).world.schools.keys.sorted() == ["sch-9"])
    }
}
