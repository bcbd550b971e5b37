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
            discussion: Words.say(
                "CLUSTER and MEMBER are ids or exact names. A cluster joining another makes a grouping of clusters (a collaborative, a trust); one that would end up within itself is refused, with the circle named. A school is in one cluster (agrupamento), federation or trust at a time: joining a second of the same kind is refused, naming the first, unless --move says to leave that one (on the --from day, else today) and join, in one commit.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The cluster to join: an id or an exact name.", context: "option"))) var cluster: String
    @Argument(help: ArgumentHelp(Words.say("The school, agency or cluster that joins: an id or an exact name.", context: "option")))
    var member: String
    @Option(help: ArgumentHelp(Words.say("Its role in the cluster.", context: "option"))) var role: String?
    @Flag(help: ArgumentHelp(Words.say("It leads and convenes the cluster.", context: "option"))) var lead = false
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(Words.say("The day it joined: YYYY-MM-DD, today, -3d (default: none said).", context: "option"))) var from:
        String?
    @Flag(
        help: ArgumentHelp(
            Words.say(
                "A school already in a cluster, federation or trust of this kind leaves it and joins this one, in one commit.",
                context: "option")))
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
        default:
            throw CLIError(
                Words.say(
                    "{record} cannot be a member: name a school, an agency or a cluster", context: "cli", ["record": w.describe(record)]))
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
            throw CLIError(
                Words.say(
                    "{already}: add --move to leave it and join “{name}” in one step, or cairn leave it first", context: "cli",
                    ["already": w.alreadyIn(first), "name": grouping.name]))
        }
        let moved = DomainOperation.all(
            [.leave(membership: first.id, on: joined), .add(.membership(m))],
            summary: Words.say(
                "{member} left “{left}” and joined “{name}”", context: "cli",
                ["member": w.memberName(first), "left": leftName, "name": grouping.name]))
        print(try perform(moved, on: store).summary)
    }
}
