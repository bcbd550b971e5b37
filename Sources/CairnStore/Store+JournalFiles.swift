import CairnCore
import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Store {
    /// The journal files, by name: the regular files of `journal/` that have a journal's form.
    /// Anything else there (a link, a folder, a sparse or foreign file) is kept in `strayFiles`
    /// and never read: a 4 GiB file of holes costs a message, not a read of 4 GiB.
    func journalFiles() throws(StoreError) -> [URL] {
        take(
            try JournalListing.list(
                journalDirectory, ownCopy: instance.id, known: vettedFiles, urls: journalURLs, trusted: trustedStats))
    }

    /// Keeps a listing of `journal/` as the store's own (`journalFiles`); returns its files.
    func take(_ listing: JournalListing) -> [URL] {
        journalURLs = listing.urls
        journalStats = listing.stats
        vettedFiles = listing.verdicts
        strayFiles = listing.stray
        journalListing = Dictionary(listing.files.map { ($0.name, $0.url) }, uniquingKeysWith: { a, _ in a })
        journalNames = listing.files.map(\.name)
        return listing.files.map(\.url)
    }
}

/// `journal/` as listed and vetted at one moment: its journals, and what else lies there. Made
/// from the files alone, on any thread: a start lists a thousand segments while its terminal
/// is set up.
struct JournalListing: Sendable {
    /// The journals, by name; only a copy taken back (see `list`) is out of that order.
    var files: [(name: String, url: URL)] = []
    var stray: [JournalProblem] = []
    var verdicts: [String: JournalVetting.Verdict] = [:]
    var urls: [String: URL] = [:]
    var stats: [String: JournalStat] = [:]

    /// - Parameters:
    ///   - ownCopy: this copy's id: its own segments' lines are not judged.
    ///   - known: each file's verdict when last listed; `urls` their URLs then.
    ///   - trusted: each file as the snapshot saw it (`JournalVetting.vet`).
    static func list(
        _ directory: URL, ownCopy: String, known: [String: JournalVetting.Verdict] = [:], urls cached: [String: URL] = [:],
        trusted: [String: JournalStat] = [:]
    ) throws(StoreError) -> JournalListing {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        } catch {
            throw StoreError("cannot list \(directory.path): \(error.localizedDescription)")
        }
        var listing = JournalListing()
        listing.files.reserveCapacity(names.count)
        listing.verdicts.reserveCapacity(names.count)
        listing.urls.reserveCapacity(names.count)
        listing.stats.reserveCapacity(names.count)
        let folder = directory.path + "/"
        // Each file's lstat taken from the folder's descriptor: one step of a path, not all.
        let folderFD = Glibc.open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        defer { if folderFD >= 0 { close(folderFD) } }
        for name in names {
            // Made from the path: a quarter of what appending a component to a URL costs.
            let url = cached[name] ?? URL(filePath: folder + name, directoryHint: .notDirectory)
            listing.urls[name] = url
            let verdict = JournalVetting.vet(
                url, name: name, path: folder + name, in: folderFD >= 0 ? folderFD : nil, known: known[name],
                judgeLines: !JournalSegment.isSegment(name, of: ownCopy), trusted: trusted[name])
            listing.verdicts[name] = verdict
            listing.stats[name] = verdict.stat
            if let reason = verdict.refusal {
                listing.stray.append(JournalProblem(kind: .notAJournal, file: name, line: 0, detail: reason))
            } else {
                listing.files.append((name, url))
            }
        }
        // A first line that does not chain to its journal's name is a copy of another journal
        // only when that journal is here to show it; else it is that line changed by hand,
        // damage `cairn check` names and `--repair` mends.
        var added = false
        for (name, verdict) in listing.verdicts where verdict.copied {
            let url = directory.appendingPathComponent(name)
            let first = JournalVetting.firstLine(of: url)
            let original = listing.files.contains { $0.url != url && JournalVetting.firstLine(of: $0.url) == first }
            guard !original else { continue }
            listing.verdicts[name]?.refusal = nil
            listing.verdicts[name]?.copied = false
            listing.stray.removeAll { $0.file == name }
            listing.files.append((name, url))
            added = true
        }
        if added { listing.files.sort { $0.name < $1.name } }
        return listing
    }
}

/// Whether a file in `journal/` has the form of a Cairn journal: a regular file of its own
/// (not a link), named like a copy's id, not mostly holes, whose first line is an event.
enum JournalVetting {
    struct Verdict: Equatable, Sendable {
        var inode: UInt64
        var device: UInt64
        /// The file as vetted; nil when it vanished.
        var stat: JournalStat?
        /// The first line is judged once; a file that grew keeps its verdict.
        var firstLineJudged: Bool
        var refusal: String?
        /// Refused for a first line that chains to another journal's name (see `journalFiles`).
        var copied = false
    }

    /// The first line of a journal, up to its line break (or the first 64 KiB).
    static func firstLine(of url: URL) -> [UInt8]? {
        guard let fd = InsideStore.openForReading(url) else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Array(bytes[0..<n].prefix { $0 != 0x0A })
    }

    /// The longest first line a journal can have: one event, with a record's longest texts.
    static let firstLineLimit = 1 << 20

    /// - Parameter judgeLines: false for this copy's own journal, whose damaged lines are said
    ///   one by one and which it goes on writing.
    static func vet(_ url: URL, known: Verdict?, judgeLines: Bool = true) -> Verdict {
        vet(url, name: url.lastPathComponent, path: url.path, known: known, judgeLines: judgeLines)
    }

