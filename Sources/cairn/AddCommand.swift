import ArgumentParser
import CairnCore
import CairnStore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a cluster, school, agency, checkpoint, goal or action.",
        subcommands: [AddCluster.self, AddSchool.self, AddAgency.self, AddCheckpoint.self, AddGoal.self, AddAction.self])
}
