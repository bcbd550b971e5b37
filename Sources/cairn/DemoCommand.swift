import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "demo", abstract: Words.say("Load the example clusters into the store.", context: "command"),
            discussion: Words.say(
                "Into a store that already has records the examples go only with --yes (or a y on a terminal): they would sit beside real records, and a shared store sends them to its hub at the next sync.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Flag(help: ArgumentHelp(Words.say("Load them into a store that already has records.", context: "option"))) var yes = false

    func run() throws {
        let store = try options.open()
        let changes = try Examples.changes(for: store.world, today: Day.today(), user: store.identity.user)
        if changes.isEmpty {
            print(Words.say("the examples are already in {path}", context: "cli", ["path": store.directory.path]))
            return
        }
        let shared = StoreSync(store: store).sendsToHub
        if !store.world.isEmpty, !yes {
            let w = store.world
            let counts = [
                "clusters": Words.count("{count} cluster", "{count} clusters", w.clusters.count, context: "cli"),
                "schools": Words.count("{count} school", "{count} schools", w.schools.count, context: "cli"),
                "agencies": Words.count("{count} agency", "{count} agencies", w.agencies.count, context: "cli"),
            ]
            let held =
                shared
                ? Words.say(
                    "this store already has records ({clusters}, {schools}, {agencies}), and it is shared: the examples would reach its hub at the next sync",
                    context: "cli", counts)
                : Words.say("this store already has records ({clusters}, {schools}, {agencies})", context: "cli", counts)
            guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
                throw CLIError(Words.say("{held}; cairn demo --yes loads them anyway", context: "cli", ["held": held]))
            }
            let question = Words.say("{held}. Load the examples beside them? (y/n) ", context: "cli", ["held": held])
            FileHandle.standardError.write(Data(question.utf8))
            guard let answer = readLine(), answer.lowercased().hasPrefix("y") else {
                throw CLIError(Words.say("nothing loaded", context: "cli"))
            }
        }
        let clusters = changes.filter { if case .put(.cluster) = $0 { return true } else { return false } }.count
        let loaded = Words.count("{count} example cluster", "{count} example clusters", clusters, context: "cli")
        try perform(.carry(changes, summary: Words.say("Loaded {clusters}", context: "cli", ["clusters": loaded])), on: store)
        let into = ["clusters": loaded, "path": store.directory.path]
        print(
            shared
                ? Words.say("loaded {clusters} into {path}; they reach the shared hub at the next cairn sync", context: "cli", into)
                : Words.say("loaded {clusters} into {path}", context: "cli", into))
    }
}
