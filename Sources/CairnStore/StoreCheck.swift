import CairnCore
import CairnWords
import Foundation
import Synchronization

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
    /// How many records of each kind the store holds, with the kind's noun for one and for many.
    public var counts: [(one: String, many: String, count: Int)] = []
    /// Folders and journals that people outside the store's owner (or team) can write: anyone
    /// could then rewrite the trail.
    public var unsafe: [String] = []
    /// Links where Cairn writes (`journal/`, `local/`, `reports/`, its shared files): each
    /// would be refused when written, and may be someone's attempt to make Cairn write elsewhere.
    public var links: [String] = []
    /// Files in `journal/` that are not journals: never read, never sent.
    public var strayFiles: [JournalProblem] = []
    /// Who besides the owner (or team) can read the store, and the command that closes it.
    public var exposed: String?
    /// What became of the snapshot (`local/snapshot`), the journals' derived cache.
    public var snapshot = ""

    /// True when anything is damaged: a broken line, a dangling reference, a store others can
    /// write. A torn tail alone is not damage.
    public var isDamaged: Bool {
        problems.contains(where: \.isDamage) || !danglingReferences.isEmpty || !unsafe.isEmpty || !links.isEmpty || !strayFiles.isEmpty
    }

    /// Neither damaged nor readable by others: a store others can read is a privacy problem,
    /// as one they can write is a trust problem, and `cairn check` fails on both.
    public var isSound: Bool { !isDamaged && exposed == nil }

    /// Whether the world read from the snapshot is the world the journals fold: compared a
    /// table at a time, a part's records one by one as they are read when nothing changed
    /// since, else the part read whole and let go of once compared, so that the snapshot's
    /// world is never held beside the folded one. A part that gives two tables (a kind's
    /// records and their index by cluster) is compared, and let go of, with both.
    static func same(_ fromSnapshot: consuming World, _ folded: World) -> Bool {
        var a = consume fromSnapshot
        var b = folded
        func same<Value: Equatable>(
            _ table: WritableKeyPath<World, RecordTable<Value>>, _ alongside: WritableKeyPath<World, RecordTable<[String]>>? = nil
        ) -> Bool {
            defer {
                (a[keyPath: table], b[keyPath: table]) = (RecordTable(), RecordTable())
                if let alongside { (a[keyPath: alongside], b[keyPath: alongside]) = (RecordTable(), RecordTable()) }
            }
            if alongside.map({ a[keyPath: $0].isAsStored }) ?? true, let told = a[keyPath: table].matchesOneByOne(b) { return told }
            return a[keyPath: table] == b[keyPath: table] && alongside.map { a[keyPath: $0] == b[keyPath: $0] } ?? true
        }
        // The largest first; what is left (small tables and counts) compared whole at the end.
        return same(\.checkpoints, \.clusterIndex.checkpoints) && same(\.memberships, \.clusterIndex.members)
            && same(\.schools) && same(\.fieldWriters) && same(\.tombstones) && same(\.agencies)
            && same(\.actions, \.clusterIndex.actions) && same(\.measurements, \.clusterIndex.measurements)
            && same(\.measurementOrder) && same(\.goals, \.clusterIndex.goals) && same(\.agreements, \.clusterIndex.agreements)
            && same(\.assessments, \.clusterIndex.assessments) && same(\.links) && same(\.clusters)
            && same(\.clusterIndex.clustersOfMember) && same(\.conflicts) && same(\.conflictedRecords) && a == b
    }

    /// - Parameter rebuild: write the snapshot anew from this full read, whatever it held.
    public static func run(_ store: Store, rebuild: Bool = false) throws(StoreError) -> StoreCheck {
        var check = StoreCheck()
        // The snapshot is checked against what it caches: the world a full read folds.
        var fromSnapshot = store.startedFromSnapshot ? store.world : nil
        let snapshotRead = store.snapshotBytes
        try store.reload()
        let damaged = store.problems.contains(where: \.isDamage)
        // Taken out of the optional, not copied: a copy left there would keep every part the
        // comparison reads, and the snapshot's whole world would be held beside the folded one.
        var matches: Bool?
        if fromSnapshot != nil { matches = !damaged && Self.same(fromSnapshot.take()!, store.world) }
        if damaged {
            store.dropSnapshot()
            check.snapshot = Words.say("snapshot: none while a journal is damaged (each start reads every journal and says so)")
        } else if matches == false || (matches == true && snapshotRead?.isDamaged == true) {
            // (A part found damaged as it was compared was taken from the journals: equal, but
            // not the snapshot's.)
            let rebuilt = store.saveSnapshot()
            if !rebuilt { store.dropSnapshot() }
            check.snapshot =
                rebuilt
                ? Words.say("snapshot: it did not match the journals (one was changed in place?); rebuilt from them")
                : Words.say("snapshot: it did not match the journals (one was changed in place?); removed")
        } else if rebuild {
            store.dropSnapshot()
            check.snapshot =
                store.saveSnapshot() ? Words.say("snapshot: rebuilt from the journals") : Words.say("snapshot: could not be written")
        } else {
            check.snapshot =
                matches != nil
                ? Words.say("snapshot: matches the journals") : Words.say("snapshot: none used (the journals were read whole)")
        }
        for file in try store.journalFiles() {
            // The lines the read just took whole (not read again: at a million events that
            // doubled the check's time and memory).
            let lines = (store.positions[file.lastPathComponent]?.line ?? 1) - 1
            let size = InsideStore.size(file)
            check.files.append(FileSummary(name: "journal/" + file.lastPathComponent, lines: lines, bytes: size))
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
                let values = [
                    "path": url.path, "mode": String(mode, radix: 8), "fix": "chmod \(fix) \(StorePrivacy.shellQuoted(url.path))",
                ]
                check.unsafe.append(
                    mode & 0o002 != 0
                        ? Words.say("{path} can be written by anyone (mode {mode}): `{fix}`", values)
                        : Words.say("{path} can be written by its group (mode {mode}): `{fix}`", values))
            }
        }
        // A line already said to be damaged breaks the chain too: said once.
        let said = Set(store.problems.filter(\.isDamage).map { "\($0.file):\($0.line)" })
        check.problems =
            store.problems + StoreCheck.chainBreaks(journals, walked: store.chainsWalked).filter { !said.contains("\($0.file):\($0.line)") }
        check.strayFiles = store.strayFiles
        check.links = StoreCheck.links(in: store.directory)
        check.exposed = StorePrivacy.problem(store.directory, access: store.access)
        let w = store.world
        let dangling = w.danglingReferences()
        let lines = JournalLines(dangling.isEmpty ? [] : journals)
        for (record, ref) in dangling {
            let at = lines.last(containing: record.id, ref.id).map { " (set at \($0))" } ?? ""
            check.danglingReferences.append(
                "\(record.kind.rawValue) \(record.id): \(ref.field) names \(ref.target.noun) \(ref.id), which does not exist\(at)")
        }
        check.counts = [
            ("cluster", "clusters", w.clusters.count), ("school", "schools", w.schools.count),
            ("agency", "agencies", w.agencies.count), ("member", "members", w.memberships.count),
            ("checkpoint", "checkpoints", w.checkpoints.count),
        ]
        return check
    }

    /// One of the report's counts, in the session's language.
    static func counted(_ c: (one: String, many: String, count: Int)) -> String {
        switch c.one {
        case "cluster": return Words.count("{count} cluster", "{count} clusters", c.count)
        case "school": return Words.count("{count} school", "{count} schools", c.count)
        case "agency": return Words.count("{count} agency", "{count} agencies", c.count)
        case "member": return Words.count("{count} member", "{count} members", c.count)
        default: return Words.count("{count} checkpoint", "{count} checkpoints", c.count)
        }
    }

    /// The report as lines of text; its marks (`DAMAGED:`, `UNSAFE:`, `EXPOSED:`…) stay as they
    /// are in every language, for scripts that look for them.
    public var report: String {
        var lines: [String] = []
        for f in files {
            lines.append(
                f.name + ": " + Words.count("{count} line", "{count} lines", f.lines) + ", "
                    + Words.count("{count} byte", "{count} bytes", f.bytes))
        }
        if files.isEmpty { lines.append(Words.say("no journal files yet: the store is empty")) }
        lines.append(Words.count("{count} event", "{count} events", events) + "; " + counts.map(Self.counted).joined(separator: ", "))
        for p in problems { lines.append((p.isDamage ? "DAMAGED: " : "note: ") + p.description) }
        for d in danglingReferences { lines.append("DANGLING: " + d) }
        for u in unsafe { lines.append("UNSAFE: " + u) }
        for l in links { lines.append("LINK: " + l) }
        for f in strayFiles { lines.append("NOT A JOURNAL: " + f.description) }
        if let exposed { lines.append("EXPOSED: " + exposed) }
        if !snapshot.isEmpty { lines.append(snapshot) }
        if isDamaged {
            lines.append(Words.say("store is damaged: the lines above say where (files are left as they are)"))
        } else {
            lines.append(
                isSound
                    ? Words.say("store is sound") : Words.say("store is readable by others: the EXPOSED line above says how to close it"))
        }
        return lines.joined(separator: "\n")
    }
}

