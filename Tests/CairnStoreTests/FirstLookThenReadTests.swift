import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A start looks at the snapshot before the first frame and reads the store after it: what changed
/// in between is seen by the read, whatever the look found.
@Suite struct FirstLookThenReadTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let today = Day(iso: "2026-12-01")!

    /// A store with a snapshot; returns ana's journal and its size when the snapshot was written.
    func storeWithSnapshot(_ tmp: TemporaryDirectory) throws -> (Store, URL, Int) {
        let first = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try first.commit(try Examples.changes(for: first.world, today: today, user: "ana"))
        try first.refresh()
        #expect(first.saveSnapshot())
        let journal = try #require(first.journalListing.values.first)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: journal.path)[.size] as? Int)
        return (first, journal, size)
    }

    /// One letter in the middle of the bytes the snapshot holds, changed in place (same length).
    func changeInPlace(_ journal: URL, before size: Int) throws {
        let data = try Data(contentsOf: journal)
        let at = try #require((size - 60..<size).first { (97...121).contains(data[$0]) })
        let handle = try FileHandle(forUpdating: journal)
        try handle.seek(toOffset: UInt64(at))
        try handle.write(contentsOf: Data([data[at] + 1]))
        try handle.close()
    }

    /// The journal grows (a commit by another session), the first look is taken (behind), then a
    /// byte the snapshot holds is changed in place before the read: the read trusts the fit the
    /// look found, and never looks at the bytes again.
    @Test func a_journal_changed_in_place_between_the_look_and_the_read_is_not_trusted() throws {
        let tmp = TemporaryDirectory()
        let (first, journal, size) = try storeWithSnapshot(tmp)
        try first.commit([.put(.school(School(id: "sch-tail", name: "Tail")))])
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max, readNow: false)
        let look = try #require(store.earlyLook())
        #expect(look.behind)
        try changeInPlace(journal, before: size)
        try store.read()
        #expect(!store.startedFromSnapshot, "the snapshot no longer fits the journal's bytes")
    }

    /// A second look finds the snapshot no longer fits; the read still takes the first look's fit.
    @Test func a_look_that_finds_the_snapshot_unfit_is_not_overruled_by_an_earlier_one() throws {
        let tmp = TemporaryDirectory()
        let (_, journal, size) = try storeWithSnapshot(tmp)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max, readNow: false)
        _ = try #require(store.earlyLook())
        try changeInPlace(journal, before: size)
        #expect(store.earlyLook() == nil)
        try store.read()
        #expect(!store.startedFromSnapshot, "the last look found the snapshot unfit")
    }
}
