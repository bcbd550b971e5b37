import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "add", abstract: Words.say("Add a cluster, school, agency, checkpoint, goal or action.", context: "command"),
            subcommands: [AddCluster.self, AddSchool.self, AddAgency.self, AddCheckpoint.self, AddGoal.self, AddAction.self])
    }
}
