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
    @Argument(help: ArgumentHelp(Words.say("clusters, schools, agencies or checkpoints", context: "option"))) var what: What
    @Flag(help: ArgumentHelp(Words.say("Only overdue checkpoints (or clusters that have one).", context: "option"))) var overdue = false
    @Flag(help: ArgumentHelp(Words.say("Print JSON, with the fields of `cairn export --format json`.", context: "option"))) var json = false

    func validate() throws {
        if overdue, what == .schools || what == .agencies {
            throw ValidationError(Words.say("--overdue applies to clusters and checkpoints", context: "cli"))
        }
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
            case .schools: data = JSONExport.listData(schools: world.schoolsShown(in: .plain))
            case .agencies: data = JSONExport.listData(agencies: NameOrder.sorted(world.agencies.values, by: \.name, id: \.id))
            case .checkpoints: data = JSONExport.listData(checkpoints: checkpoints)
            }
            printJSON(data)
            return
        }
        let table: [[String]]
        switch what {
        case .clusters:
            // Members counted all at once (from the snapshot's counts and the memberships
            // changed since): asked cluster by cluster, each cluster scanned every membership.
            let members = world.currentMemberCounts()
            table =
                [
                    [
                        Words.say("ID", context: "list column"), Words.say("NAME", context: "list column"),
                        Words.say("KIND", context: "list column"), Words.say("REGION", context: "list column"),
                        Words.say("SCHOOLS", context: "list column"), Words.say("AGENCIES", context: "list column"),
                    ]
                ]
                + NameOrder.sorted(world.clusters.values.filter { !overdue || overdueClusters.contains($0.id) }, by: \.name).map { c in
                    let of = members[c.id] ?? (0, 0)
                    return [c.id, c.name, c.kind.rawValue, c.region, "\(of.schools)", "\(of.agencies)"]
                }
        case .schools:
            table =
                [
                    [
                        Words.say("ID", context: "list column"), Words.say("OFFICIAL ID", context: "list column"),
                        Words.say("NAME", context: "list column"), Words.say("PHASES", context: "list column"),
                        Words.say("MUNICIPALITY", context: "list column"),
                    ]
                ]
                + world.schoolsShown(in: .plain)
                .map { [$0.id, $0.officialId ?? "", $0.name, $0.phases.map(\.rawValue).joined(separator: ","), $0.municipality] }
        case .agencies:
            table =
                [
                    [
                        Words.say("ID", context: "list column"), Words.say("NAME", context: "list column"),
                        Words.say("SECTOR", context: "list column"), Words.say("LEVEL", context: "list column"),
                    ]
                ]
                + world.agenciesShown(in: .plain)
                .map { [$0.id, $0.name, $0.sector.rawValue, $0.level.rawValue] }
        case .checkpoints:
            table =
                [
                    [
                        Words.say("ID", context: "list column"), Words.say("STATUS", context: "list column"),
                        Words.say("DUE", context: "list column"), Words.say("TITLE", context: "list column"),
                        Words.say("CLUSTER", context: "list column"), Words.say("DONE ON", context: "list column"),
                        Words.say("BY", context: "list column"), Words.say("EVIDENCE", context: "list column"),
                    ]
                ]
                + checkpoints.map { c in
                    [
                        c.id, c.status(on: today).label, c.due.description, c.title, world.clusters[c.cluster]?.name ?? "",
                        c.doneOn?.description ?? (c.doneBy == nil ? "" : Words.say("day unknown", context: "cli")), c.doneBy ?? "",
                        c.evidence ?? "",
                    ]
                }
        }
        if table.count == 1 {
            print(Self.none(what, overdue: overdue, in: store.directory.path))
            return
        }
        printAligned(table)
    }

    /// What an empty list says.
    static func none(_ what: What, overdue: Bool, in path: String) -> String {
        let at = ["path": path]
        switch (what, overdue) {
        case (.clusters, false): return Words.say("no clusters in {path}", context: "cli", at)
        case (.clusters, true): return Words.say("no clusters overdue in {path}", context: "cli", at)
        case (.schools, _): return Words.say("no schools in {path}", context: "cli", at)
        case (.agencies, _): return Words.say("no agencies in {path}", context: "cli", at)
        case (.checkpoints, false): return Words.say("no checkpoints in {path}", context: "cli", at)
        case (.checkpoints, true): return Words.say("no checkpoints overdue in {path}", context: "cli", at)
        }
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
