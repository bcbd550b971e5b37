import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

/// `cairn link SCHOOL --feeds SCHOOL` or `--succeeds SCHOOL`: the pupils' path from one school
/// to the next, or a school's lineage, as a record of its own.
struct LinkCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "link", abstract: Words.say("Record that a school feeds another, or succeeds another.", context: "command"),
            discussion: Words.say(
                "SCHOOL and the other school are ids or exact names. A feed says which phases it concerns, as pupils go (--phases primary,lower-secondary). A succession says when (--on) and how (--how merged, split, amalgamated or converted). Delete a link with cairn delete and the id this prints.",
                context: "command")
        )
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The school that feeds, or the successor: an id or an exact name.", context: "option")))
    var school: String
    @Option(help: ArgumentHelp(Words.say("The school its pupils go on to.", context: "option"))) var feeds: String?
    @Option(help: ArgumentHelp(Words.say("The school it took over from (its predecessor).", context: "option"))) var succeeds: String?
    @Option(
        help: ArgumentHelp(
            Words.say(
                "The phases a feed concerns, as pupils go: {phases} (comma-separated).", context: "option", ["phases": Phase.wordList])))
    var phases: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(Words.say("The day the successor took over: YYYY-MM-DD, today, -3d.", context: "option"))) var on: String?
    @Option(help: ArgumentHelp(Words.say("How it took over: {ways}.", context: "option", ["ways": Lineage.wordList]))) var how: String?
    @Option(help: ArgumentHelp(Words.say("A note on the link.", context: "option"))) var notes: String?
    @Flag(help: ArgumentHelp(Words.say("Print the link as JSON.", context: "option"))) var json = false

    func run() throws {
        let store = try options.open()
        let w = store.world
        let link = try made(in: w)
        let outcome = try perform(.add(.link(link)), on: store)
        if json {
            let saved = store.world.links[link.id].map(Record.link) ?? .link(link)
            printJSON(PrettyJSON.data(.object(saved.fieldValues)))
        } else {
            print("\(outcome.summary) (\(link.id))")
        }
    }

    /// The link the arguments describe, or the one line that says what is wrong with them.
    func made(in w: World) throws -> Link {
        guard (feeds == nil) != (succeeds == nil) else {
            throw CLIError(Words.say("say either --feeds SCHOOL or --succeeds SCHOOL", context: "cli"))
        }
        let from = try w.findSchool(school)
        let to = try w.findSchool(feeds ?? succeeds!)
        if let feeds = feeds.map({ _ in from }) {
            if on != nil || how != nil {
                throw CLIError(Words.say("--on and --how are for --succeeds; a feed has --phases", context: "cli"))
            }
            return Link(from: feeds.id, to: to.id, relation: .feeds, phases: try phaseList(), notes: notes ?? "")
        }
        if phases != nil { throw CLIError(Words.say("--phases is for --feeds; a succession has --on and --how", context: "cli")) }
        guard let on else {
            throw CLIError(Words.say("--succeeds needs --on DATE: the day “{name}” took over", context: "cli", ["name": from.name]))
        }
        guard let how else { throw CLIError(Words.say("--succeeds needs --how: {ways}", context: "cli", ["ways": Lineage.wordList])) }
        guard let way = Lineage(rawValue: how) else {
            throw CLIError(Words.say("--how: “{how}” is not one of {ways}", context: "cli", ["how": how, "ways": Lineage.wordList]))
        }
        let day: Day
        do { day = try DayInput.parse(on, today: Day.today()) } catch { throw CLIError("--on: \(error.message)") }
        // The predecessor is where the lineage starts: the link runs from it to its successor.
        return Link(from: to.id, to: from.id, relation: .lineage, on: day, how: way, notes: notes ?? "")
    }

    private func phaseList() throws -> [Phase] {
        guard let phases else { return [] }
        return try phases.split(whereSeparator: { $0 == "," || $0 == " " }).map { word in
            guard let p = Phase(rawValue: String(word)) else {
                throw CLIError(
                    Words.say(
                        "--phases: “{word}” is not one of {phases}", context: "cli", ["word": String(word), "phases": Phase.wordList]))
            }
            return p
        }
    }
}

extension World {
    /// A school named by its id or exact name, or the one line that says why not.
    func findSchool(_ reference: String) throws -> School {
        let record = try findRecord(reference)
        guard case .school(let s) = record else {
            throw CLIError(Words.say("{record} is not a school: links are between schools", context: "cli", ["record": describe(record)]))
        }
        return s
    }
}
