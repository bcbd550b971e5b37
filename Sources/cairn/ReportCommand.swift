import ArgumentParser
import CairnCore
import CairnReports
import CairnStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "A monitoring report of a cluster, or a roll-up of a grouping, a region or the whole store.",
        discussion: """
            With no cluster, --grouping or --region, the roll-up covers the whole store. A roll-up \
            counts each cluster, school and agency once, however many groupings reach it, and sets \
            each figure beside the one at the end of the quarter (or year) before.
            """)
    @OptionGroup var options: StoreOptions
    @Argument(help: "The cluster (id or exact name).") var cluster: String?
    @Option(help: "All clusters of this region, rolled up, then one line each.") var region: String?
    @Option(help: "A grouping (id or exact name) and every cluster within it, rolled up.") var grouping: String?
    @Option(
        name: .customLong("as-of"), parsing: .unconditional,
        help: ArgumentHelp("What had been recorded by the end of this day (2026-06-30, yesterday, -3m).", valueName: "date"))
    var asOf: String?
    @Option(help: "What a roll-up compares with: the quarter (default) or the year before.") var period: RollUp.Period?
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html
    }

    @Option(help: "markdown or html (one self-contained file, prints on A4).") var format: Format = .markdown
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func validate() throws {
        if [cluster, region, grouping].compactMap({ $0 }).count > 1 {
            throw ValidationError("name a cluster, or give --region or --grouping: one of them")
        }
        if cluster != nil, period != nil { throw ValidationError("--period is for a roll-up: a grouping, a region or the whole store") }
    }

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        var day = today
        var world = store.world
        if let asOf {
            day = try PastDay.parse(asOf, option: "--as-of", today: today)
            if day > today { throw CLIError("--as-of \(day) is after today: nothing is recorded for it yet") }
            do { world = try store.world(asOf: day) } catch { throw CLIError(error.message) }
        }
        let period = period ?? .quarter
        var report: Report
        if let cluster {
            let found = try store.world.findCluster(cluster)
            guard let made = Report.cluster(found.id, world: world, today: day) else {
                throw CLIError(asOf == nil ? "the cluster no longer exists" : "“\(found.name)” had not been recorded by the end of \(day)")
            }
            report = made
        } else if let region {
            // A region that matches nothing is an error naming the regions there are.
            let regions = try store.world.findRegions(region)
            report = Report.region(region, world: world, today: day, period: period, regions: regions)
        } else if let grouping {
            report = Report.grouping(try store.world.findCluster(grouping), world: world, today: day, period: period)
        } else {
            report = Report.store(world: world, today: day, period: period)
        }
        if asOf != nil { report = report.asRecorded(by: day) }
        let text = format == .html ? HTMLReport.render(report) : MarkdownReport.render(report)
        if let output {
            do {
                try StoreFiles.write(Data(text.utf8), to: URL(fileURLWithPath: output), mode: store.access.fileMode, store: nil)
            } catch {
                throw CLIError(error.message)
            }
            print("report written to \(output)")
        } else {
            print(text)
        }
    }
}
