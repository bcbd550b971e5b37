import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddCluster: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "cluster", abstract: Words.say("Add a cluster of schools.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Words.say("Its name.", context: "option"))) var name: String
    @Option(help: ArgumentHelp(Words.say("What the group is called.", context: "option"))) var kind: ClusterKind = .cluster
    @Option(help: ArgumentHelp(Words.say("The region or local authority it sits in.", context: "option"))) var region: String = ""
    @Option(name: .customLong("official-id"), help: ArgumentHelp(Words.say("Its identifier in an official register.", context: "option")))
    var officialId: String?

    func run() throws {
        let store = try options.open()
        let cluster = Cluster(officialId: officialId, name: name, kind: kind, region: region)
        try perform(.add(.cluster(cluster)), on: store)
        print(cluster.id)
    }
}
