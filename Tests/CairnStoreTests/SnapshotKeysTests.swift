import Foundation
import Testing

@testable import CairnStore

/// The keys' hash is written to disk (snapshot parts, journal indexes): it must stay FNV-1a on
/// every machine and in every version. The hashes of a kept name order are sorted to be walked
/// beside the part's keys; the sort must be the one `sorted()` gives.
@Suite struct SnapshotKeysTests {
    @Test func the_hash_is_fnv1a_of_the_ids_utf8_whatever_the_strings_form() {
        // FNV-1a's published test values.
        #expect(SnapshotKeys.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(SnapshotKeys.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(SnapshotKeys.hash("foobar") == 0x8594_4171_f739_67e8)
        // A string bridged from Foundation, or a substring's copy, hashes as the native one.
        let bridged = NSString(string: "sch-Łódź-漢字").description
        #expect(SnapshotKeys.hash(bridged) == SnapshotKeys.hash("sch-Łódź-漢字"))
        #expect(SnapshotKeys.hash(String("xsch-1x".dropFirst().dropLast())) == SnapshotKeys.hash("sch-1"))
    }

    @Test func hashes_sort_in_place_as_sorted_gives_them() {
        var (_, random) = replayableRandom("hashes_sort_in_place_as_sorted_gives_them")
        for count in [0, 1, 2, 3, 2047, 2049, 25_106] {
            // Some alike, some at the extremes, most anywhere.
            var values = (0..<count).map { _ in UInt64.random(in: .min ... .max, using: &random) }
            if count > 3 {
                values[0] = .max
                values[1] = 0
                values[2] = values[3]
            }
            var sorted = values
            SnapshotKeys.sortInPlace(&sorted)
            #expect(sorted == values.sorted(), "\(count) values")
        }
    }

    @Test func an_order_naming_an_id_twice_or_one_not_held_is_refused() throws {
        var noted = SnapshotKeys.Noted(capacity: 3)
        for (k, id) in ["sch-1", "sch-2", "sch-3"].enumerated() { try noted.note(id, from: k * 10, to: k * 10 + 10) }
        let keys = noted.written.bytes
        try keys.withUnsafeBytes { raw in
            #expect(SnapshotKeys.nameEachOnce(["sch-3", "sch-1", "sch-2"], in: raw))
            #expect(!SnapshotKeys.nameEachOnce(["sch-3", "sch-1", "sch-1"], in: raw))
            #expect(!SnapshotKeys.nameEachOnce(["sch-3", "sch-1", "sch-4"], in: raw))
            #expect(!SnapshotKeys.nameEachOnce(["sch-3", "sch-1"], in: UnsafeRawBufferPointer(rebasing: raw.dropLast())))
            _ = try #require(raw.baseAddress)
        }
    }
}
