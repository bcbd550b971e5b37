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
    @Option(help: "Its name.") var name: String
    @Option(help: "The part of society it belongs to.") var sector: Sector
    @Option(help: "Where it works.") var level: Level = .local
    @OptionGroup var membership: MembershipOptions

    func run() throws {
        let store = try options.open()
        let agency = Agency(name: name, sector: sector, level: level)
        if let warning = store.world.duplicateWarning(for: .agency(agency)) { printError("warning: \(warning); added a second one") }
        let join = try membership.operations(for: .agency, id: agency.id, in: store)
        try perform(.all([.add(.agency(agency))] + join, summary: "Added agency “\(agency.name)”"), on: store)
        print(agency.id)
    }
}
