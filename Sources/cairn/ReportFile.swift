import CairnCore
import CairnReports
import CairnStore
import Foundation

/// Where `r` on a cluster writes its report: `reports/` in the store, named after the cluster
/// and the day, so an officer on a shared server finds it beside the data it came from.
enum ReportFile {
    static func write(cluster id: String, store: Store, today: Day) throws -> URL {
        guard let c = store.world.clusters[id] else { throw StoreError("the cluster no longer exists") }
        let folder = store.directory.appendingPathComponent("reports")
        try StoreFiles.createFolder(folder, mode: store.access.folderMode)
        let slug = String(Text.searchKey(c.name).map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-").joined(separator: "-").prefix(36)
        let url = folder.appendingPathComponent("\(slug)-\(today).md")
        try StoreFiles.write(Data(MarkdownReport.cluster(id, world: store.world, today: today).utf8), to: url, mode: store.access.fileMode)
        return url
    }
}
