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
    /// The weights of the language's one-scalar letters, by scalar, in either case.
    let single: [UInt32: UInt32]
    /// The weights of its two-letter ones (Welsh `ll`), by the pair of lowercase ASCII bytes.
    let pairs: [UInt16: UInt32]
    /// True when one of its one-scalar letters is ASCII: else an ASCII letter that starts no
    /// pair takes its weight from its byte, without a lookup.
    let hasASCIISingle: Bool

    /// Each group's spellings are one letter (Norwegian's Æ and Ä), placed after `after` and
    /// after the groups before it that follow the same letter.
    init(_ groups: [([String], Character)]) {
        var ranks: [Character: UInt32] = [:]
        letters = groups.flatMap { spellings, after in
            ranks[after, default: 0] += 1
            let rank = ranks[after]!
            return spellings.map { Letter(spelling: $0, after: after, rank: rank) }
        }
        var single: [UInt32: UInt32] = [:]
        var pairs: [UInt16: UInt32] = [:]
        for letter in letters {
            let weight = Self.weight(of: letter.after) + letter.rank
            let scalars = Array(letter.spelling.unicodeScalars)
            if scalars.count == 1 {
                for form in [letter.spelling, letter.spelling.uppercased()] where form.unicodeScalars.count == 1 {
                    single[form.unicodeScalars.first!.value] = weight
                }
            } else if scalars.count == 2, scalars.allSatisfy(\.isASCII) {
                pairs[UInt16(scalars[0].value) << 8 | UInt16(scalars[1].value)] = weight
            }
        }
        self.single = single
        self.pairs = pairs
        hasASCIISingle = single.keys.contains { $0 < 0x80 }
    }

    /// True for a language that only folds accents: its names sort in `NameOrder`'s one order.
    public var isEmpty: Bool { letters.isEmpty }

    /// No letters of its own: `NameOrder`'s one order, as exports keep it.
    public static let plain = Alphabet([])

    /// Its letters as text: two alphabets with one tag sort every name alike.
    public var tag: String { letters.map { "\($0.spelling)>\($0.after)\($0.rank)" }.joined(separator: ",") }

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
    ///
    /// - Complexity: O(n) in the name's scalars, with a table lookup each: lists of thousands
    ///   of names are sorted by it before a first frame.
    public func key(_ name: String) -> [UInt32] {
        let scalars = Array(name.unicodeScalars)
        // A letter typed with a combining mark (`Z` + dot) is the letter: composed first.
        if scalars.contains(where: { (0x300..<0x370).contains($0.value) }) {
            let composed = name.precomposedStringWithCanonicalMapping
            if composed.unicodeScalars.contains(where: { (0x300..<0x370).contains($0.value) }) {
                return weights(Array(composed.unicodeScalars))
            }
            return key(composed)
        }
        return weights(scalars)
    }

    private func weights(_ scalars: [Unicode.Scalar]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        var folded: [UInt8] = []
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if !pairs.isEmpty, v < 0x80, i + 1 < scalars.count, scalars[i + 1].value < 0x80 {
                let pair = UInt16(Self.lower(v)) << 8 | UInt16(Self.lower(scalars[i + 1].value))
                if let weight = pairs[pair] {
                    out.append(weight)
                    i += 2
                    continue
                }
            }
            if v < 0x80, !hasASCIISingle {
                // Most of a name's letters: a national store's Home keys thousands of names so
                // before its first frame.
                out.append(Self.weight(of: Self.lower(v)))
            } else if let weight = single[v] {
                out.append(weight)
            } else {
                folded.removeAll(keepingCapacity: true)
                Text.fold(scalars[i], into: &folded)
                for byte in folded { out.append(Self.weight(of: byte)) }
            }
            i += 1
        }
        return out
    }

    private static func lower(_ v: UInt32) -> UInt8 {
        let b = UInt8(v)
        return b >= 65 && b <= 90 ? b + 32 : b
    }

    /// Letters a–z leave room after them for a language's own; anything else keeps its byte's
    /// place, before the letters (spaces, digits) or after them (the bytes of other scripts).
    static func weight(of byte: UInt8) -> UInt32 {
        if byte >= 97 && byte <= 122 { return 1_000 + UInt32(byte - 97) * 16 }
        return byte < 97 ? UInt32(byte) : 2_000 + UInt32(byte)
    }

    static func weight(of letter: Character) -> UInt32 { weight(of: letter.asciiValue ?? 0) }
}