    /// - Parameter fileName: the file's name (`url`'s last component) and `path` its path, given
    ///   by a caller that vets a thousand segments at a start.
    /// - Parameter trusted: the file as a snapshot that fingerprinted it saw it (`JournalStat`):
    ///   found so again, it is the file whose first line was judged then, and is not read. A
    ///   forged one (`local/` is every member's) can make any regular file be read as a journal,
    ///   its lines past the snapshot's place said as damage, as a journal with one good first
    ///   line can; it is still refused for being a link, a folder, misnamed or sparse.
    /// - Parameter folder: a descriptor of the folder the file is in, its `lstat` taken from.
    static func vet(
        _ url: URL, name fileName: String, path: String, in folder: Int32? = nil, known: Verdict?, judgeLines: Bool = true,
        trusted: JournalStat? = nil
    ) -> Verdict {
        var info = stat()
        let found = folder.map { fstatat($0, fileName, &info, AT_SYMLINK_NOFOLLOW) } ?? lstat(path, &info)
        guard found == 0 else {
            return Verdict(inode: 0, device: 0, firstLineJudged: false, refusal: Words.say("it vanished", context: "store"))
        }
        let inode = UInt64(info.st_ino)
        let device = UInt64(info.st_dev)
        let seen = JournalStat(info)
        if var known, known.inode == inode, known.device == device, known.firstLineJudged {
            known.stat = seen
            return known
        }
        func refused(_ reason: String) -> Verdict {
            Verdict(inode: inode, device: device, stat: seen, firstLineJudged: true, refusal: reason)
        }
        func accepted(judged: Bool) -> Verdict { Verdict(inode: inode, device: device, stat: seen, firstLineJudged: judged, refusal: nil) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return refused(
                Words.say("a link to {target}; Cairn follows no link inside a store", context: "store", ["target": Text.visible(target)]))
        case S_IFDIR: return refused(Words.say("a folder", context: "store"))
        default: return refused(Words.say("not a regular file", context: "store"))
        }
        let name = fileName.lastIndex(of: ".").map { String(fileName[..<$0]) } ?? fileName
        guard StoreInstance.isSafe(name) else { return refused(Words.say("its name is not a copy's id", context: "store")) }
        let size = Int(info.st_size)
        // Blocks on disk far fewer than its length: a file of holes, not of lines.
        if size > firstLineLimit, Int(info.st_blocks) * 512 < size / 4 {
            return refused(Words.say("{size} bytes, almost all of them holes: a sparse file", context: "store", ["size": String(size)]))
        }
        guard size > 0, judgeLines else { return accepted(judged: false) }
        if let trusted, trusted == seen { return accepted(judged: true) }
        guard let fd = InsideStore.openForReading(url) else { return refused(Words.say("it cannot be opened as a file", context: "store")) }
        defer { close(fd) }
        // Lines end in a line break, or (a write cut short) in text: never in NUL bytes, which a
        // file made with fallocate or filled with zeros ends in.
        var last: UInt8 = 0
        if pread(fd, &last, 1, off_t(size - 1)) == 1, last == 0 {
            return refused(Words.say("it ends in NUL bytes, not in lines", context: "store"))
        }
        func head(_ count: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: min(size, count))
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            return n > 0 ? Array(bytes[0..<n]) : nil
        }
        // A first line is short: a few KiB hold it, and the longest an event can be the rest.
        guard var bytes = head(1 << 13) else { return refused(Words.say("it cannot be read", context: "store")) }
        for reach in [1 << 16, firstLineLimit] where !bytes.contains(0x0A) && size > bytes.count {
            guard let more = head(reach) else { break }
            bytes = more
        }
        guard let end = bytes.lastIndex(of: 0x0A) else {
            // A first line still being written (or torn) is judged when it is whole.
            return bytes.count >= firstLineLimit
                ? refused(Words.say("its first line is longer than any event", context: "store"))
                : accepted(judged: false)
        }
        // A journal may have a damaged line (said line by line); a file none of whose first
        // lines (in 64 KiB) is an event is something else. The first line alone tells, when it
        // is an event, as it nearly always is: every command vets every journal it has not
        // vetted in this process.
        let first = bytes.firstIndex(of: 0x0A) ?? end
        // The fast reader, in place, first: a thousand segments are vetted at a start.
        let quick = bytes.withUnsafeBufferPointer { all in
            EventParser.parse(UnsafeBufferPointer(rebasing: all[0..<first]))?.hasReadableTime ?? false
        }
        var lines =
            quick
            ? JournalReader.Result(events: [], endOffset: 0, linesRead: 1)
            : JournalReader.parse(Data(bytes[0...first]), file: fileName, baseOffset: 0, firstLine: 1)
        if !quick, lines.events.isEmpty {
            if size > bytes.count, bytes.count < 1 << 16, let more = head(1 << 16) { bytes = more }
            let upTo = bytes.lastIndex(of: 0x0A) ?? end
            lines = JournalReader.parse(Data(bytes[0...upTo]), file: fileName, baseOffset: 0, firstLine: 1)
        }
        guard quick || !lines.events.isEmpty else {
            return refused(
                lines.problems.count > 1
                    ? Words.say(
                        "none of its first {count} lines is a Cairn event", context: "store", ["count": String(lines.problems.count)])
                    : Words.say("its first line is not a Cairn event", context: "store"))
        }
        // A chained first line chains to its journal's own name: a journal copied under another
        // name (its events twice in the store) is not that journal.
        let firstLine = bytes[0..<(bytes.firstIndex(of: 0x0A) ?? end)]
        let (content, carried) = JournalChain.split(firstLine)
        if let carried, JournalChain.next(JournalChain.seed(journal: fileName), content) != carried {
            var copy = refused(
                Words.say("its first line was written in another journal: it is a copy of another copy's journal", context: "store"))
            copy.copied = true
            return copy
        }
        return accepted(judged: true)
    }
}
