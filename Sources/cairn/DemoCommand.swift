import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "demo", abstract: Words.say("Load the example clusters into the store.", context: "command"),
            discussion: """
                Into a store that already has records the examples go only with --yes (or a y on a \
                terminal): they would sit beside real records, and a shared store sends them to its \
                hub at the next sync.
                """)
    }
    @OptionGroup var options: StoreOptions
    @Flag(help: "Load them into a store that already has records.") var yes = false

    func run() throws {
        let store = try options.open()
        let changes = try Examples.changes(for: store.world, today: Day.today(), user: store.identity.user)
        if changes.isEmpty {
            print("the examples are already in \(store.directory.path)")
            return
        }
        let shared = StoreSync(store: store).sendsToHub
        if !store.world.isEmpty, !yes {
            let w = store.world
            let held =
                "this store already has records (\(Text.counted(w.clusters.count, "cluster")), \(Text.counted(w.schools.count, "school")), "
                + "\(Text.counted(w.agencies.count, "agency", "agencies")))"
            let hub = shared ? ", and it is shared: the examples would reach its hub at the next sync" : ""
            guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
                throw CLIError("\(held)\(hub); cairn demo --yes loads them anyway")
            }
            FileHandle.standardError.write(Data("\(held)\(hub). Load the examples beside them? (y/n) ".utf8))
            guard let answer = readLine(), answer.lowercased().hasPrefix("y") else { throw CLIError("nothing loaded") }
        }
        let clusters = changes.filter { if case .put(.cluster) = $0 { return true } else { return false } }.count
        try perform(.carry(changes, summary: "Loaded \(Text.counted(clusters, "example cluster"))"), on: store)
        let hub = shared ? "; they reach the shared hub at the next cairn sync" : ""
        print("loaded \(Text.counted(clusters, "example cluster")) into \(store.directory.path)\(hub)")
    }
}
