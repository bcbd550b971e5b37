import CairnCore

/// The file names of a published site. A name in the store is hostile input (`../`, `/`,
/// control characters, 漢字, emoji), so a file is named from a slug of it (ASCII letters,
/// digits and dashes, accents folded: Łódź gives `lodz`) and the end of the record's id,
/// which tells apart two clusters whose names fold alike. Every stem is claimed once, and each
/// kind of file adds its own ending to it, so no two files of one site can share a name,
/// even on a file system that ignores case (a USB stick).
public struct SiteNames: Sendable, Equatable {
    /// The site's front page.
    public static let index = "index.html"

    private var taken: Set<String> = ["index"]

    public init() {}

    /// `lokaal-netwerk-gent-tegen-vroegtijdig-sch`: at most `limit` characters of `a`-`z`,
    /// `0`-`9` and single dashes, never starting or ending with a dash; empty when nothing of
    /// the text has an ASCII form (漢字, emoji).
    public static func slug(_ text: String, limit: Int = 40) -> String {
        var out = ""
        for scalar in Text.searchKey(text).unicodeScalars {
            let v = scalar.value
            let kept = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
            if kept {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out += "-"
            }
            if out.count >= limit { break }
        }
        while out.last == "-" { out.removeLast() }
        return String(out.prefix(limit))
    }

    /// A record's stem, `slug-3f9a2c7e`: the slug of its name (`cluster` when it has none) and
    /// the last eight letters or digits of its id, lower case.
    public static func stem(name: String, id: String) -> String {
        let named = slug(name)
        let tail = String(slug(id.split(separator: "-").last.map(String.init) ?? id, limit: 60).filter { $0 != "-" }.suffix(8))
        return [named.isEmpty ? "cluster" : named, tail].filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// The stem for a record, made unique in this site by `-2`, `-3`… when another already has
    /// it. Claim in a fixed order (by id) so that a site published twice names its files alike.
    public mutating func claim(name: String, id: String) -> String {
        let base = Self.stem(name: name, id: id)
        var stem = base
        var n = 1
        while taken.contains(stem) {
            n += 1
            stem = "\(base)-\(n)"
        }
        taken.insert(stem)
        return stem
    }
}
