import CairnCore
import CairnStore

/// The path every CLI change takes: normalise and validate each put against the world as it
/// will be, then write them all as one commit.
func validateAndCommit(_ changes: [Change], to store: Store) throws {
    var world = store.world
    var checked: [Change] = []
    for change in changes {
        guard case .put(let record) = change else {
            checked.append(change)
            world.apply(change)
            continue
        }
        let (normalized, issues) = world.validate(record)
        if let first = issues.first { throw CLIError(first.message) }
        checked.append(.put(normalized))
        world.apply(.put(normalized))
    }
    do {
        try store.commit(checked)
    } catch {
        throw CLIError("not saved: \(error.message)")
    }
}

/// Turns a domain validation error into the CLI's one-line message.
func attempt<T>(_ body: () throws(CairnCore.ValidationError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CLIError(error.message)
    }
}
