import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Unsubmitted form text, one file per session (`<user>@<host>-<pid>.json`), so a dropped SSH
/// link or a closed terminal loses nothing: the next start offers it back.
///
/// Drafts live with the person, not the store: in `$XDG_STATE_HOME/cairn/drafts/<store>/`
/// (else `~/.local/state/cairn/drafts/<store>/`), owner-only. So a read-only store still keeps
/// a form typed into it, and on a team store nobody else reads what a member has not saved.
/// The bytes are the screens' to interpret.
public struct DraftBox: Sendable {
    public let directory: URL
    /// Where versions before issue 8 kept drafts (`drafts/` in the store): still offered back,
    /// so that an upgrade loses no form left unsaved.
    let formerDirectory: URL
    public let identity: Identity
    public let pid: Int32

    public init(store: URL, identity: Identity, pid: Int32 = getpid(), root: URL = DraftBox.root()) {
        self.directory = root.appendingPathComponent(DraftBox.folder(for: store))
        self.formerDirectory = store.appendingPathComponent("drafts")
        self.identity = identity
        self.pid = pid
    }

    /// `$XDG_STATE_HOME/cairn/drafts`, else `~/.local/state/cairn/drafts`.
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("cairn/drafts")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/cairn/drafts")
    }

    /// One folder per store: its name, and a hash of its full path so two stores of one name differ.
    static func folder(for store: URL) -> String {
        let path = store.standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in path.utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        let name = store.lastPathComponent.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        return String(name) + "-" + String(hash, radix: 16)
    }

    private var prefix: String { "\(identity.user)@\(identity.fileSafeHost)-" }
    public var ownFile: URL { directory.appendingPathComponent("\(prefix)\(pid).json") }

    /// Replaces this session's draft: written to a temporary file, then renamed over, so a
    /// crash mid-write leaves the previous draft whole.
    ///
    /// - Throws: naming the drafts' folder and why nothing can be written there.
    public func save(_ data: Data) throws(StoreError) {
        do {
            try StoreFiles.createFolder(directory, mode: 0o700, store: nil)
            try StoreFiles.write(data, to: ownFile, mode: 0o600, store: nil)  // form text may hold personal details
        } catch {
            // Why first: a status line too narrow for the whole cuts the path, not the reason.
            throw StoreError(
                Words.say(
                    "drafts cannot be written: {reason}; their folder is {path}", context: "store",
                    ["reason": error.reason ?? error.message, "path": directory.path]))

        }
    }

    public func clear() { try? FileManager.default.removeItem(at: ownFile) }

    /// Drafts left by this user's earlier sessions on this host that have ended, newest first.
    /// The temporary files of sessions killed mid-save are removed on the way.
    public func leftBehind() -> [(url: URL, data: Data)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let pid = name.dropLast(4).split(separator: ".").last.flatMap { Int32($0) }
            if let pid, pid != self.pid, !DraftBox.isRunningSession(pid) { unlink(directory.appendingPathComponent(name).path) }
        }
        var found: [(URL, Data, Date)] = []
        // A teammate's link there would have a start rename or remove the person's files
        // elsewhere: it is not followed (`cairn check` names it).
        let formerIsLink = InsideStore.isLink(formerDirectory.path)
        let former = formerIsLink ? [] : (try? FileManager.default.contentsOfDirectory(atPath: formerDirectory.path)) ?? []
        let all = names.map { (directory, $0) } + former.map { (formerDirectory, $0) }
        for (folder, name) in all where name.hasPrefix(prefix) && name.hasSuffix(".json") {
            let pidText = name.dropFirst(prefix.count).dropLast(5)
            guard let owner = Int32(pidText), owner != pid else { continue }
            if DraftBox.isRunningSession(owner) { continue }
            let url = folder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else { continue }
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
            found.append((url, data, modified))
        }
        return found.sorted { $0.2 > $1.2 }.map { ($0.0, $0.1) }
    }

    /// True when `pid` is a live cairn. A zombie (its terminal just dropped, not yet reaped) has
    /// an empty command line, and a pid reused by another program names something else: both
    /// count as ended, so their drafts are offered.
    static func isRunningSession(_ pid: Int32) -> Bool {
        if let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") {
            return String(decoding: cmdline, as: UTF8.self).lowercased().contains("cairn")
        }
        if FileManager.default.fileExists(atPath: "/proc/self") { return false }
        return kill(pid, 0) == 0  // no /proc: ask the kernel
    }

    public func discard(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// Renames a draft that cannot be restored so it is never offered again, yet not lost.
    public func setAside(_ url: URL) -> URL {
        let aside = url.deletingPathExtension().appendingPathExtension("unreadable")
        return rename(url.path, aside.path) == 0 ? aside : url
    }
}
