import ArgumentParser
import CairnCore
import CairnReports
import CairnStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "A monitoring report of a cluster, or a roll-up of a region's clusters.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The cluster (id or exact name).") var cluster: String?
    @Option(help: "All clusters of this region, one line each.") var region: String?
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html
    }

    @Option(help: "markdown or html (one self-contained file, prints on A4).") var format: Format = .markdown
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func validate() throws {
        if (cluster == nil) == (region == nil) { throw ValidationError("name a cluster or give --region, not both") }
    }

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        let report: Report
        if let cluster {
            let found = try store.world.findCluster(cluster)
            guard let made = Report.cluster(found.id, world: store.world, today: today) else {
                throw CLIError("the cluster no longer exists")
            }
            report = made
        } else {
            // A region that matches nothing is an error naming the regions there are.
            _ = try store.world.findRegions(region ?? "")
            report = Report.region(region ?? "", world: store.world, today: today)
        }
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
