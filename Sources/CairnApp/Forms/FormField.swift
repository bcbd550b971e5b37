import TermUI

/// One field of a form. Every kind of value is kept as what the person typed or chose, so a
/// form can be saved as a draft and restored exactly.
public struct FormField: Sendable, Codable, Equatable {
    public enum Kind: Sendable, Codable, Equatable {
        case text
        /// Multi-line text typed on one line (notes); stored as typed.
        case longText
        /// One of `options` (an empty string in `options` means "none").
        case choice([String])
        /// Any subset of `options` (a school's phases).
        case multi([String])
        case flag
    }

    public var key: String
    public var label: String
    public var kind: Kind
    public var text: TextField
    /// choice: the chosen option; multi: the highlighted option.
    public var index: Int
    public var chosen: Set<String>
    public var flag: Bool
    /// A short hint shown after the value when there is room (`YYYY-MM-DD, +2w`).
    public var hint: String
    /// What a choice shows for each option when the options are ids (a cluster's name for its id);
    /// empty when the options are words shown as they are. Letters jump by these.
    public var labels: [String] = []

    public init(_ key: String, _ label: String, text: String = "", hint: String = "") {
        self.key = key
        self.label = label
        kind = .text
        self.text = TextField(text)
        index = 0
        chosen = []
        flag = false
        self.hint = hint
    }

    public static func longText(_ key: String, _ label: String, text: String = "") -> FormField {
        var f = FormField(key, label, text: text)
        f.kind = .longText
        return f
    }

    public static func choice(_ key: String, _ label: String, options: [String], selected: String, labels: [String] = []) -> FormField {
        var f = FormField(key, label)
        f.kind = .choice(options)
        f.index = options.firstIndex(of: selected) ?? 0
        f.labels = labels
        return f
    }

    /// What the chosen option shows.
    public var shownValue: String {
        guard case .choice(let options) = kind, !options.isEmpty else { return value }
        if labels.count == options.count { return labels[index] }
        return options[index].isEmpty ? "(none)" : options[index]
    }

    public static func multi(_ key: String, _ label: String, options: [String], chosen: Set<String>) -> FormField {
        var f = FormField(key, label, hint: "Space ticks")
        f.kind = .multi(options)
        f.chosen = chosen
        return f
    }

    public static func flag(_ key: String, _ label: String, on: Bool) -> FormField {
        var f = FormField(key, label, hint: "Space toggles")
        f.kind = .flag
        f.flag = on
        return f
    }

    /// True where `?` is a character to type: a text field that already holds text
    /// (on an empty one, and on choices, `?` shows the form's keys).
    public var takesQuestionMark: Bool {
        switch kind {
        case .text, .longText: return !text.text.isEmpty
        default: return false
        }
    }

    /// The value as a string: the text, the chosen option, the chosen options joined by commas, or yes/no.
    public var value: String {
        switch kind {
        case .text, .longText: return text.text
        case .choice(let options): return options.isEmpty ? "" : options[index]
        case .multi(let options): return options.filter(chosen.contains).joined(separator: ",")
        case .flag: return flag ? "yes" : "no"
        }
    }

    /// Edits the field for a key; returns false for keys the field does not take.
    mutating func handle(_ key: Key) -> Bool {
        switch kind {
        case .text, .longText:
            return text.handle(key)
        case .choice(let options):
            guard !options.isEmpty else { return false }
            switch key {
            case .left: index = (index + options.count - 1) % options.count
            case .right, .char(" "): index = (index + 1) % options.count
            case .char(let c):
                if let at = Self.firstOption(labels.count == options.count ? labels : options, startingWith: c, after: index) { index = at }
            default: return false
            }
            return true
        case .multi(let options):
            switch key {
            case .left: index = (index + options.count - 1) % options.count
            case .right: index = (index + 1) % options.count
            case .char(" "):
                let option = options[index]
                if chosen.contains(option) { chosen.remove(option) } else { chosen.insert(option) }
            case .char(let c): if let at = Self.firstOption(options, startingWith: c, after: index) { index = at }
            default: return false
            }
            return true
        case .flag:
            switch key {
            case .left, .right, .char(" "): flag.toggle()
            case .char("y"), .char("Y"): flag = true
            case .char("n"), .char("N"): flag = false
            default: return false
            }
            return true
        }
    }

    /// The first option starting with `c`; pressing the same letter again goes on to the next such option.
    static func firstOption(_ options: [String], startingWith c: Character, after current: Int) -> Int? {
        let letter = String(c).lowercased()
        let matches = options.indices.filter { options[$0].lowercased().hasPrefix(letter) }
        guard !matches.isEmpty else { return nil }
        if options[current].lowercased().hasPrefix(letter), let next = matches.first(where: { $0 > current }) { return next }
        return matches[0]
    }
}
