import CairnCore
import Foundation

extension Report {
    /// All clusters of a region (compared case- and accent-blind), one line each: health, its
    /// weakest point, overdue checkpoints, goals off track, gaps.
    ///
    /// - Parameter region: as typed; it names the regions `World.findRegions` finds for it
    ///   ("Highland" for "Highland (Northern Alliance)"), or none.
    public static func region(_ region: String, world w: World, today: Day) -> Report {
        let regions = (try? w.findRegions(region)) ?? []
        let named = regions.count == 1 ? regions[0] : region
        let keys = Set(regions.map(Text.folded))
        let clusters = NameOrder.sorted(w.clusters.values.filter { keys.contains(Text.folded($0.region)) }, by: \.name)
        let rows = clusters.map { c -> [Cell] in
            let h = w.health(of: c.id, on: today)
            let overdue = w.checkpoints(of: c.id, on: today).filter { $0.isOverdue(on: today) }.count
            let off = w.goals(of: c.id).filter { w.progress(of: $0, on: today).status == .offTrack }.count
            return [
                c.name, h.score.map { String(format: "%.1f", $0) } ?? "—", h.weakestPoint, "\(overdue)", "\(off)",
                "\(w.gaps(in: c.id, on: today).count)",
            ].map(Cell.text)
        }
        let table = Table(header: ["Cluster", "Health", "Weakest point", "Overdue checkpoints", "Goals off track", "Gaps"], rows: rows)
        return Report(
            title: "Region \(named)", facts: "Monitoring roll-up of \(today): \(clusters.count) clusters", notes: [],
            sections: [Section(id: "clusters", heading: "Clusters", blocks: [.table(table)])])
    }
}
