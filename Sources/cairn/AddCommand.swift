import ArgumentParser
import CairnCore
import CairnStore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a cluster, school, agency, checkpoint, goal or action.",
        subcommands: [AddCluster.self, AddSchool.self, AddAgency.self, AddCheckpoint.self, AddGoal.self, AddAction.self])
}

/// Options that put a new school or agency straight into a cluster.
struct MembershipOptions: ParsableArguments {
    @Option(help: "Make it a member of this cluster (id or exact name).") var cluster: String?
    @Option(help: "Its role in the cluster.") var role: String?
    @Flag(help: "It leads and convenes the cluster.") var lead = false

    func operations(for type: MemberType, id: String, in store: Store) throws -> [DomainOperation] {
        guard let reference = cluster else {
            if role != nil || lead { throw CLIError("--role and --lead need --cluster") }
            return []
        }
        let cluster = try store.world.findCluster(reference)
        let m = Membership(cluster: cluster.id, memberType: type, memberId: id, role: role ?? "", lead: lead)
        return [.add(.membership(m))]
    }
}

struct AddCluster: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cluster", abstract: "Add a cluster of schools.")
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

struct AddSchool: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "school", abstract: "Add a school.")
    @OptionGroup var options: StoreOptions
    @Option(help: "Its name, in its own language.") var name: String
    @Option(name: .customLong("official-id"), help: "Its identifier in the national register.") var officialId: String?
    @Option(help: "A phase it serves (repeat for several).") var phase: [Phase] = []
    @Option(help: "Its municipality or local authority.") var municipality: String = ""
    @OptionGroup var membership: MembershipOptions

    func run() throws {
        let store = try options.open()
        let school = School(officialId: officialId, name: name, phases: phase, municipality: municipality)
        let join = try membership.operations(for: .school, id: school.id, in: store)
        try perform(.all([.add(.school(school))] + join, summary: "Added school “\(school.name)”"), on: store)
        print(school.id)
    }
}

struct AddAgency: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agency", abstract: "Add an agency (a stakeholder that is not a school).")
    @OptionGroup var options: StoreOptions
    @Option(help: "Its name.") var name: String
    @Option(help: "The part of society it belongs to.") var sector: Sector
    @Option(help: "Where it works.") var level: Level = .local
    @OptionGroup var membership: MembershipOptions

    func run() throws {
        let store = try options.open()
        let agency = Agency(name: name, sector: sector, level: level)
        let join = try membership.operations(for: .agency, id: agency.id, in: store)
        try perform(.all([.add(.agency(agency))] + join, summary: "Added agency “\(agency.name)”"), on: store)
        print(agency.id)
    }
}

struct AddCheckpoint: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkpoint", abstract: "Add a monitoring checkpoint to a cluster.")
    @OptionGroup var options: StoreOptions
    @Option(help: "The cluster (id or exact name).") var cluster: String
    @Option(help: "What is to be verified.") var title: String
    @Option(parsing: .unconditional, help: "When: YYYY-MM-DD, today, tomorrow, +3d, +2w or +1m.") var due: String

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        let found = try store.world.findCluster(cluster)
        let day = try DayInput.parse(due, today: today)
        let checkpoint = Checkpoint(cluster: found.id, title: title, due: day)
        try perform(.add(.checkpoint(checkpoint)), on: store)
        print(checkpoint.id)
    }
}
