import CairnWords
import Foundation

/// When this copy last synced, and how much of its journals had reached the remote then:
/// `local/sync.json`, never in git. What a title bar needs, read without running git.
public struct SyncRecord: Codable, Sendable, Equatable {
    /// When the last sync that reached the remote ended (UTC, ISO 8601).
    public var at: String
    public var remote: String
    /// Per journal file this copy wrote: the bytes the remote had after that sync.
    public var sent: [String: Int]

    static func file(_ store: URL) -> URL { StoreLayout.localFolder(store).appendingPathComponent("sync.json") }

    /// The record of the last sync, or nil when this copy never synced.
    public static func read(_ store: URL) -> SyncRecord? {
        guard let data = FileManager.default.contents(atPath: file(store).path) else { return nil }
        return try? JSONDecoder().decode(SyncRecord.self, from: data)
    }

    func write(_ store: URL, access: StoreAccess) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { throw StoreError(Words.say("cannot encode the sync record", context: "store")) }

        try StoreFiles.createFolder(StoreLayout.localFolder(store), mode: access.folderMode, store: store)
        try StoreFiles.write(data, to: SyncRecord.file(store), mode: access.fileMode, store: store)
    }

    /// The changes in `journal` past what the remote had: its lines after the byte count sent.
    public static func unsent(in journal: URL, after sent: Int) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: journal) else { return 0 }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(max(0, sent)))) != nil, let data = try? handle.readToEnd() else { return 0 }
        return data.withUnsafeBytes { raw in raw.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }
    }
}

/// What the title bar and `cairn sync --status` say: whether the store is shared through git,
/// what is not yet sent, and when it last synced.
public struct SyncStatus: Sendable, Equatable {
    /// False for a store that is not a git repository of its own.
    public var isShared: Bool
    public var unsent: Int
    public var last: SyncRecord?

    /// Read from the files alone (no git): cheap enough for every commit and refresh of a
    /// screen. A store not shared counts nothing: its whole journal would be "unsent", read
    /// anew at every commit.
    public static func of(_ store: Store) -> SyncStatus {
        let shared = FileManager.default.fileExists(atPath: store.directory.appendingPathComponent(".git").path)
        guard shared else { return SyncStatus(isShared: false, unsent: 0, last: nil) }
        let last = SyncRecord.read(store.directory)
        // Every segment of this copy's journal past what the remote had of it: a sealed one it
        // had whole is read from its end, so costs nothing.
        let folder = StoreLayout.journalFolder(store.directory)
        let unsent = JournalSegment.segments(of: store.instance.id, in: folder).reduce(0) { total, segment in
            total + SyncRecord.unsent(in: folder.appendingPathComponent(segment.fileName), after: last?.sent[segment.fileName] ?? 0)
        }
        return SyncStatus(isShared: true, unsent: unsent, last: last)
    }
}
