import CairnCore
import CairnWords
import Foundation

extension Report {
    /// A region's roll-up (its clusters and everything within them), then all clusters of the
    /// region (compared case- and accent-blind), one line each: health, its weakest point,
    /// overdue checkpoints, goals off track, gaps.
    ///
    /// - Parameter region: as typed; it names the regions `World.findRegions` finds for it
    ///   ("Highland" for "Highland (Northern Alliance)"), or none.
    /// - Parameter found: the regions it names, when found in another world than `world` (the
    ///   store now, for a report as of a past day).
    public static func region(
        _ region: String, world w: World, today: Day, period: RollUp.Period = .quarter, regions found: [String]? = nil
    ) -> Report {
        let regions = found ?? (try? w.findRegions(region)) ?? []
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
        let header = [
            Words.say("Cluster", context: "column"), Words.say("Health", context: "report"), Words.say("Weakest point", context: "column"),
            Words.say("Overdue checkpoints", context: "report"), Words.say("Goals off track", context: "report"),
            Words.say("Gaps", context: "column"),
        ]
        let table = Table(header: header, rows: rows)
        let rollUp = w.rollUp(.regions(regions), on: today, period: period)
        return Report(
            title: Words.say("Region {region}", context: "report", ["region": named]),
            facts: Words.say(
                "Monitoring roll-up of {day}: {counts}", context: "report", ["day": "\(today)", "counts": counted(rollUp.current)]),
            notes: [],
            sections: rollUpSections(rollUp) + [
                Section(id: "clusters", heading: Words.say("Clusters", context: "report"), blocks: [.table(table)])
            ])
    }
}
