/// A language Cairn speaks, by its code (`pt`, `nl`, `pl`…), and how the session's is chosen.
public struct Language: Sendable, Hashable, CustomStringConvertible {
    public let code: String
    public var description: String { code }

    public init(_ code: String) { self.code = code }

    /// Its name in itself, as a picker of languages shows it: the same in every language, so
    /// that a person finds their own whatever the screen speaks.
    public var name: String {
        switch code {
        case "en": return "English"
        case "pt": return "Português"
        case "nl": return "Nederlands"
        case "pl": return "Polski"
        case "fi": return "Suomi"
        case "is": return "Íslenska"
        case "cy": return "Cymraeg"
        case "nb": return "Norsk bokmål"
        case "fr": return "Français"
        case "de": return "Deutsch"
        default: return code
        }
    }

    public static let english = Language("en")
    /// English and the languages of the rooms Cairn is used in: Portugal, Flanders, Poland,
    /// Finland, Iceland, Wales, Norway (Bokmål), Luxembourg and Wallonia (French, German).
    public static let supported = ["en", "pt", "nl", "pl", "fi", "is", "cy", "nb", "fr", "de"].map(Language.init)

    /// The language a locale name or a code stands for (`pt_PT.UTF-8` is Portuguese, `no` and
    /// `nb_NO` Norwegian Bokmål, `C` and `POSIX` English), or nil when Cairn does not speak it.
    public static func named(_ name: String) -> Language? {
        var code = name.lowercased()
        for cut in [".", "@", "_", "-"] { if let i = code.firstIndex(of: Character(cut)) { code = String(code[..<i]) } }
        switch code {
        case "c", "posix": return .english
        case "no", "nn": return Language("nb")
        default: return supported.first { $0.code == code }
        }
    }

    /// The session's language: `--lang`, else `CAIRN_LANG`, else the first of `LANGUAGE`'s
    /// list Cairn speaks, else `LC_ALL`, `LC_MESSAGES`, `LANG` — whether or not the machine
    /// has that locale, since the catalogues are Cairn's own, not the system's. English when
    /// none names a language Cairn speaks.
    public static func chosen(flag: String?, environment: [String: String]) -> Language {
        if let flag, let language = named(flag) { return language }
        if let set = environment["CAIRN_LANG"], let language = named(set) { return language }
        for name in (environment["LANGUAGE"] ?? "").split(separator: ":") {
            if let language = named(String(name)) { return language }
        }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return named(value) ?? .english
        }
        return .english
    }
}
