import CairnCore
import CairnWords
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
    /// What a choice or a set shows for each option: a cluster's name for its id, a word's label
    /// in the session's language for the word stored; empty when the options are shown as they
    /// are. Letters jump by these, and by the options themselves.
    public var labels: [String] = []
    /// On a choice or a set: the letter pressed last, while nothing else was pressed since, so
    /// that pressing it again goes on to the next option starting with it. Not kept in a draft.
    var letterRun: String?

    enum CodingKeys: String, CodingKey { case key, label, kind, text, index, chosen, flag, hint, labels }

    /// - Parameter offered: `text` is a value offered to accept or replace (`today`): the first
    ///   character typed replaces it.
    public init(_ key: String, _ label: String, text: String = "", hint: String = "", offered: Bool = false) {
        self.key = key
        self.label = label
        kind = .text
        self.text = TextField(text, offered: offered)
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
        return options[index].isEmpty ? Words.say("(none)") : options[index]
    }

    /// What option `i` of a choice or a set shows.
    func shown(option i: Int, of options: [String]) -> String { labels.count == options.count ? labels[i] : options[i] }

    public static func multi(_ key: String, _ label: String, options: [String], chosen: Set<String>, labels: [String] = []) -> FormField {
        var f = FormField(key, label, hint: Words.say("Space ticks"))
        f.kind = .multi(options)
        f.chosen = chosen
        f.labels = labels
        return f
    }

    public static func flag(_ key: String, _ label: String, on: Bool) -> FormField {
        var f = FormField(key, label, hint: Words.say("Space toggles"))
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

    /// True for the keys `handle` takes: told without editing a copy, which for a long text
    /// would copy it at every key.
    func takes(_ key: Key) -> Bool {
        switch kind {
        case .text, .longText: return TextField.edits(with: key)
        case .choice(let options):
            guard !options.isEmpty else { return false }
            switch key {
            case .left, .right, .char: return true
            default: return false
            }
        case .multi:
            switch key {
            case .left, .right, .char: return true
            default: return false
            }
        case .flag:
            switch key {
            case .left, .right, .char(" "), .char("y"), .char("Y"), .char("n"), .char("N"): return true
            default: return false
            }
        }
    }

    /// Edits the field for a key; returns false for keys the field does not take.
    mutating func handle(_ key: Key) -> Bool {
        let run = letterRun
        letterRun = nil
        switch kind {
        case .text, .longText:
            return text.handle(key)
        case .choice(let options):
            guard !options.isEmpty else { return false }
            switch key {
            case .left: index = (index + options.count - 1) % options.count
            case .right, .char(" "): index = (index + 1) % options.count
            case .char(let c): jump(options, to: c, run: run)
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
            case .char(let c): jump(options, to: c, run: run)
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

    /// A letter goes to the first option whose shown words or stored word start with it; the
    /// same letter pressed again at once goes on to the next such option, round to the first
    /// after the last.
    private mutating func jump(_ options: [String], to c: Character, run: String?) {
        let letter = String(c).lowercased()
        letterRun = letter
        let shown = labels.count == options.count ? labels : options
        // A stored word (`lower-secondary`) is typed as well as its label; an id is not.
        let isWord = { (o: String) in !RecordKind.allCases.contains { RecordID.isValid(o, for: $0) } }
        let matches = options.indices.filter {
            shown[$0].lowercased().hasPrefix(letter) || (isWord(options[$0]) && options[$0].lowercased().hasPrefix(letter))
        }
        guard let first = matches.first else { return }
        if run == letterRun, matches.contains(index) {
            index = matches.first { $0 > index } ?? first
        } else {
            index = first
        }
    }
}
