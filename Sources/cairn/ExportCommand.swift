import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: Words.say(
                "Write the whole store (json), one table for a spreadsheet (csv) or a calendar of what is due (ics) to standard output.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, ics
    }

    @Option(
        help: ArgumentHelp(
            Words.say(
                "json (the whole store, lossless), csv (one table: see --what) or ics (an iCalendar file of what is due).",
                context: "option")))
    var format: Format = .json
    @Option(
        help: ArgumentHelp(
            Words.say(
                "csv: one of {tables}; ics: any of checkpoints,goals,actions (all by default).", context: "option",
                ["tables": CSVExport.What.allCases.map(\.rawValue).joined(separator: ", ")]), valueName: "what"))
    var what: String?
    @Option(help: ArgumentHelp(Words.say("With csv or ics: only this cluster's records (id or exact name).", context: "option")))
    var cluster: String?
    @Option(
        help: ArgumentHelp(
            Words.say("With ics: only the clusters of this region (case- and accent-blind, or the start of its name).", context: "option")))
    var region: String?
    @Flag(help: ArgumentHelp(Words.say("With ics: to-do items (VTODO) instead of all-day events.", context: "option"))) var todo = false

    func validate() throws {
        switch format {
        case .json:
            if what != nil || cluster != nil || region != nil || todo {
                throw ValidationError(Words.say("--what, --cluster, --region and --todo go with --format csv or ics", context: "cli"))
            }
        case .csv:
            let tables = CSVExport.What.allCases.map(\.rawValue).joined(separator: ", ")
            guard let what else {
                throw ValidationError(
                    Words.say("--format csv needs --what, the table: one of {tables}", context: "cli", ["tables": tables]))
            }
            guard CSVExport.What(rawValue: what) != nil else {
                throw ValidationError(
                    Words.say("--what “{what}” is not one of the tables: {tables}", context: "cli", ["what": what, "tables": tables]))
            }
            if region != nil || todo { throw ValidationError(Words.say("--region and --todo go with --format ics", context: "cli")) }
        case .ics:
            _ = try calendarWhat()
            if cluster != nil, region != nil { throw ValidationError(Words.say("give --cluster or --region, not both", context: "cli")) }
        }
    }

    /// `--what checkpoints,goals` for a calendar.
    func calendarWhat() throws -> Set<CalendarExport.What> {
        guard let what else { return Set(CalendarExport.What.allCases) }
        var set = Set<CalendarExport.What>()
        for word in what.split(separator: ",") {
            let w = word.trimmingCharacters(in: .whitespaces)
            guard let kind = CalendarExport.What(rawValue: w) else {
                throw ValidationError(
                    Words.say(
                        "--what “{what}” for a calendar: use checkpoints, goals or actions, separated by commas", context: "cli",
                        ["what": w]))
            }
            set.insert(kind)
        }
        if set.isEmpty { throw ValidationError(Words.say("--what: name checkpoints, goals or actions", context: "cli")) }
        return set
    }

    func run() throws {
        let store = try options.open()
        switch format {
        case .json:
            // Given in pieces as they are made: the text of a national store is held once.
            try JSONExport.write(store.world) { writeExport(piece: $0) }
            writeExport(piece: [0x0A])
        case .csv:
            let clusterID = try cluster.map { try store.world.findCluster($0).id }
            let rows = CSVExport.rows(CSVExport.What(rawValue: what ?? "")!, world: store.world, cluster: clusterID, today: Day.today())
            writeExport(try CSVExport.data(rows))
        case .ics:
            let w = store.world
            var clusters: Set<String>?
            var name = "Cairn: " + Words.say("every cluster", context: "calendar")
            if let cluster {
                let c = try w.findCluster(cluster)
                clusters = [c.id]
                name = "Cairn: \(c.name)"
            } else if let region {
                let regions = Set(try w.findRegions(region))
                clusters = Set(w.clusters.values.filter { regions.contains($0.region) }.map(\.id))
                name = "Cairn: \(regions.sorted().joined(separator: ", "))"
            }
            let items = CalendarExport.items(w, clusters: clusters, what: try calendarWhat(), today: Day.today())
            writeExport(CalendarExport.data(items, name: name, todo: todo, stamp: Date()))
        }
    }
}
