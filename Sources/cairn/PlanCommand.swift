import ArgumentParser
import CairnCore
import CairnReports
import CairnStore
import CairnWords
import Foundation

struct PlanCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan", abstract: Words.say("A cluster's local action plan, to hand out or print.", context: "command"),
            discussion: Words.say(
                "Stakeholders with their roles and the lead; goals with indicator, baseline, target, deadline, priority and owner; actions by class with who is responsible and the goal each serves; the monitoring agreement with its meetings; and what is still missing. It states when it was made and from which revision of the store. As html it is one self-contained file that prints on A4, each step on a new page.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The cluster (id or exact name).", context: "option"))) var cluster: String
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, markdown, html
    }

    @Option(help: ArgumentHelp(Words.say("md or html.", context: "option"))) var format: Format = .md
    @Option(help: ArgumentHelp(Words.say("Write to this file instead of standard output.", context: "option"))) var output: String?

    func run() throws {
        let store = try options.open()
        let found = try store.world.findCluster(cluster)
        let made = Date()
        guard let plan = Report.plan(found.id, world: store.world, today: Day.today(), made: made) else {
            throw CLIError(Words.say("the cluster no longer exists", context: "cli"))
        }
        let text = format == .html ? HTMLReport.render(plan) : MarkdownReport.render(plan)
        guard let output else { return print(text) }
        do {
            try StoreFiles.write(Data(text.utf8), to: URL(fileURLWithPath: output), mode: store.access.fileMode, store: nil)
        } catch {
            throw CLIError(error.message)
        }
        print(Words.say("plan written to {file}", context: "cli", ["file": output]))
    }
}