extension StoreCheck {
    /// The first line of each journal that breaks its hash chain: a line changed, removed or
    /// reordered since it was written, named with the copy whose journal it is. A journal the
    /// full read walked as it folded (`walked`) is not read again.
    static func chainBreaks(_ journals: [URL], walked: [String: ChainWalk]? = nil) -> [JournalProblem] {
        // Each journal walked on its own, on every core: a national store's trail is hashed once.
        let found = Mutex<[Int: JournalProblem]>([:])
        let speech = Words.speech
        DispatchQueue.concurrentPerform(iterations: journals.count) { k in
            let url = journals[k]
            guard let walk = walked?[url.lastPathComponent] ?? Words.speaking(speech, { ChainWalk.walk(url) }), let broken = walk.firstBreak
            else { return }
            let copy = url.deletingPathExtension().lastPathComponent
            let problem = JournalProblem(
                kind: .damagedLine, file: url.lastPathComponent, line: broken.line,
                detail: "\(broken.reason) (the journal of copy \(copy); the line names host \(Text.visible(broken.host)))")
            found.withLock { $0[k] = problem }
        }
        return found.withLock { all in all.keys.sorted().compactMap { all[$0] } }
    }

    /// The links among what Cairn writes in `store`, each said with where it points and how to
    /// remove it. Folders are walked without following a link.
    public static func links(in store: URL) -> [String] {
        var found: [String] = []
        // Each folder listed with its entries' kinds (`readdir`), a name `lstat`ed only when
        // the folder cannot say: a start walks a thousand segments and their indexes.
        func walk(_ path: String, kind: UInt8, inJournal: Bool) {
            var kind = kind
            if kind == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { return }
                switch info.st_mode & S_IFMT {
                case S_IFLNK: kind = UInt8(DT_LNK)
                case S_IFDIR: kind = UInt8(DT_DIR)
                default: return
                }
            }
            switch kind {
            case UInt8(DT_LNK):
                // A journal's name that is a link is said among the files that are not journals.
                if inJournal, path.hasSuffix(".jsonl") { return }
                found.append(InsideStore.linkFound(path))
            case UInt8(DT_DIR):
                for (name, type) in entries(path).sorted(by: { $0.name < $1.name }) {
                    walk(path + "/" + name, kind: type, inJournal: path == store.path + "/journal")
                }
            default: break
            }
        }
        // `drafts` is where versions before issue 8 kept drafts: a start still takes them back.
        for name in ["journal", "local", "reports", "drafts", ".gitignore", StoreLayout.marker] {
            walk(store.path + "/" + name, kind: UInt8(DT_UNKNOWN), inJournal: false)
        }
        return found
    }

    /// The names in a folder and their kinds as it lists them (`DT_UNKNOWN` when it cannot say).
    private static func entries(_ path: String) -> [(name: String, type: UInt8)] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var out: [(name: String, type: UInt8)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { out.append((name, entry.pointee.d_type)) }
        }
        return out
    }
}

/// The journals' lines, to find where a reference was written: the last line that names both
/// the record and the record it points at (`journal/laptop-4k2q9z1m.jsonl:12`).
struct JournalLines {
    var files: [(name: String, lines: [Substring])] = []

    init(_ urls: [URL]) {
        for url in urls {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            files.append(("journal/" + url.lastPathComponent, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
    }

    func last(containing a: String, _ b: String) -> String? {
        var found: (String, Int, String)?
        for file in files {
            for (i, line) in file.lines.enumerated() where line.contains("\"\(a)\"") && line.contains("\"\(b)\"") {
                // The latest by the event's time, across files: its `at` sorts as text.
                let at = line.range(of: "\"at\":\"").map { String(line[$0.upperBound...].prefix(24)) } ?? ""
                if found == nil || at >= found!.2 { found = (file.name, i + 1, at) }
            }
        }
        return found.map { "\($0.0):\($0.1)" }
    }
}
