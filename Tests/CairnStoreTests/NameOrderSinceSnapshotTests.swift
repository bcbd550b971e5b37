import CairnCore
import CairnWords
import Foundation
import Testing

@testable import CairnStore

/// The Schools and Agencies tabs take their order from the one the snapshot keeps, placing only
/// the records changed since: after any run of renames, additions and deletions the order must
/// be what sorting every name gives, in the snapshot's language and in any other.
@Suite struct NameOrderSinceSnapshotTests {
    let ana = Identity(user: "ana", host: "regional-server")
    static let names = [
        "Łódź", "Lyon", "Lisboa", "Zamość", "Þingeyjarskóli", "Ísafjörður", "Akureyri", "Llandudno", "Lampeter", "Åbo", "Ørsted",
        "Ääne", "São João", "Sao Joao", "Kāhui Ako", "漢字", "élan", "Élan", "Żabka", "Ziemia", "Ólafsvík", "Chwilog", "Cei",
    ]

    func name(_ random: inout SplitMix64) -> String {
        Self.names[Int(random.next() % UInt64(Self.names.count))] + (random.next() % 3 == 0 ? "" : " \(random.next() % 40)")
    }

    @Test func the_order_kept_with_the_changes_placed_is_the_order_of_every_name_sorted() throws {
        var (_, random) = replayableRandom("the_order_kept_with_the_changes_placed_is_the_order_of_every_name_sorted")
        for written in ["is", "pl", "en", "cy"] {
            let tmp = TemporaryDirectory()
            let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
            var changes: [Change] = []
            for k in 0..<300 { changes.append(.put(.school(School(id: "sch-\(k)", name: name(&random), municipality: "M\(k % 7)")))) }
            for k in 0..<60 { changes.append(.put(.agency(Agency(id: "agy-\(k)", name: name(&random), sector: .health)))) }
            try store.commit(changes)
            try store.refresh()
            let pending = try #require(store.snapshotToSave(), "written in \(written)")
            #expect(try Words.speaking(Language(written)) { pending.write() }, "written in \(written)")
            let opened = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
            #expect(opened.startedFromSnapshot)
            for step in 0..<40 {
                let w = opened.world
                var edits: [Change] = []
                for _ in 0..<(1 + random.next() % 4) {
                    let k = Int(random.next() % 340)
                    switch random.next() % 4 {
                    case 0: edits.append(.delete(.school, id: "sch-\(k % 300)"))
                    case 1: edits.append(.put(.agency(Agency(id: "agy-\(k % 90)", name: name(&random), sector: .health))))
                    default:
                        var s = w.schools["sch-\(k)"] ?? School(id: "sch-\(k)", name: "")
                        s.name = name(&random)
                        edits.append(.put(.school(s)))
                    }
                }
                try opened.commit(edits)
                let now = opened.world
                for language in [written, "pl", "is", "cy", "nb", "en"] {
                    let alphabet = Alphabet.of(Language(language))
                    let schools = NameOrder.shown(now.schools.values, by: \.name, id: \.id, in: alphabet).map(\.id)
                    let agencies = NameOrder.shown(now.agencies.values, by: \.name, id: \.id, in: alphabet).map(\.id)
                    #expect(
                        now.schoolsShown(in: alphabet).map(\.id) == schools, "written in \(written), shown in \(language), step \(step)")
                    #expect(
                        now.agenciesShown(in: alphabet).map(\.id) == agencies, "written in \(written), shown in \(language), step \(step)")
                }
            }
            let kept = try #require(opened.world.nameIndex.table[World.orderKey(.school, Alphabet.of(Language(written)))])
            #expect(kept.count == 300, "the snapshot keeps the order of \(written)")
        }
    }
}
