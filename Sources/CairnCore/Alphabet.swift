import CairnWords
import Foundation

/// The order of letters a language's readers look names up in: Icelandic puts Þ, Æ and Ö after
/// Z and Á after A; Polish puts Ł after L and Ż after Ź; Welsh reads `ll`, `ch`, `dd`, `ff`,
/// `ng`, `ph`, `rh` and `th` as single letters; Finnish and Norwegian put Å, Ä/Æ and Ö/Ø after Z.
/// Languages that only fold accents (Portuguese, French, German, Dutch, English) have no
/// letters of their own here.
///
/// Only screens use it: an export keeps `NameOrder`'s one order, whatever the language.
public struct Alphabet: Sendable {
    /// A letter of the language's own, by the letter it follows and its rank after it.
    struct Letter {
        let spelling: String
        let after: Character
        let rank: UInt32
    }

    let letters: [Letter]
    /// The longest of the language's letters, in characters (2 for Welsh's digraphs).
    let longest: Int

    /// Each group's spellings are one letter (Norwegian's Æ and Ä), placed after `after` and
    /// after the groups before it that follow the same letter.
    init(_ groups: [([String], Character)]) {
        var ranks: [Character: UInt32] = [:]
        letters = groups.flatMap { spellings, after in
            ranks[after, default: 0] += 1
            let rank = ranks[after]!
            return spellings.map { Letter(spelling: $0, after: after, rank: rank) }
        }
        longest = letters.map(\.spelling.count).max() ?? 1
    }

    /// True for a language that only folds accents: its names sort in `NameOrder`'s one order.
    public var isEmpty: Bool { letters.isEmpty }

    /// The alphabet of `language`'s readers.
    public static func of(_ language: Language) -> Alphabet {
        switch language.code {
        case "is":
            return Alphabet([
                (["á"], "a"), (["ð"], "d"), (["é"], "e"), (["í"], "i"), (["ó"], "o"), (["ú"], "u"), (["ý"], "y"),
                (["þ"], "z"), (["æ"], "z"), (["ö", "ø"], "z"),
            ])
        case "pl":
            return Alphabet([
                (["ą"], "a"), (["ć"], "c"), (["ę"], "e"), (["ł"], "l"), (["ń"], "n"), (["ó"], "o"), (["ś"], "s"), (["ź"], "z"),
                (["ż"], "z"),
            ])
        case "cy":
            return Alphabet([
                (["ch"], "c"), (["dd"], "d"), (["ff"], "f"), (["ng"], "g"), (["ll"], "l"), (["ph"], "p"), (["rh"], "r"), (["th"], "t"),
            ])
        case "nb": return Alphabet([(["æ", "ä"], "z"), (["ø", "ö"], "z"), (["å"], "z")])
        case "fi": return Alphabet([(["å"], "z"), (["ä", "æ"], "z"), (["ö", "ø"], "z")])
        default: return Alphabet([])
        }
    }

    /// The session's alphabet.
    public static var session: Alphabet { of(Words.language) }

    /// What `name` sorts by in this alphabet: one weight per letter, the language's own letters
    /// just after the one they follow, everything else as `Text.folded` has it.
    public func key(_ name: String) -> [UInt32] {
        let text = Array(name.precomposedStringWithCanonicalMapping.lowercased())
        var out: [UInt32] = []
        out.reserveCapacity(text.count)
        var i = 0
        outer: while i < text.count {
            if !letters.isEmpty {
                for length in stride(from: min(longest, text.count - i), through: 1, by: -1) {
                    let piece = String(text[i..<i + length])
                    if let letter = letters.first(where: { $0.spelling == piece }) {
                        out.append(Self.weight(of: letter.after) + letter.rank)
                        i += length
                        continue outer
                    }
                }
            }
            for byte in Text.folded(String(text[i])) { out.append(Self.weight(of: byte)) }
            i += 1
        }
        return out
    }

    /// Letters a–z leave room after them for a language's own; anything else keeps its byte's
    /// place, before the letters (spaces, digits) or after them (the bytes of other scripts).
    static func weight(of byte: UInt8) -> UInt32 {
        if byte >= 97 && byte <= 122 { return 1_000 + UInt32(byte - 97) * 16 }
        return byte < 97 ? UInt32(byte) : 2_000 + UInt32(byte)
    }

    static func weight(of letter: Character) -> UInt32 { weight(of: letter.asciiValue ?? 0) }
}
