import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddSchool: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "school", abstract: Words.say("Add a school.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Words.say("Its name, in its own language.", context: "option"))) var name: String
    @Option(name: .customLong("official-id"), help: ArgumentHelp(Words.say("Its identifier in the national register.", context: "option")))
    var officialId: String?
    @Option(help: ArgumentHelp(Words.say("A phase it serves (repeat for several).", context: "option"))) var phase: [Phase] = []
    @Option(help: ArgumentHelp(Words.say("Its municipality or local authority.", context: "option"))) var municipality: String = ""
    @OptionGroup var membership: MembershipOptions

    func run() throws {
        let store = try options.open()
        let school = School(officialId: officialId, name: name, phases: phase, municipality: municipality)
        if let warning = store.world.duplicateWarning(for: .school(school)) {
            printError(Words.say("warning: {warning}; added a second one", context: "cli", ["warning": warning]))
        }
        let join = try membership.operations(for: .school, id: school.id, in: store)
        try perform(
            .all([.add(.school(school))] + join, summary: Words.say("Added school “{name}”", context: "cli", ["name": school.name])),
            on: store)
        print(school.id)
    }
}
