import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Two records given one id: the second creation is reported as damage, never folded over the first.
@Suite struct IDClashTests {
    @Test func a_create_event_for_an_existing_id_is_reported_on_load_and_the_first_record_stands() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "laptop"))
        let first = Checkpoint(id: "chk-0123456789", cluster: "clu-1", title: "Reunião trimestral", due: Day(iso: "2026-01-15")!)
        try store.commit([.put(.checkpoint(first))])
        // Another machine, with 40-bit ids, once made an unrelated record with the same id.
        let other = try Store(
            directory: tmp.store.appendingPathComponent("../other").standardized, identity: Identity(user: "ben", host: "server"))
        let unrelated = Checkpoint(id: first.id, cluster: "clu-2", title: "Audit", due: Day(iso: "2026-02-01")!)
        try other.commit([.put(.checkpoint(unrelated))])
        let theirs = try String(contentsOf: other.journalFile, encoding: .utf8)
        try unchained(theirs).write(to: tmp.store.appendingPathComponent("journal/server.jsonl"), atomically: true, encoding: .utf8)

        let reopened = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "laptop"))
        #expect(reopened.world.checkpoints[first.id]?.title == "Reunião trimestral")
        let clash = try #require(reopened.problems.first { $0.isDamage })
        #expect(clash.file == "server.jsonl")
        #expect(clash.line == 1)
        #expect(clash.description.contains("creates chk-0123456789, which is already checkpoint “Reunião trimestral”"))
    }
}
