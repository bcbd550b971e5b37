import ArgumentParser
import CairnCore
import CairnReports
import CairnStore
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "A cluster's local action plan, to hand out or print.",
        discussion: """
            Stakeholders with their roles and the lead; goals with indicator, baseline, target, \
            deadline, priority and owner; actions by class with who is responsible and the goal \
            each serves; the monitoring agreement with its meetings; and what is still missing. \
            It states when it was made and from which revision of the store. As html it is one \
            self-contained file that prints on A4, each step on a new page.
            """)
    @OptionGroup var options: StoreOptions
    @Argument(help: "The cluster (id or exact name).") var cluster: String
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, markdown, html
    }

    @Option(help: "md or html.") var format: Format = .md
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let store = try options.open()
        let found = try store.world.findCluster(cluster)
        let made = Date()
        guard let plan = Report.plan(found.id, world: store.world, today: Day.today(), made: made) else {
            throw CLIError("the cluster no longer exists")
        }
        let text = format == .html ? HTMLReport.render(plan) : MarkdownReport.render(plan)
        guard let output else { return print(text) }
        do {
            try StoreFiles.write(Data(text.utf8), to: URL(fileURLWithPath: output), mode: store.access.fileMode, store: nil)
        } catch {
            throw CLIError(error.message)
        }
        print("plan written to \(output)")
    }
}
