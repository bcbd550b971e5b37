import CairnCore
import CairnWords

/// Reads a number as people type it (`12.5`, `12,5`), by the rule book's one reader.
func parseNumber(_ text: String, field: String) throws -> Double {
    let parsed: Double?
    do {
        parsed = try NumberInput.parse(text)
    } catch {
        throw CLIError("--\(field): \(error.message)")
    }
    guard let parsed else { throw CLIError(Words.say("--{field} needs a number", context: "cli", ["field": field])) }
    return parsed
}
