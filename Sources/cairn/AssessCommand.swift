import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

/// `cairn assess CLUSTER ITEM=RATING…`: a health check, as the Health tab's form records it:
/// each condition and challenge rated 1 (fragile) to 4 (solid), with a note where said.
struct AssessCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "assess",
            abstract: Words.say(
                "Record a health check of a cluster: conditions and challenges rated 1 (fragile) to 4 (solid).", context: "command"),
            discussion: Words.say(
                "ITEM is a condition (leadership, structures, history, communication, context) or a challenge (autonomy, power, workload, objectives, funding), a challenge rated by how well the cluster holds against it. --from-latest starts from the cluster's latest check, as the screen's form does: an item not given keeps its rating and note. cairn health CLUSTER shows the checks.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The cluster: an id or an exact name.", context: "option"))) var cluster: String
    @Argument(help: ArgumentHelp(Words.say("ITEM=RATING, one or more (leadership=3 funding=1).", context: "option"))) var ratings:
        [String] = []
    @Option(help: ArgumentHelp(Words.say("ITEM=TEXT: a note on an item (repeat for several).", context: "option"))) var note: [String] = []
    @Option(
        parsing: .unconditional, help: ArgumentHelp(Words.say("The day of the check: YYYY-MM-DD, yesterday or -3d.", context: "option")))
    var date = "today"
    @Flag(
        name: .customLong("from-latest"),
        help: ArgumentHelp(Words.say("Start from the latest check: items not given keep their rating and note.", context: "option")))
    var fromLatest = false
    @Flag(help: ArgumentHelp(Words.say("Print the check as JSON, with the fields of `cairn export --format json`.", context: "option")))
    var json = false

    func run() throws {
        let given = try Self.pairs(ratings, what: "ITEM=RATING")
        let notes = try Self.pairs(note, what: "--note ITEM=TEXT")
        if given.isEmpty, !fromLatest {
            throw CLIError(
                Words.say("rate at least one condition or challenge: ITEM=1..4 (leadership=3), or --from-latest", context: "cli"))
        }
        let store = try options.open()
        let w = store.world
        let c = try w.findCluster(cluster)
        let today = Day.today()
        let day: Day
        do { day = try DayInput.parse(date, today: today) } catch { throw CLIError("--date: \(error.message)") }
        var a = Assessment(cluster: c.id, date: day, by: store.identity.user)
        if fromLatest {
            guard let latest = w.assessments(of: c.id).first else {
                throw CLIError(Words.say("--from-latest: “{name}” has no health check yet", context: "cli", ["name": c.name]))
            }
            a.ratings = latest.ratings
            a.notes = latest.notes
        }
        for (item, value) in given {
            guard let rating = Int(value), (1...4).contains(rating) else {
                throw CLIError(
                    Words.say(
                        "{item}={value}: a rating is a whole number from 1 (fragile) to 4 (solid)", context: "cli",
                        ["item": item.rawValue, "value": value]))
            }
            a.ratings[item.rawValue] = rating
        }
        for (item, text) in notes { a.notes[item.rawValue] = text }
        let outcome = try perform(.add(.assessment(a)), on: store)
        let saved = store.world.assessments[a.id] ?? a
        if json {
            printJSON(JSONExport.objectData(saved))
            return
        }
        print(Words.say("{summary} for “{name}”", context: "cli", ["summary": outcome.summary, "name": c.name]))
        let health = store.world.health(of: c.id, on: today)
        if health.latest?.id == saved.id, let score = health.score {
            print(
                Words.say(
                    "score {score} of 4 (1 fragile, 4 solid); weakest point: {weakest}", context: "cli",
                    ["score": String(format: "%.1f", score), "weakest": health.weakestPoint]))
        }
    }

    /// `ITEM=VALUE` words read, each item named once.
    static func pairs(_ words: [String], what: String) throws -> [(HealthItem, String)] {
        var seen: Set<HealthItem> = []
        return try words.map { word in
            guard let eq = word.firstIndex(of: "=") else {
                throw CLIError(Words.say("“{word}” is not {what}", context: "cli", ["word": word, "what": what]))
            }
            let name = word[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            guard let item = HealthItem(rawValue: name) else {
                let all = HealthItem.allCases.map(\.rawValue).joined(separator: ", ")
                throw CLIError(
                    Words.say("“{name}” is not a condition or challenge: use one of {items}", context: "cli", ["name": name, "items": all]))
            }
            guard seen.insert(item).inserted else { throw CLIError(Words.say("{name} is given twice", context: "cli", ["name": name])) }
            return (item, String(word[word.index(after: eq)...]).trimmingCharacters(in: .whitespaces))
        }
    }
}
