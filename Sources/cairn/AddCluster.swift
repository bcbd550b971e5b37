import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddCluster: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "cluster", abstract: Words.say("Add a cluster of schools.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(help: "Its name.") var name: String
    @Option(help: "What the group is called.") var kind: ClusterKind = .cluster
    @Option(help: "The region or local authority it sits in.") var region: String = ""
    @Option(name: .customLong("official-id"), help: "Its identifier in an official register.") var officialId: String?

    func run() throws {
        let store = try options.open()
        let cluster = Cluster(officialId: officialId, name: name, kind: kind, region: region)
        try perform(.add(.cluster(cluster)), on: store)
        print(cluster.id)
    }
}
