import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who besides the store's owner (or its team) can read it. A store holds who ticked what,
/// contacts and notes on pupils' schools: a personal store is its owner's alone, and a team
/// store its group's.
///
/// Cairn makes every file with the store's modes (`StoreAccess`), but `git clone` makes the
/// folder 0755 and the journals 0644 under the usual umask, and a sync's merge writes other
/// copies' journals the same way. So a sync sets the store's modes on what it brought, the
/// first open of a copy closes what others can read, and `cairn check` reports the rest.
public enum StorePrivacy {
    /// The permission bits that let others in: group and others for a personal store, others
    /// for a team store. A folder others may only enter (`x`) still lets them read every file
    /// whose name they know (a git repository's are known), so it counts too.
    static func outsiders(_ access: StoreAccess) -> mode_t { access.isTeam ? 0o007 : 0o077 }

    /// The store folder, `journal/` and every journal file that others can read, with their
    /// modes.
    static func exposed(_ directory: URL, access: StoreAccess) -> [(path: String, mode: mode_t, folder: Bool)] {
        let journal = StoreLayout.journalFolder(directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []
        let files = names.filter { $0.hasSuffix(".jsonl") }.sorted().map { journal.appendingPathComponent($0).path }
        var found: [(String, mode_t, Bool)] = []
        for (path, folder) in [(directory.path, true), (journal.path, true)] + files.map({ ($0, false) }) {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let mode = info.st_mode & 0o7777
            // Others read a file through its read bits, a folder through any of them.
            let bits = outsiders(access) & (folder ? 0o777 : 0o444)
            if mode & bits != 0 { found.append((path, mode, folder)) }
        }
        return found
    }

    /// `cairn check`'s one line when others can read the store, with the command that closes
    /// it; nil when it is private.
    public static func problem(_ directory: URL, access: StoreAccess) -> String? {
        let open = exposed(directory, access: access)
        guard !open.isEmpty else { return nil }
        var parts: [String] = []
        for (path, mode, folder) in open where folder {
            let octal = String(mode, radix: 8)
            parts.append(
                path == directory.path
                    ? Words.say("its folder is {mode}", context: "store", ["mode": octal])
                    : Words.say("journal/ is {mode}", context: "store", ["mode": octal]))
        }
        let files = open.filter { !$0.folder }
        if let first = files.first {
            let modes = Set(files.map(\.mode)).map { String($0, radix: 8) }.sorted().joined(separator: ", ")
            parts.append(
                files.count == 1
                    ? Words.say(
                        "journal/{name} is {mode}", context: "store",
                        ["name": URL(fileURLWithPath: first.path).lastPathComponent, "mode": modes])
                    : Words.count(
                        "{count} journal is {mode}", "{count} journals are {mode}", files.count, context: "store", ["mode": modes]))
        }
        let values = [
            "parts": parts.joined(separator: ", "), "fix": "chmod -R \(access.isTeam ? "o-rwx" : "go-rwx") \(shellQuoted(directory.path))",
        ]
        return access.isTeam
            ? Words.say("accounts outside its group can read this team store ({parts}): `{fix}`", context: "store", values)
            : Words.say("other accounts can read this personal store ({parts}): `{fix}`", context: "store", values)
    }

    /// At the first open of a copy (a fresh `git clone`, a folder made by hand): the store
    /// folder, `journal/` and the journals lose what lets others in. Only then: later, a mode
    /// someone set on purpose is theirs to keep, and `cairn check` names it. Returns the line
    /// that says so, or nil when nothing was open (or nothing could be changed).
    static func closeOnFirstOpen(_ directory: URL, access: StoreAccess) -> String? {
        var closed = 0
        for (path, mode, folder) in exposed(directory, access: access) where set(path, mode & ~outsiders(access), folder: folder) {
            closed += 1
        }
        guard closed > 0 else { return nil }
        return access.isTeam
            ? Words.say(
                "{path} could be read by accounts outside its group (a git clone is made so): its folder and journals are now closed to them (chmod o-rwx)",
                context: "store",
                ["path": directory.path])
            : Words.say(
                "{path} could be read by other accounts (a git clone is made so): its folder and journals are now closed to them (chmod go-rwx)",
                context: "store",
                ["path": directory.path])

    }

    /// After a sync's merge: every journal file git wrote gets the store's file mode, and
    /// `journal/` its folder mode, as if Cairn had made them (0600 and 0700, or 0660 and 2770
    /// in a team store). Files another account owns are left as they are (only the owner may).
    static func applyModes(_ directory: URL, access: StoreAccess) {
        let journal = StoreLayout.journalFolder(directory)
        _ = set(journal.path, access.folderMode, folder: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []
        for name in names where name.hasSuffix(".jsonl") {
            _ = set(journal.appendingPathComponent(name).path, access.fileMode, folder: false)
        }
        for name in [".gitignore", StoreLayout.marker, InspirationLibrary.storeFile] {
            _ = set(directory.appendingPathComponent(name).path, access.fileMode, folder: false)
        }
    }

    /// Sets `mode` on `path` when it differs, never through a link (nothing inside a store is
    /// followed). Returns whether it changed.
    private static func set(_ path: String, _ mode: mode_t, folder: Bool) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (folder ? O_DIRECTORY : 0))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == (folder ? S_IFDIR : S_IFREG), info.st_mode & 0o7777 != mode else {
            return false
        }
        return fchmod(fd, mode) == 0
    }

    /// A path as the shell takes it: as it is when plain, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-+,:@%".unicodeScalars.contains($0))
        }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
