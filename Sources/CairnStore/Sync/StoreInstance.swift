import Foundation

/// This copy of the store: the one journal file its sessions write, named once per copy.
///
/// Two clones on one machine, or two laptops both called `laptop`, must never append to the
/// same file, or git would have two histories of one journal to merge. So each copy makes
/// an id (`laptop-4k2q9z1m`: the host to read, eight random letters to be unique) the first
/// time it is opened and keeps it in `local/instances/<host>.json`, which is never committed.
/// One file per host: a store two hosts open (a shared mount, the bench and the binary it
/// starts) keeps one id for each, rather than trading a new one back and forth. A copy made by
/// `cp -r` or moved elsewhere notices that the id was made for another folder and makes its own.
public struct StoreInstance: Sendable, Equatable, Codable {
    public var id: String
    var host: String
    var path: String

    /// The journal file this copy writes: `journal/<id>.jsonl`.
    public var journalName: String { "\(id).jsonl" }

    /// The copy's id, made (and kept in `local/instances/<host>.json`) on first use. A store that cannot be
    /// written gets an id for this session alone: it writes nothing anyway.
    static func of(_ directory: URL, identity: Identity, access: StoreAccess) -> StoreInstance {
        kept(directory, identity: identity) ?? renew(directory, identity: identity, access: access)
    }

    /// The id kept for this copy, if there is a sound one; never makes one.
    static func kept(_ directory: URL, identity: Identity) -> StoreInstance? {
        let file = StoreLayout.instanceFile(directory, host: identity.fileSafeHost)
        guard let data = InsideStore.contents(of: file), let kept = try? JSONDecoder().decode(StoreInstance.self, from: data),
            kept.host == identity.host, kept.path == directory.resolvingSymlinksInPath().path, isSafe(kept.id)
        else { return nil }
        return kept
    }

    /// A new id for this copy, kept from now on: for a copy whose journal the hub holds more
    /// of, or otherwise than, this copy does (restored from a backup), which then writes a new
    /// journal and takes the old one for another copy's.
    @discardableResult
    static func renew(_ directory: URL, identity: Identity, access: StoreAccess, to id: String? = nil) -> StoreInstance {
        let file = StoreLayout.instanceFile(directory, host: identity.fileSafeHost)
        let path = directory.resolvingSymlinksInPath().path
        let made = StoreInstance(id: id ?? newID(identity), host: identity.host, path: path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(made) {
            // Each folder made with the store's mode, so that a team store's stay its group's.
            try? StoreFiles.createFolder(StoreLayout.localFolder(directory), mode: access.folderMode, store: directory)
            try? StoreFiles.createFolder(file.deletingLastPathComponent(), mode: access.folderMode, store: directory)
            try? StoreFiles.write(data + Data("\n".utf8), to: file, mode: access.fileMode, store: directory)
        }
        return made
    }

    /// An id fit to be a file name: letters, digits, `-`, `_`, `.`, never a path.
    /// ASCII letters and digits, `-`, `_` and `.` (not first), at most 120 of them.
    static func isSafe(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 120 && !id.hasPrefix(".")
            && id.utf8.allSatisfy { b in
                (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2D || b == 0x5F
                    || b == 0x2E
            }
    }

    /// A new id for a copy on this host: `laptop-4k2q9z1m`.
    static func newID(_ identity: Identity) -> String { "\(identity.fileSafeHost)-\(randomLetters(8))" }

    private static func randomLetters(_ n: Int) -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        return String((0..<n).map { _ in alphabet.randomElement()! })
    }
}

/// What a store folder holds, and which of it is shared through git.
///
/// - `journal/*.jsonl`: the store itself, one file per copy, in git.
/// - `.gitignore` (written by Cairn) and `.cairn-store` (says "this is a Cairn store"), in git.
/// - `inspiration.json`: the store's own examples to start from, in git.
/// - `local/`: this copy's own: its instance id, when it last synced. Never in git, like
///   anything else (snapshots, reports, locks, temporary files) that is not listed above.
public enum StoreLayout {
    public static func journalFolder(_ store: URL) -> URL { store.appendingPathComponent("journal") }
    public static func localFolder(_ store: URL) -> URL { store.appendingPathComponent("local") }
    static func instanceFile(_ store: URL, host: String) -> URL {
        localFolder(store).appendingPathComponent("instances/\(host).json")
    }
    public static let marker = ".cairn-store"

    /// Only the journals, these two files and the store's examples are shared; everything else stays on this machine.
    /// Listing what is kept, not what is left out, means a file a later version adds (a
    /// snapshot, a lock) can never reach git by mistake.
    public static let gitignore = """
        # Written by Cairn. Only the journals (and the store's examples) are the store; everything else here is this
        # machine's own (its instance id, last sync, snapshots, drafts, reports, locks).
        /*
        !/.gitignore
        !/\(marker)
        !/\(InspirationLibrary.storeFile)
        !/journal/
        /journal/*
        !/journal/*.jsonl

        """

    public static let markerText = """
        This folder is a Cairn store: journal/ holds one journal file per copy of it.
        Open it with: cairn --store <this folder>

        """

    /// Writes `.gitignore` and `.cairn-store` when missing or different. Returns whether either changed.
    @discardableResult
    public static func writeSharedFiles(_ store: URL, access: StoreAccess) throws(StoreError) -> Bool {
        var changed = false
        for (name, text) in [(".gitignore", gitignore), (marker, markerText)] {
            let url = store.appendingPathComponent(name)
            if FileManager.default.contents(atPath: url.path) == Data(text.utf8) { continue }
            try StoreFiles.write(Data(text.utf8), to: url, mode: access.fileMode, store: store)
            changed = true
        }
        return changed
    }
}
