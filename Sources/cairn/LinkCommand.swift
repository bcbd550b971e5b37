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
            discussion: """
                SCHOOL and the other school are ids or exact names. A feed says which phases it concerns, as pupils go \
                (--phases primary,lower-secondary). A succession says when (--on) and how (--how merged, split, amalgamated \
                or converted). Delete a link with cairn delete and the id this prints.
                """
        )
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: "The school that feeds, or the successor: an id or an exact name.") var school: String
    @Option(help: "The school its pupils go on to.") var feeds: String?
    @Option(help: "The school it took over from (its predecessor).") var succeeds: String?
    @Option(help: "The phases a feed concerns, as pupils go: \(Phase.wordList) (comma-separated).") var phases: String?
    @Option(parsing: .unconditional, help: "The day the successor took over: YYYY-MM-DD, today, -3d.") var on: String?
    @Option(help: "How it took over: \(Lineage.wordList).") var how: String?
    @Option(help: "A note on the link.") var notes: String?
    @Flag(help: "Print the link as JSON.") var json = false

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
        guard (feeds == nil) != (succeeds == nil) else { throw CLIError("say either --feeds SCHOOL or --succeeds SCHOOL") }
        let from = try w.findSchool(school)
        let to = try w.findSchool(feeds ?? succeeds!)
        if let feeds = feeds.map({ _ in from }) {
            if on != nil || how != nil { throw CLIError("--on and --how are for --succeeds; a feed has --phases") }
            return Link(from: feeds.id, to: to.id, relation: .feeds, phases: try phaseList(), notes: notes ?? "")
        }
        if phases != nil { throw CLIError("--phases is for --feeds; a succession has --on and --how") }
        guard let on else { throw CLIError("--succeeds needs --on DATE: the day “\(from.name)” took over") }
        guard let how else { throw CLIError("--succeeds needs --how: \(Lineage.wordList)") }
        guard let way = Lineage(rawValue: how) else { throw CLIError("--how: “\(how)” is not one of \(Lineage.wordList)") }
        let day: Day
        do { day = try DayInput.parse(on, today: Day.today()) } catch { throw CLIError("--on: \(error.message)") }
        // The predecessor is where the lineage starts: the link runs from it to its successor.
        return Link(from: to.id, to: from.id, relation: .lineage, on: day, how: way, notes: notes ?? "")
    }

    private func phaseList() throws -> [Phase] {
        guard let phases else { return [] }
        return try phases.split(whereSeparator: { $0 == "," || $0 == " " }).map { word in
            guard let p = Phase(rawValue: String(word)) else { throw CLIError("--phases: “\(word)” is not one of \(Phase.wordList)") }
            return p
        }
    }
}

extension World {
    /// A school named by its id or exact name, or the one line that says why not.
    func findSchool(_ reference: String) throws -> School {
        let record = try findRecord(reference)
        guard case .school(let s) = record else { throw CLIError("\(describe(record)) is not a school: links are between schools") }
        return s
    }
}
