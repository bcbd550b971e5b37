import CairnWords
import Foundation

/// Reads the numbers people type: `12.5`, and `12,5` as most of Europe writes it.
public enum NumberInput {
    /// The number, nil for empty text, or an error that says what is wrong.
    public static func parse(_ text: String) throws(InputError) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        // One comma and no point is a decimal comma; anything else with a comma is ambiguous.
        let commas = t.filter { $0 == "," }.count
        let normal = commas == 1 && !t.contains(".") ? t.replacingOccurrences(of: ",", with: ".") : t
        guard let v = Double(normal), v.isFinite else { throw InputError(Words.say("“{text}” is not a number", ["text": t])) }
        return v
    }
}
