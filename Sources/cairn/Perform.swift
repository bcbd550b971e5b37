import CairnCore
import CairnStore

/// The path every CLI change takes: the rule book decides what `operation` changes, and the
/// store writes all of it as one commit, or nothing.
@discardableResult
func perform(_ operation: DomainOperation, on store: Store, source: String? = nil) throws -> Outcome {
    let author = Author(user: store.identity.user, today: Day.today())
    let outcome = try store.world.perform(operation, by: author)
    do {
        try store.commit(outcome.changes, source: source)
    } catch {
        throw CLIError("not saved: \(error.message)")
    }
    return outcome
}
