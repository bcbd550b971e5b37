import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddSchool: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "school", abstract: Words.say("Add a school.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(help: "Its name, in its own language.") var name: String
    @Option(name: .customLong("official-id"), help: "Its identifier in the national register.") var officialId: String?
    @Option(help: "A phase it serves (repeat for several).") var phase: [Phase] = []
    @Option(help: "Its municipality or local authority.") var municipality: String = ""
    @OptionGroup var membership: MembershipOptions

    func run() throws {
        let store = try options.open()
        let school = School(officialId: officialId, name: name, phases: phase, municipality: municipality)
        if let warning = store.world.duplicateWarning(for: .school(school)) { printError("warning: \(warning); added a second one") }
        let join = try membership.operations(for: .school, id: school.id, in: store)
        try perform(.all([.add(.school(school))] + join, summary: "Added school “\(school.name)”"), on: store)
        print(school.id)
    }
}
