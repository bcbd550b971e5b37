import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

/// `cairn join CLUSTER MEMBER`: an existing school, agency or cluster becomes a member of a
/// cluster (a second cluster for a school, a cluster within a collaborative or a trust).
struct JoinCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "join",
            abstract: Words.say("Make an existing school, agency or cluster a member of a cluster.", context: "command"),
            discussion:
                "CLUSTER and MEMBER are ids or exact names. A cluster joining another makes a grouping of clusters (a collaborative, a trust); one that would end up within itself is refused, with the circle named. A school is in one cluster (agrupamento), federation or trust at a time: joining a second of the same kind is refused, naming the first, unless --move says to leave that one (on the --from day, else today) and join, in one commit."
        )
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: "The cluster to join: an id or an exact name.") var cluster: String
    @Argument(help: "The school, agency or cluster that joins: an id or an exact name.") var member: String
    @Option(help: "Its role in the cluster.") var role: String?
    @Flag(help: "It leads and convenes the cluster.") var lead = false
    @Option(parsing: .unconditional, help: "The day it joined: YYYY-MM-DD, today, -3d (default: none said).") var from: String?
    @Flag(help: "A school already in a cluster, federation or trust of this kind leaves it and joins this one, in one commit.")
    var move = false

    func run() throws {
        let store = try options.open()
        let w = store.world
        let grouping = try w.findCluster(cluster)
        let record = try w.findRecord(member)
        let type: MemberType
        switch record {
        case .school: type = .school
        case .agency: type = .agency
        case .cluster: type = .cluster
        default: throw CLIError("\(w.describe(record)) cannot be a member: name a school, an agency or a cluster")
        }
        var joined: Day?
        if let from {
            do { joined = try DayInput.parse(from, today: Day.today()) } catch { throw CLIError("--from: \(error.message)") }
        }
        let m = Membership(cluster: grouping.id, memberType: type, memberId: record.id, role: role ?? "", lead: lead, from: joined)
        guard let first = w.exclusiveMembership(of: record.id, type: type, joining: grouping.id) else {
            print(try perform(.add(.membership(m)), on: store).summary)
            return
        }
        let leftName = w.clusters[first.cluster]?.name ?? first.cluster
        guard move else {
            throw CLIError("\(w.alreadyIn(first)): add --move to leave it and join “\(grouping.name)” in one step, or cairn leave it first")
        }
        let moved = DomainOperation.all(
            [.leave(membership: first.id, on: joined), .add(.membership(m))],
            summary: "\(w.memberName(first)) left “\(leftName)” and joined “\(grouping.name)”")
        print(try perform(moved, on: store).summary)
    }
}
