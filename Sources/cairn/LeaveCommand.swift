import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

/// `cairn leave CLUSTER MEMBER`: a member leaves, and the store keeps that it was one and when
/// it left, rather than forgetting it.
struct LeaveCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "leave",
            abstract: Words.say("A school, agency or cluster leaves a cluster; the store keeps when.", context: "command"),
            discussion: Words.say(
                "CLUSTER and MEMBER are ids or exact names. The membership is kept with the day it ended, not deleted.", context: "command")
        )
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The cluster it leaves: an id or an exact name.", context: "option"))) var cluster: String
    @Argument(help: ArgumentHelp(Words.say("The school, agency or cluster that leaves: an id or an exact name.", context: "option")))
    var member: String
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(Words.say("The day it left: YYYY-MM-DD, yesterday or -3d; a later day is refused.", context: "option")))
    var on: String = "today"

    func run() throws {
        let store = try options.open()
        let w = store.world
        let grouping = try w.findCluster(cluster)
        let record = try w.findRecord(member)
        guard let m = w.members(of: grouping.id).first(where: { $0.memberId == record.id }) else {
            throw CLIError(
                Words.say("{record} is not a member of {name}", context: "cli", ["record": w.describe(record), "name": grouping.name]))
        }
        let day = try PastDay.parse(on, option: "--on")
        print(try perform(.leave(membership: m.id, on: day), on: store).summary)
    }
}
