import CairnApp
import CairnCore
import CairnStore
import Foundation

/// The path every CLI change takes: the rule book decides what `operation` changes, and the
/// store writes all of it as one commit, or nothing.
@discardableResult
func perform(_ operation: DomainOperation, on store: Store, source: String? = nil) throws -> Outcome {
    let author = Author(user: store.identity.user, today: Day.today())
    let outcome = try store.world.perform(operation, by: author)
    do {
        let receipt = try store.commit(outcome.changes, source: source, exact: outcome.putsBack)
        if !receipt.conflicts.isEmpty { printError(ConflictNotice.saved(receipt.conflicts, in: store.world).text) }
    } catch {
        throw CLIError("not saved: \(error.message)")
    }
    return outcome
}

/// A line on standard error: warnings that must not mix with what a command prints.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((Text.visible(line) + "\n").utf8))
}
