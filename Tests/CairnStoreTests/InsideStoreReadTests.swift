import Foundation
import Testing

@testable import CairnStore

/// A file the store reads may have been replaced by a member of a team store: a FIFO is not
/// waited on, a link is not followed, and a bounded read stops at its bound.
@Suite struct InsideStoreReadTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-inside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func a_fifo_in_a_files_place_is_not_read_and_not_waited_on() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("instance.json")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Before, `open` waited here for a writer that never comes.
        #expect(InsideStore.contents(of: fifo) == nil)
        #expect(Self.refusal(fifo, largest: 10) == .notAFile)
    }

    /// Why a bounded read of `url` refused, or nil when it read.
    static func refusal(_ url: URL, largest: Int) -> InsideStore.Unreadable? {
        do {
            _ = try InsideStore.contents(of: url, largest: largest)
            return nil
        } catch {
            return error
        }
    }

    @Test func a_bounded_read_gives_the_bytes_or_says_why_not() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("inspiration.json")
        try Data("Łódź".utf8).write(to: file)  // 7 bytes
        #expect(try InsideStore.contents(of: file, largest: 7) == Data("Łódź".utf8))
        #expect(Self.refusal(file, largest: 6) == .tooLarge)
        let link = dir.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(Self.refusal(link, largest: 100) == .notAFile)
        #expect(Self.refusal(dir.appendingPathComponent("none.json"), largest: 100) == .missing)
        #expect(Self.refusal(dir, largest: 100) == .notAFile)
    }
}
