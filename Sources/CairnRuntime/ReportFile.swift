import CairnApp
import CairnCore
import CairnReports
import CairnStore
import CairnWords
import Foundation

/// Where `r` on a cluster writes its report: `reports/` in the store, named after the cluster
/// and the day, so an officer on a shared server finds it beside the data it came from.
enum ReportFile {
    /// `agrupamento-de-escolas-de-sao-joao-da-m-3f9a2c7e-2026-12-02.md`: the start of the name
    /// to read, and the end of the cluster's id so that two clusters whose names start alike
    /// ("… Norte", "… Sul") never write one file.
    static func name(of c: Cluster, today: Day) -> String { "\(stem(of: c))-\(today).md" }

    /// The name without the day: a calendar keeps one file that each `c` rewrites, so that a
    /// calendar subscribed to it follows along.
    static func stem(of c: Cluster) -> String {
        let slug = String(Text.searchKey(c.name).map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-").joined(separator: "-").prefix(40)
        let tail = c.id.split(separator: "-").last.map { String($0.suffix(8)) } ?? c.id
        return "\(slug.isEmpty ? "cluster" : String(slug))-\(tail)"
    }

    static func write(cluster id: String, store: Store, today: Day) throws -> URL {
        guard let c = store.world.clusters[id] else { throw StoreError(Words.say("the cluster no longer exists")) }
        let folder = store.directory.appendingPathComponent("reports")
        try StoreFiles.createFolder(folder, mode: store.access.folderMode, store: store.directory)
        let url = folder.appendingPathComponent(name(of: c, today: today))
        try StoreFiles.write(
            Data(MarkdownReport.cluster(id, world: store.world, today: today).utf8), to: url, mode: store.access.fileMode,
            store: store.directory)
        return url
    }
}

/// Where `P` writes a cluster's local action plan: `reports/STEM-plan-DAY.html`, one file to
/// open in a browser and print on A4 (each step on its own page).
enum PlanFile {
    static func write(cluster id: String, store: Store, today: Day, now: Date = Date()) throws -> URL {
        guard let c = store.world.clusters[id] else { throw StoreError(Words.say("the cluster no longer exists")) }
        let folder = store.directory.appendingPathComponent("reports")
        try StoreFiles.createFolder(folder, mode: store.access.folderMode, store: store.directory)
        let url = folder.appendingPathComponent("\(ReportFile.stem(of: c))-plan-\(today).html")
        let html = HTMLReport.plan(id, world: store.world, today: today, made: now)
        try StoreFiles.write(Data(html.utf8), to: url, mode: store.access.fileMode, store: store.directory)
        return url
    }
}

/// Where `c` writes the calendar of what is due: `reports/` again, as `STEM.ics` for a
/// cluster and `every-cluster.ics` from Home. The file is replaced whole (temp file, rename),
/// so a calendar that reads it never sees half of one.
enum CalendarFile {
    static func write(cluster id: String?, store: Store, today: Day, now: Date = Date()) throws -> (URL, Int) {
        let w = store.world
        var name = Words.say("Cairn: every cluster", context: "calendar")
        var file = "every-cluster.ics"
        if let id {
            guard let c = w.clusters[id] else { throw StoreError(Words.say("the cluster no longer exists")) }
            name = Words.say("Cairn: {cluster}", context: "calendar", ["cluster": c.name])

            file = ReportFile.stem(of: c) + ".ics"
        }
        let items = CalendarExport.items(w, clusters: id.map { [$0] }, what: Set(CalendarExport.What.allCases), today: today)
        let folder = store.directory.appendingPathComponent("reports")
        try StoreFiles.createFolder(folder, mode: store.access.folderMode, store: store.directory)
        let url = folder.appendingPathComponent(file)
        try StoreFiles.write(
            CalendarExport.data(items, name: name, todo: false, stamp: now), to: url, mode: store.access.fileMode, store: store.directory)
        return (url, items.count)
    }
}

/// Where `W` writes a list's marked rows or filtered view: `reports/` again, as
/// `NAME-DAY.csv` (a cluster's list as `STEM-NAME-DAY.csv`), each cell a spreadsheet would run
/// as a formula written safe (`CSVExport.safe`), as `cairn export` does.
enum ListFile {
    static func write(_ csv: ListCSV, store: Store, today: Day) throws -> URL {
        let folder = store.directory.appendingPathComponent("reports")
        try StoreFiles.createFolder(folder, mode: store.access.folderMode, store: store.directory)
        var name = csv.name
        if let id = csv.cluster {
            guard let c = store.world.clusters[id] else { throw StoreError(Words.say("the cluster no longer exists")) }
            name = ReportFile.stem(of: c) + "-" + name
        }
        let url = folder.appendingPathComponent("\(name)-\(today).csv")
        let data = try CSVExport.data([csv.header] + csv.rows.map { $0.map(CSVExport.safe) })
        try StoreFiles.write(data, to: url, mode: store.access.fileMode, store: store.directory)
        return url
    }
}
