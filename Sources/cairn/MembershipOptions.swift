import ArgumentParser
import CairnCore
import CairnStore

/// Options that put a new school or agency straight into a cluster.
struct MembershipOptions: ParsableArguments {
    @Option(help: "Make it a member of this cluster (id or exact name).") var cluster: String?
    @Option(help: "Its role in the cluster.") var role: String?
    @Flag(help: "It leads and convenes the cluster.") var lead = false

    func validate() throws {
        if cluster == nil, role != nil || lead { throw ValidationError("--role and --lead need --cluster") }
    }

    func operations(for type: MemberType, id: String, in store: Store) throws -> [DomainOperation] {
        guard let reference = cluster else { return [] }
        let cluster = try store.world.findCluster(reference)
        let m = Membership(cluster: cluster.id, memberType: type, memberId: id, role: role ?? "", lead: lead)
        return [.add(.membership(m))]
    }
}
