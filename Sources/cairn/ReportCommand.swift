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
    @Option(help: "markdown or html (one self-contained file, prints on A4).") var format: String = "markdown"
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        guard format == "markdown" || format == "html" else {
            throw CLIError("report format “\(format)” is not known: use markdown or html")
        }
        let html = format == "html"
        let store = try options.open()
        let today = Day.today()
        let text: String
        switch (cluster, region) {
        case (let c?, nil):
            let found = try store.world.findCluster(c)
            text =
                html
                ? HTMLReport.cluster(found.id, world: store.world, today: today)
                : MarkdownReport.cluster(found.id, world: store.world, today: today)
        case (nil, let r?):
            text =
                html ? HTMLReport.region(r, world: store.world, today: today) : MarkdownReport.region(r, world: store.world, today: today)
        default:
            throw CLIError("name a cluster or give --region, not both")
        }
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)")
            }
            print("report written to \(output)")
        } else {
            print(text)
        }
    }
}
