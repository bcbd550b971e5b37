import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: Words.say("Verify the store; exit non-zero when something is damaged or others can read it.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Flag(
        help: ArgumentHelp(
            Words.say(
                "Write the snapshot (local/snapshot, the journals' cache for a quick start) anew from a full read.", context: "option")))
    var rebuild = false
    @Flag(
        help: ArgumentHelp(
            Words.say(
                "Put back a journal whose lines were changed, removed or reordered, from the copy git holds (a synced store).",
                context: "option")))
    var repair = false

    func run() throws {
        let store = try options.open()
        if repair {
            do {
                for outcome in try JournalRepair.run(store) { print(outcome.said) }
            } catch {
                throw CLIError(error.message)
            }
        }
        let check = try StoreCheck.run(store, rebuild: rebuild)
        print(Words.say("store: {path}", context: "cli", ["path": store.directory.path]))
        print(check.report)
        if !check.isSound { throw ExitCode(1) }
    }
}
