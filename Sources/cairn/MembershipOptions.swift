import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

/// Options that put a new school or agency straight into a cluster.
struct MembershipOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Words.say("Make it a member of this cluster (id or exact name).", context: "option"))) var cluster: String?
    @Option(help: ArgumentHelp(Words.say("Its role in the cluster.", context: "option"))) var role: String?
    @Flag(help: ArgumentHelp(Words.say("It leads and convenes the cluster.", context: "option"))) var lead = false

    func validate() throws {
        if cluster == nil, role != nil || lead { throw ValidationError(Words.say("--role and --lead need --cluster", context: "cli")) }
    }

    func operations(for type: MemberType, id: String, in store: Store) throws -> [DomainOperation] {
        guard let reference = cluster else { return [] }
        let cluster = try store.world.findCluster(reference)
        let m = Membership(cluster: cluster.id, memberType: type, memberId: id, role: role ?? "", lead: lead)
        return [.add(.membership(m))]
    }
}
