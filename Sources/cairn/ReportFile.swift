import CairnCore
import CairnReports
import CairnStore
import Foundation

/// Where `r` on a cluster writes its report: `reports/` in the store, named after the cluster
/// and the day, so an officer on a shared server finds it beside the data it came from.
enum ReportFile {
    /// `agrupamento-de-escolas-de-sao-joao-da-m-3f9a2c7e-2026-12-02.md`: the start of the name
    /// to read, and the end of the cluster's id so that two clusters whose names start alike
    /// ("… Norte", "… Sul") never write one file.
    static func name(of c: Cluster, today: Day) -> String {
        let slug = String(Text.searchKey(c.name).map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-").joined(separator: "-").prefix(40)
        let tail = c.id.split(separator: "-").last.map { String($0.suffix(8)) } ?? c.id
        return "\(slug.isEmpty ? "cluster" : String(slug))-\(tail)-\(today).md"
    }

    static func write(cluster id: String, store: Store, today: Day) throws -> URL {
        guard let c = store.world.clusters[id] else { throw StoreError("the cluster no longer exists") }
        let folder = store.directory.appendingPathComponent("reports")
        try StoreFiles.createFolder(folder, mode: store.access.folderMode)
        let url = folder.appendingPathComponent(name(of: c, today: today))
        try StoreFiles.write(Data(MarkdownReport.cluster(id, world: store.world, today: today).utf8), to: url, mode: store.access.fileMode)
        return url
    }
}
