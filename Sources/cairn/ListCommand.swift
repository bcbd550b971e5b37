import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation
import TermUI

struct ListCommand: ParsableCommand {
    enum What: String, ExpressibleByArgument, CaseIterable {
        case clusters, schools, agencies, checkpoints
    }

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list", abstract: Words.say("List clusters, schools, agencies or checkpoints.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: "clusters, schools, agencies or checkpoints") var what: What
    @Flag(help: "Only overdue checkpoints (or clusters that have one).") var overdue = false
    @Flag(help: "Print JSON, with the fields of `cairn export --format json`.") var json = false

    func validate() throws {
        if overdue, what == .schools || what == .agencies { throw ValidationError("--overdue applies to clusters and checkpoints") }
    }

    func run() throws {
        let store = try options.open()
        let world = store.world
        let today = Day.today()
        // Worked out only for the lists that show them: a national store has 100,000 checkpoints.
        let overdueClusters =
            what == .clusters && overdue ? Set(world.checkpoints.values.filter { $0.isOverdue(on: today) }.map(\.cluster)) : []
        // The checkpoints to list, most urgent first.
        let checkpoints =
            what == .checkpoints
            ? Checkpoint.inUrgencyOrder(world.checkpoints.values.filter { !overdue || $0.isOverdue(on: today) }, on: today)
            : []
        if json {
            // The export's own records, so that both say the same; the text table needs none of it.
            let data: Data
            switch what {
            case .clusters:
                let shown = JSONExport.sortedClusters(world).filter { !overdue || overdueClusters.contains($0.id) }
                data = JSONExport.listData(clusters: shown, of: world)
            case .schools: data = JSONExport.listData(schools: NameOrder.sorted(world.schools.values, by: \.name, id: \.id))
            case .agencies: data = JSONExport.listData(agencies: NameOrder.sorted(world.agencies.values, by: \.name, id: \.id))
            case .checkpoints: data = JSONExport.listData(checkpoints: checkpoints)
            }
            printJSON(data)
            return
        }
        let table: [[String]]
        switch what {
        case .clusters:
            // Members grouped once: asked cluster by cluster, each of a national store's
            // clusters scanned every membership.
            let members = world.membersByCluster()
            table =
                [["ID", "NAME", "KIND", "REGION", "SCHOOLS", "AGENCIES"]]
                + NameOrder.sorted(world.clusters.values.filter { !overdue || overdueClusters.contains($0.id) }, by: \.name).map { c in
                    let of = members[c.id] ?? []
                    return [
                        c.id, c.name, c.kind.rawValue, c.region, "\(of.filter { $0.memberType == .school }.count)",
                        "\(of.filter { $0.memberType == .agency }.count)",
                    ]
                }
        case .schools:
            table =
                [["ID", "OFFICIAL ID", "NAME", "PHASES", "MUNICIPALITY"]]
                + NameOrder.sorted(world.schools.values, by: \.name)
                .map { [$0.id, $0.officialId ?? "", $0.name, $0.phases.map(\.rawValue).joined(separator: ","), $0.municipality] }
        case .agencies:
            table =
                [["ID", "NAME", "SECTOR", "LEVEL"]]
                + NameOrder.sorted(world.agencies.values, by: \.name)
                .map { [$0.id, $0.name, $0.sector.rawValue, $0.level.rawValue] }
        case .checkpoints:
            table =
                [["ID", "STATUS", "DUE", "TITLE", "CLUSTER", "DONE ON", "BY", "EVIDENCE"]]
                + checkpoints.map { c in
                    [
                        c.id, c.status(on: today).label, c.due.description, c.title, world.clusters[c.cluster]?.name ?? "",
                        c.doneOn?.description ?? (c.doneBy == nil ? "" : "day unknown"), c.doneBy ?? "", c.evidence ?? "",
                    ]
                }
        }
        if table.count == 1 {
            print("no \(what.rawValue)\(overdue ? " overdue" : "") in \(store.directory.path)")
            return
        }
        printAligned(table)
    }
}

/// Prints rows as columns padded by display width, so Łódź and 東京 line up like ASCII.
func printAligned(_ rows: [[String]]) {
    let cellWidths = rows.map { $0.map(DisplayWidth.of) }
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in cellWidths { for (i, w) in row.enumerated() { widths[i] = max(widths[i], w) } }
    // Written as bytes, not a line at a time through `print` (its cost is paid per line, and a
    // list can hold every checkpoint of a national store); each cell made visible as `print`
    // makes every line (`TerminalSafeOutput`), a line break in it too: a name must not start a
    // row of its own.
    var out: [UInt8] = []
    out.reserveCapacity(1 << 20)
    func flush() {
        writeOut(out)
        out.removeAll(keepingCapacity: true)
    }
    for (r, row) in rows.enumerated() {
        let start = out.count
        for (i, cell) in row.enumerated() {
            out.append(contentsOf: Text.visible(cell).utf8)
            if i < row.count - 1 { out.append(contentsOf: repeatElement(0x20, count: widths[i] - cellWidths[r][i] + 2)) }
        }
        // Empty last columns leave no trailing blanks for a script to trip on.
        while out.count > start, out.last == 0x20 { out.removeLast() }
        out.append(0x0A)
        if out.count > 1 << 20 { flush() }
    }
    flush()
}
