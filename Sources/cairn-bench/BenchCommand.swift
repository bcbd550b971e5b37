import CairnApp
import CairnCore
import CairnStore
import CairnWords
import Foundation
import TermUI

/// `cairn-bench [--store DIR] [--schools N] [--clusters N] [--agencies N] [--checkpoints N]`
///
/// Generates a national-size store (unless DIR already holds one) and prints the baseline
/// figures: load and first frame, filter keystroke, commit, memory, terminal bytes per key.
/// Figures are printed, never asserted: compare them between builds (use `-c release`).
@main
struct BenchCommand {
    /// Any failure ends the bench with one line saying what went wrong, not a crash report.
    static func main() {
        // A tmux client that ended under the bench (met by a server still dying) is a start
        // to try again, not the bench killed by a write to it.
        signal(SIGPIPE, SIG_IGN)
        do {
            try run()
        } catch {
            FileHandle.standardError.write(Data("cairn-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run() throws {
        var args = Array(CommandLine.arguments.dropFirst())
        if args.first == "trust-writer" { return try TrustBench.writer(Array(args.dropFirst())) }
        if args.first == "sync" {
            let cairn = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cairn").path
            return try SyncBench.run(Array(args.dropFirst()), cairn: cairn)
        }
        if args.first == "visidata" {
            let cairn = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cairn").path
            return try VisiDataRace.run(Array(args.dropFirst()), cairn: cairn)
        }
        if args.first == "commands" {
            let cairn = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cairn").path
            return try CommandBench.run(Array(args.dropFirst()), cairn: cairn)
        }
        if args.first == "trust" {
            let cairn = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cairn").path
            return try TrustBench.run(Array(args.dropFirst()), cairn: cairn)
        }
        if args.contains("--help") || args.contains("-h") {
            print(usage)
            return
        }
        func option(_ name: String) -> String? {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
            defer { args.removeSubrange(i...(i + 1)) }
            return args[i + 1]
        }
        /// A count option: a whole number above zero, or the bench stops and says so.
        func number(_ name: String) throws -> Int? {
            guard let text = option(name) else {
                if args.contains(name) { try refuseUnknown([name + " without a number"]) }
                return nil
            }
            guard let n = Int(text), n > 0 else {
                try refuseUnknown(["\(name) \(text)"])
                return nil
            }
            return n
        }
        let languageCode = option("--lang")
        if let languageCode { try speak(languageCode) }
        let starts = try number("--starts")
        var generator = Generator()
        let storeArg = option("--store")
        if let n = try number("--schools") { generator.schools = n }
        if let n = try number("--clusters") { generator.clusters = n }
        if let n = try number("--agencies") { generator.agencies = n }
        if let n = try number("--checkpoints") { generator.checkpoints = n }
        if let n = try number("--events") { generator.events = n }
        if let n = try number("--collaboratives") { generator.collaboratives = n }
        if let register = option("--import") {
            try importFigures(register, clusterBy: option("--cluster-by"))
            try refuseUnknown(args)
            return
        }
        let loadOnly = args.contains("--load-only")
        args.removeAll { $0 == "--load-only" }
        try refuseUnknown(args)
        var directory =
            storeArg.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                generator.events.map { "cairn-bench-store-\($0)" } ?? "cairn-bench-store")
        let today = Day.today()
        let identity = Identity(user: "bench", host: "bench")
        // The bench commits edits of its own: into a store it did not make, only on a copy.
        var copy: URL?
        if BenchStore.holdsRecords(directory), !BenchStore.madeByBench(directory) {
            let to = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-bench-copy-\(getpid())")
            print("\(directory.path) was not made by cairn-bench: measuring a copy of it in \(to.path), left as it is")
            try BenchStore.copy(directory, to: to)
            directory = to
            copy = to
        }
        defer { if let copy { try? FileManager.default.removeItem(at: copy) } }

        if !BenchStore.holdsRecords(directory) {
            try BenchStore.makeFolder(directory)
            try BenchStore.mark(directory)
            print(
                "generating \(generator.schools) schools, \(generator.clusters) clusters, \(generator.agencies) agencies, \(generator.checkpoints) checkpoints in \(directory.path)…"
            )
            let ms = try Measure.milliseconds { try generator.write(to: try Store(directory: directory, identity: identity), today: today) }
            print(String(format: "generated in %.1f s", ms / 1000))
        }
        let journalBytes =
            (try? FileManager.default.contentsOfDirectory(
                at: directory.appendingPathComponent("journal"), includingPropertiesForKeys: [.fileSizeKey]))?
            .reduce(0) { $0 + ((try? $1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) } ?? 0

        var store: Store!
        let loadMs = try Measure.milliseconds { store = try Store(directory: directory, identity: identity) }
        let w = store.world
        print(
            "store: \(store.eventCount) events, \(journalBytes / 1_048_576) MiB of journal; \(w.schools.count) schools, \(w.clusters.count) clusters, \(w.agencies.count) agencies, \(w.checkpoints.count) checkpoints"
        )
        print(String(format: "load (read and fold the journals): %.0f ms", loadMs))
        // As a session's end does, so that the next start can draw from the first look.
        store.saveSnapshotIfBehind()
        var lookTimes: [Double] = []
        var looked = true
        for _ in 0..<5 {
            lookTimes.append(
                try Measure.milliseconds {
                    let early = try Store(directory: directory, identity: identity, readNow: false)
                    guard let look = early.firstLook() else {
                        looked = false
                        return
                    }
                    _ = AppState(world: World(), today: today, user: "bench", width: 80, height: 24, firstLook: look).render()
                })
        }
        print(
            looked
                ? "first look (the snapshot's clusters, counts and next due read; Home's rows built and rendered): "
                    + Measure.summary(lookTimes)
                : "first look: none, the snapshot does not hold every journal whole")
        let cairn = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cairn").path
        let probe = TmuxProbe(cairn: cairn, store: directory, language: languageCode, starts: starts ?? TmuxProbe.starts)
        if loadOnly {
            if starts != nil { for line in probe.firstFrames() + probe.firstKeys() { print(line) } }
            return
        }

        var app: AppState!
        var canvas = Canvas(width: 0, height: 0)
        let frameMs = Measure.milliseconds {
            app = AppState(world: store.world, today: today, user: "bench", width: 80, height: 24)
            canvas = app.render()
        }
        print(
            String(
                format: "first frame after load (home rows built and rendered): %.0f ms; load + first frame: %.0f ms", frameMs,
                loadMs + frameMs))

        var tabMs = 0.0
        tabMs = Measure.milliseconds {
            _ = app.send(.key(.char("2")))
            canvas = app.render()
        }
        print(String(format: "switch to the Schools tab (25,000 rows sorted): %.0f ms", tabMs))
        var filterTimes: [Double] = []
        let slashMs = Measure.milliseconds {
            _ = app.send(.key(.char("/")))
            canvas = app.render()
        }
        print(String(format: "/ (opens the filter, folds 25,000 rows once): %.1f ms", slashMs))
        for ch in "lodz 1" {
            filterTimes.append(
                Measure.milliseconds {
                    _ = app.send(.key(.char(ch)))
                    canvas = app.render()
                })
        }
        print("filter keystroke on the schools list (typing “lodz 1”, each key filters and renders): \(Measure.summary(filterTimes))")
        print("  rows left: \(app.top.screen.filteredList?.visible.count ?? 0)")

        var navCells: [Int] = []
        _ = app.send(.key(.escape))
        _ = app.send(.key(.escape))
        canvas = app.render()
        for _ in 0..<20 {
            let before = canvas
            _ = app.send(.key(.char("j")))
            canvas = app.render()
            navCells.append(canvas.changedCells(since: before).count)
        }
        print(
            "cells changed per navigation keystroke (canvas diff): median \(navCells.sorted()[navCells.count / 2]) of \(canvas.cells.count)"
        )

        // A cluster's screen on the national store: each keystroke re-renders its header and tabs.
        _ = app.send(.key(.char("1")))
        _ = app.send(.key(.enter))
        var clusterTimes: [Double] = []
        for _ in 0..<20 {
            clusterTimes.append(
                Measure.milliseconds {
                    _ = app.send(.key(.char("j")))
                    canvas = app.render()
                })
        }
        print("navigation keystroke on a cluster's screen (update + render): \(Measure.summary(clusterTimes))")
        _ = app.send(.key(.char("q")))
        _ = app.send(.key(.char("4")))
        canvas = app.render()
        var checkpointTimes: [Double] = []
        for _ in 0..<20 {
            checkpointTimes.append(
                Measure.milliseconds {
                    _ = app.send(.key(.char("j")))
                    canvas = app.render()
                })
        }
        print("navigation keystroke on Home's Checkpoints tab (100,000 rows): \(Measure.summary(checkpointTimes))")
        _ = app.send(.key(.char("1")))

        var commitTimes: [Double] = []
        let school = w.schools.values.first { _ in true }!
        for i in 0..<50 {
            let edit = DomainOperation.setFields(.school, id: school.id, [FieldValue("notes", "bench edit \(i)")])
            commitTimes.append(try Measure.milliseconds { try store.perform(edit) })
        }
        print("commit one edit (flock, the rule book, encode, write, fdatasync): \(Measure.summary(commitTimes))")

        // The trail on screen: h on a record reads only the lines that name it; Home's count of
        // what others changed reads the journals back from their ends.
        let checkpoint = w.checkpoints.keys.sorted().first!
        var historyTimes: [Double] = []
        for _ in 0..<5 { historyTimes.append(try Measure.milliseconds { _ = try store.log(record: checkpoint) }) }
        print("history of one record (h, cairn log RECORD): \(Measure.summary(historyTimes))")
        var sinceTimes: [Double] = []
        var counted = 0
        for _ in 0..<5 { sinceTimes.append(Measure.milliseconds { counted = store.changesSince("2000-01-01T00:00:00.000Z", notBy: "") }) }
        print("changes since last opened, counted from the journals' ends (the worst case, all \(counted)): \(Measure.summary(sinceTimes))")
        let doomed = w.schools.keys.sorted().first!
        let deleteTime = try Measure.milliseconds {
            _ = try w.perform(.delete(.school, id: doomed), by: Author(user: "bench", today: Day.today()))
        }
        print(String(format: "the rule book's delete of a school (cascade and unlinks, nothing written): %.1f ms", deleteTime))
        // The calendar of everything due (`c` on Home, `cairn export --format ics`), in memory.
        var calendarTimes: [Double] = []
        var calendarSize = (items: 0, bytes: 0)
        for _ in 0..<3 {
            calendarTimes.append(
                Measure.milliseconds {
                    let items = CalendarExport.items(w, clusters: nil, what: Set(CalendarExport.What.allCases), today: Day.today())
                    calendarSize = (items.count, CalendarExport.data(items, name: "bench", todo: false, stamp: Date()).count)
                })
        }
        print(
            "the calendar of every cluster (\(calendarSize.items) events, \(calendarSize.bytes / 1_000_000) MB): \(Measure.summary(calendarTimes))"
        )
        print(String(format: "peak memory of this process so far: %.0f MiB", Measure.peakMemoryMiB()))

        for line in probe.run() + probe.firstKeys() { print(line) }
    }
}

/// Reads the catalogue of the language `code` names, as a session started with `--lang` does,
/// and says what it cost; the figures after it are drawn in that language.
func speak(_ code: String) throws {
    guard let language = Language.named(code) else { throw StoreError("--lang \(code): Cairn does not speak it") }
    var times: [Double] = []
    for _ in 0..<5 { times.append(try Measure.milliseconds { try Words.use(language) }) }
    let messages = try Words.catalogue(for: language).count
    print("catalogue (\(language.code), \(messages) messages) read and put in use: " + Measure.summary(times))
}

let usage = """
    cairn-bench: Cairn's figures, printed, never asserted (build with -c release)

    cairn-bench [--lang CODE] [--store DIR] [--schools N] [--clusters N] [--agencies N] [--checkpoints N] [--events N] [--collaboratives N] [--starts N] [--load-only]
        load, first frame, keystrokes, commit, history, calendar, memory and terminal bytes on a
        national-size store, generated into DIR (default: a temporary folder; with --events N,
        padded with edits to N journal events, as after years of use) unless DIR holds one.
        A store the bench did not make is measured on a copy: the bench writes commits.
        With --lang, the language's catalogue is read first (its cost printed) and every frame
        is drawn in it, the real binary's too. --starts N: the real binary is started N times
        (5 by default) for its first frame; with --load-only, those starts are all that follows.
    cairn-bench --import FILE [--cluster-by ID,NAME]
        reading and planning a register's import, into an empty store (nothing is written)
    cairn-bench trust [writers|kills|keys|registers] [--keys N]
        the trust proofs at full size
    cairn-bench sync [ARGS]
        sync through git between copies made for it; with --own-history --store DIR [--rounds N],
        one change synced by the copy that wrote DIR's whole history
    cairn-bench commands --store DIR [--runs N]
        the whole time, spawn to exit, of each command that reads or writes a few records
        (list, add, edit, tick, gaps, health, report, coverage, log RECORD), N runs each (10),
        with the built cairn, on a store cairn-bench made (the commands that write add to it).
    cairn-bench visidata --register FILE [--vd PATH] [--pairs N] [--cluster-by ID,NAME]
        spawn to first screen, Cairn against VisiData (pip install visidata), on the register
        made ten times larger: in tmux, in pairs, the order alternating
    """

/// What the bench may do to a store: a store it made carries a mark; any other it only copies.
enum BenchStore {
    static func markFile(_ directory: URL) -> URL { directory.appendingPathComponent("local/made-by-cairn-bench") }
    static func madeByBench(_ directory: URL) -> Bool { FileManager.default.fileExists(atPath: markFile(directory).path) }

    static func holdsRecords(_ directory: URL) -> Bool {
        let journal = directory.appendingPathComponent("journal")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []
        return files.contains { name in
            name.hasSuffix(".jsonl")
                && ((try? FileManager.default.attributesOfItem(atPath: journal.appendingPathComponent(name).path))?[.size] as? Int ?? 0) > 0
        }
    }

    /// The folder `--store` names, made (with the folders above it) when it is not there yet,
    /// readable by its owner only, as a store's folder is.
    static func makeFolder(_ directory: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder) {
            if !isFolder.boolValue { throw StoreError("\(directory.path) is a file, not a folder: give --store a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError("cannot make the store's folder \(directory.path): \(error.localizedDescription)")
        }
    }

    /// The note inside the store, written as every file there is: never through a link.
    static func mark(_ directory: URL) throws {
        let access = StoreAccess.of(directory)
        try StoreFiles.createFolder(markFile(directory).deletingLastPathComponent(), mode: access.folderMode, store: directory)
        try StoreFiles.write(
            Data("made by cairn-bench; it writes commits here\n".utf8), to: markFile(directory), mode: access.fileMode, store: directory)
    }

    static func copy(_ directory: URL, to: URL) throws {
        try? FileManager.default.removeItem(at: to)
        try FileManager.default.copyItem(at: directory, to: to)
        try mark(to)
    }
}

/// Stops on anything the bench does not know, rather than measuring what was not asked for.
func refuseUnknown(_ args: [String]) throws {
    guard let first = args.first else { return }
    FileHandle.standardError.write(Data("cairn-bench: unknown argument “\(first)”\n\n\(usage)\n".utf8))
    exit(2)
}

/// `cairn-bench --import FILE [--cluster-by ID,NAME]`: reading the table and planning the
/// import, timed apart, into an empty store (nothing is written).
func importFigures(_ path: String, clusterBy: String?) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var table: RegisterTable!
    let readMs = try Measure.milliseconds { table = try RegisterTable.read(data) }
    var options = ImportOptions()
    options.clusterBy = clusterBy
    var changes: [Change] = []
    let planMs = try Measure.milliseconds { changes = try RegisterImport.plan(table, options: options, world: World()).0 }
    print(
        String(
            format: "%@: %d rows; read and split %.0f ms, plan %.0f ms (%d changes); peak memory %.0f MiB",
            (path as NSString).lastPathComponent, table.rows.count, readMs, planMs, changes.count, Measure.peakMemoryMiB()))
}
