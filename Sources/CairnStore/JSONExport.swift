import CairnCore
import Foundation

/// `cairn export --format json`: the whole state as one object with arrays `clusters`,
/// `schools`, `agencies`, `checkpoints`. Field names are a contract others rely on.
public enum JSONExport {
    // The four large tables are written straight from the records (`JSONExport+Bytes.swift`);
    // the framework's records (`JSONExport+Framework.swift`) as a document.

    /// Every checkpoint by due day, title and id.
    static func checkpointsInExportOrder(_ world: World) -> [Checkpoint] {
        let all = Array(world.checkpoints.values)
        // Their places are sorted, not the checkpoints, with the keys taken out once.
        let due = all.map(\.due.ordinal)
        let titles = Checkpoint.rank(all.map(\.title))
        let ids = all.map(\.id)
        let order = all.indices.sorted { i, j in
            if due[i] != due[j] { return due[i] < due[j] }
            return titles[i] == titles[j] ? ids[i] < ids[j] : titles[i] < titles[j]
        }
        return order.map { all[$0] }
    }
}
