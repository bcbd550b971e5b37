import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddAgency: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "agency", abstract: Words.say("Add an agency (a stakeholder that is not a school).", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Words.say("Its name.", context: "option"))) var name: String
    @Option(help: ArgumentHelp(Words.say("The part of society it belongs to.", context: "option"))) var sector: Sector
    @Option(help: ArgumentHelp(Words.say("Where it works.", context: "option"))) var level: Level = .local
    @OptionGroup var membership: MembershipOptions

    func run() throws {
        let store = try options.open()
        let agency = Agency(name: name, sector: sector, level: level)
        if let warning = store.world.duplicateWarning(for: .agency(agency)) {
            printError(Words.say("warning: {warning}; added a second one", context: "cli", ["warning": warning]))
        }
        let join = try membership.operations(for: .agency, id: agency.id, in: store)
        try perform(
            .all([.add(.agency(agency))] + join, summary: Words.say("Added agency “{name}”", context: "cli", ["name": agency.name])),
            on: store)
        print(agency.id)
    }
}
