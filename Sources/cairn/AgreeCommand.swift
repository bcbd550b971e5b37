import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

/// `cairn agree CLUSTER`: the cluster's monitoring agreement, set as `M` on its screen sets it:
/// how often all stakeholders meet, how members report, how it is evaluated, over which period.
struct AgreeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "agree",
            abstract: Words.say(
                "Set a cluster's monitoring agreement: meetings a year, reporting, evaluation, period.", context: "command"),
            discussion: Words.say(
                "A cluster has one agreement. The first call makes it (4 meetings a year, over the twelve months from --from or today, unless said); later calls change only what they name. Without options it prints the agreement as it is.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The cluster: an id or an exact name.", context: "option"))) var cluster: String
    @Option(
        parsing: .unconditional, help: ArgumentHelp(Words.say("How many times a year all stakeholders meet (1 to 52).", context: "option")))
    var meetings: String?
    @Option(help: ArgumentHelp(Words.say("How members report to one another.", context: "option"))) var reporting: String?
    @Option(help: ArgumentHelp(Words.say("How implementation is evaluated.", context: "option"))) var evaluation: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Words.say("The period's first day: YYYY-MM-DD, today, +1m.", context: "option")))
    var from: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(Words.say("The period's last day (default for a new one: twelve months after --from).", context: "option")))
    var to: String?
    @Flag(help: ArgumentHelp(Words.say("Print the agreement as JSON, with the fields of `cairn export --format json`.", context: "option")))
    var json = false

    func run() throws {
        let store = try options.open()
        let w = store.world
        let c = try w.findCluster(cluster)
        let today = Day.today()
        let existing = w.agreement(of: c.id)
        let setting = meetings != nil || reporting != nil || evaluation != nil || from != nil || to != nil
        if existing == nil, !setting {
            throw CLIError(
                Words.say(
                    "“{name}” has no monitoring agreement yet: make one with --meetings N --from DATE --to DATE", context: "cli",
                    ["name": c.name]))
        }
        let start = try from.map { try day($0, flag: "--from", today: today) }
        var a =
            existing
            ?? Agreement(
                cluster: c.id, meetingsPerYear: 4, periodStart: start ?? today, periodEnd: (start ?? today).adding(months: 12))
        if let meetings {
            let text = meetings.trimmingCharacters(in: .whitespaces)
            guard let n = Int(text) else {
                throw CLIError(
                    Words.say("--meetings: “{text}” is not a whole number: meetings a year, 1 to 52", context: "cli", ["text": meetings]))
            }
            a.meetingsPerYear = n
        }
        if let start { a.periodStart = start }
        if let to { a.periodEnd = try day(to, flag: "--to", today: today) }
        if let reporting { a.reporting = reporting }
        if let evaluation { a.evaluation = evaluation }
        let summary: String
        if let existing, a == existing {
            summary = Words.say(
                "nothing changed: {record} of “{name}” already says so", context: "cli",
                ["record": w.describe(.agreement(existing)), "name": c.name])
        } else {
            let operation: DomainOperation = existing.map { .edit(.agreement(a), basis: .agreement($0)) } ?? .add(.agreement(a))
            do {
                summary = Words.say(
                    "{summary} for “{name}”", context: "cli", ["summary": try perform(operation, on: store).summary, "name": c.name])
            } catch let refusal as Refusal {
                throw CLIError(Self.flagged(refusal))
            }
        }
        let saved = store.world.agreement(of: c.id) ?? a
        if json {
            printJSON(JSONExport.objectData(saved))
            return
        }
        print(summary)
        let period = ["from": "\(saved.periodStart)", "to": "\(saved.periodEnd)"]
        let meetings = saved.proposedMeetings().count
        print(
            Words.count(
                "period {from} to {to}, {count} meeting in it", "period {from} to {to}, {count} meetings in it", meetings, context: "cli",
                period))
        if !saved.reporting.isEmpty { print(Words.say("reporting: {text}", context: "cli", ["text": saved.reporting])) }
        if !saved.evaluation.isEmpty { print(Words.say("evaluation: {text}", context: "cli", ["text": saved.evaluation])) }
    }

    func day(_ text: String, flag: String, today: Day) throws -> Day {
        do { return try DayInput.parse(text, today: today) } catch { throw CLIError("\(flag): \(error.message)") }
    }

    /// The rule book's reason, led by the option that sets the field it names.
    static func flagged(_ refusal: Refusal) -> String {
        let flags = ["meetingsPerYear": "--meetings", "periodStart": "--from", "periodEnd": "--to"]
        guard let issue = refusal.issues.first, let flag = flags[issue.field] else { return refusal.message }
        return "\(flag): \(issue.message)"
    }
}
