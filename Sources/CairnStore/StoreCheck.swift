import CairnCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `cairn check` reports: each journal file, what is damaged, and records that point nowhere.
public struct StoreCheck: Sendable {
    public struct FileSummary: Sendable {
        public var name: String
        public var lines: Int
        public var bytes: Int
    }

    public var files: [FileSummary] = []
    public var events = 0
    public var problems: [JournalProblem] = []
    /// Records whose references name a record that is gone (a membership of a deleted school).
    public var danglingReferences: [String] = []
    public var counts: [(String, Int)] = []
    /// Folders and journals that people outside the store's owner (or team) can write: anyone
    /// could then rewrite the trail.
    public var unsafe: [String] = []

    /// True when anything is damaged: a broken line, a dangling reference, a store others can
    /// write. A torn tail alone is not damage.
    public var isDamaged: Bool { problems.contains(where: \.isDamage) || !danglingReferences.isEmpty || !unsafe.isEmpty }

    public static func run(_ store: Store) throws(StoreError) -> StoreCheck {
        var check = StoreCheck()
        try store.reload()
        for file in try store.journalFiles() {
            let result = try JournalReader.read(file, from: 0, firstLine: 1)
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            check.files.append(FileSummary(name: "journal/" + file.lastPathComponent, lines: result.linesRead, bytes: size))
        }
        check.events = store.eventCount
        let journals = (try? store.journalFiles()) ?? []
        for url in [store.directory, store.directory.appendingPathComponent("journal")] + journals {
            var info = stat()
            guard stat(url.path, &info) == 0 else { continue }
            let mode = info.st_mode & 0o7777
            let team = store.access.isTeam
            // Others may never write; the group only in a team store.
            if mode & 0o002 != 0 || (!team && mode & 0o020 != 0) {
                let fix = team ? "o-w" : "go-w"
                check.unsafe.append(
                    "\(url.path) can be written by \(mode & 0o002 != 0 ? "anyone" : "its group") (mode \(String(mode, radix: 8))): chmod \(fix) \(url.path)"
                )
            }
        }
        check.problems = store.problems
        let w = store.world
        for m in w.memberships.values.sorted(by: { $0.id < $1.id }) {
            if w.clusters[m.cluster] == nil { check.danglingReferences.append("membership \(m.id): cluster \(m.cluster) is gone") }
            let present = m.memberType == .school ? w.schools[m.memberId] != nil : w.agencies[m.memberId] != nil
            if !present { check.danglingReferences.append("membership \(m.id): \(m.memberType.rawValue) \(m.memberId) is gone") }
        }
        for c in w.checkpoints.values.sorted(by: { $0.id < $1.id }) where w.clusters[c.cluster] == nil {
            check.danglingReferences.append("checkpoint \(c.id): cluster \(c.cluster) is gone")
        }
        check.counts = [
            ("clusters", w.clusters.count), ("schools", w.schools.count), ("agencies", w.agencies.count),
            ("members", w.memberships.count), ("checkpoints", w.checkpoints.count),
        ]
        return check
    }

    /// The report as lines of text.
    public var report: String {
        var lines: [String] = []
        for f in files { lines.append("\(f.name): \(f.lines) lines, \(f.bytes) bytes") }
        if files.isEmpty { lines.append("no journal files yet: the store is empty") }
        lines.append("\(events) events; " + counts.map { "\($0.1) \($0.0)" }.joined(separator: ", "))
        for p in problems { lines.append((p.isDamage ? "DAMAGED: " : "note: ") + p.description) }
        for d in danglingReferences { lines.append("DANGLING: " + d) }
        for u in unsafe { lines.append("UNSAFE: " + u) }
        lines.append(isDamaged ? "store is damaged: the lines above say where (files are left as they are)" : "store is sound")
        return lines.joined(separator: "\n")
    }
}
