import ArgumentParser
import CairnCore
import CairnReports
import CairnStore
import CairnWords
import Foundation

struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: Words.say(
                "A monitoring report of a cluster, or a roll-up of a grouping, a region or the whole store.", context: "command"),
            discussion: Words.say(
                "With no cluster, --grouping or --region, the roll-up covers the whole store. A roll-up counts each cluster, school and agency once, however many groupings reach it, and sets each figure beside the one at the end of the quarter (or year) before.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The cluster (id or exact name).", context: "option"))) var cluster: String?
    @Option(help: ArgumentHelp(Words.say("All clusters of this region, rolled up, then one line each.", context: "option"))) var region:
        String?
    @Option(help: ArgumentHelp(Words.say("A grouping (id or exact name) and every cluster within it, rolled up.", context: "option")))
    var grouping: String?
    @Option(
        name: .customLong("as-of"), parsing: .unconditional,
        help: ArgumentHelp(
            Words.say("What had been recorded by the end of this day (2026-06-30, yesterday, -3m).", context: "option"), valueName: "date"))
    var asOf: String?
    @Option(help: ArgumentHelp(Words.say("What a roll-up compares with: the quarter (default) or the year before.", context: "option")))
    var period: RollUp.Period?
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html
    }

    @Option(help: ArgumentHelp(Words.say("markdown or html (one self-contained file, prints on A4).", context: "option")))
    var format: Format = .markdown
    @Option(help: ArgumentHelp(Words.say("Write to this file instead of standard output.", context: "option"))) var output: String?

    func validate() throws {
        if [cluster, region, grouping].compactMap({ $0 }).count > 1 {
            throw ValidationError(Words.say("name a cluster, or give --region or --grouping: one of them", context: "cli"))
        }
        if cluster != nil, period != nil {
            throw ValidationError(Words.say("--period is for a roll-up: a grouping, a region or the whole store", context: "cli"))
        }
    }

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        var day = today
        var world = store.world
        if let asOf {
            day = try PastDay.parse(asOf, option: "--as-of", today: today)
            if day > today {
                throw CLIError(Words.say("--as-of {day} is after today: nothing is recorded for it yet", context: "cli", ["day": "\(day)"]))
            }
            do { world = try store.world(asOf: day) } catch { throw CLIError(error.message) }
        }
        let period = period ?? .quarter
        var report: Report
        if let cluster {
            let found = try store.world.findCluster(cluster)
            guard let made = Report.cluster(found.id, world: world, today: day) else {
                throw CLIError(
                    asOf == nil
                        ? Words.say("the cluster no longer exists", context: "cli")
                        : Words.say(
                            "“{name}” had not been recorded by the end of {day}", context: "cli", ["name": found.name, "day": "\(day)"]))
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
            print(Words.say("report written to {file}", context: "cli", ["file": output]))
        } else {
            print(text)
        }
    }
}
