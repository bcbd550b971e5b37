import CairnApp
import CairnCore
import CairnStore
import CairnWords
import Foundation

/// The path every CLI change takes: the store asks the rule book under its lock, on the world
/// as it is on disk, and writes all of it as one commit, or nothing.
@discardableResult
func perform(_ operation: DomainOperation, on store: Store, source: String? = nil) throws -> Outcome {
    do {
        let performed = try store.perform(operation, source: source)
        if !performed.conflicts.isEmpty { printError(ConflictNotice.saved(performed.conflicts, in: store.world).text) }
        return performed.outcome
    } catch {
        switch error {
        case .refused(let refusal): throw refusal
        case .notWritten(let failure): throw CLIError(Words.say("not saved: {message}", context: "cli", ["message": failure.message]))
        }
    }
}

/// A line on standard error: warnings that must not mix with what a command prints.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((Text.visible(line) + "\n").utf8))
}
