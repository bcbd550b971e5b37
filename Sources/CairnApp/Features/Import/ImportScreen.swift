import CairnCore
import CairnWords
import TermUI

/// Home's `i`: a register's path, then a preview: the guessed column of each field (←/→
/// changes it), the phase words and yes/no columns (Enter says which phases), and the rows
/// skipped and possible duplicates, all in one list that scrolls; a progress bar while it is
/// written. Nothing is written until Enter on the list.
public struct ImportScreen: Screen {
    public enum Action: Sendable, Equatable {
        case confirm, nextField, previousField, pageDown, pageUp, previousColumn, nextColumn, leave
        case edit(Key)
    }

    public var path = TextField()
    public var preview: ImportPreview?
    public var error: String?
    /// 0: the path; 1...: the selectable rows of the list, in order.
    public var focus = 0
    /// The first list row drawn.
    public var top = 0
    public var progress: Progress?
    /// Phases typed for a word or a yes/no column, while Enter has it open.
    public var editing: TextField?
    public var editError: String?
    /// The phases a person gave each phase word (“EB 2,3” → primary, lower-secondary).
    public var wordPhases: [String: [String]] = [:]
    public init() {}

    /// How far the writing has got.
    public struct Progress: Sendable, Equatable {
        public var done: Int
        public var total: Int
    }

    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("Import", context: "title") }

    /// The list at a terminal `width` wide (a long line takes the rows it needs), and where its
    /// selectable rows are. Built once for each key or frame: a register's skipped rows can
    /// run to thousands, each wrapped.
    struct Listing {
        var rows: [ImportRow]
        var selectable: [Int]

        /// The row selectable row `focus` is (counted from 1; 0 is the file's path).
        func row(at focus: Int) -> ImportRow? { focus > 0 && focus <= selectable.count ? rows[selectable[focus - 1]] : nil }
    }

    func listing(_ width: Int) -> Listing {
        let rows = preview.map { ImportRow.rows($0, width: width - 4) } ?? []
        return Listing(rows: rows, selectable: rows.indices.filter { rows[$0].selectable })
    }

    /// The row the focus is on, if it is on the list.
    func focused(_ width: Int) -> ImportRow? { listing(width).row(at: focus) }

    /// What the screen asks the run loop for: the mapping shown (columns counted from 1), the
    /// phase words given, and the yes/no columns read as phases.
    public var request: ImportRequest {
        guard let p = preview else { return ImportRequest(path: path.text) }
        return ImportRequest(
            path: path.text, maps: p.fields.compactMap { f in p.mapping[f].map { "\(f)=\($0 + 1)" } },
            phaseWords: wordPhases.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.joined(separator: ","))" },
            phaseColumns: p.yesNoColumns.filter { !$0.phases.isEmpty }.map { "\($0.column + 1)=\($0.phases.joined(separator: ","))" },
            guessPhaseColumns: false)
    }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        // While the batches are written, the keys wait.
        let idle = progress == nil
        let row = focused(env.width)
        let onField: Bool = if case .field = row { true } else { false }
        if editing != nil {
            return [
                KeyBinding([.enter], "Enter", Words.say("keep these phases"), .confirm),
                KeyBinding([.escape], "Esc", Words.say("cancel"), .leave, essential: true),
            ]
        }
        let enter =
            preview == nil || focus == 0
            ? Words.say("preview") : row?.takesPhases == true ? Words.say("say the phases") : Words.say("import", context: "verb")
        return [
            KeyBinding([.enter], "Enter", enter, .confirm, enabled: idle),
            KeyBinding([.down, .tab], "↓/Tab", Words.say("next"), .nextField, enabled: idle && preview != nil),
            KeyBinding([.up, .backTab], "↑/S-Tab", Words.say("previous"), .previousField, enabled: idle),
            // On the path being typed, j and k are letters of it.
            KeyBinding([.char("j")], "j", Words.say("next"), .nextField, footer: false, enabled: idle && preview != nil && focus != 0),
            KeyBinding([.char("k")], "k", Words.say("previous"), .previousField, footer: false, enabled: idle && focus != 0),
            KeyBinding([.pageDown], "PgDn", Words.say("page down"), .pageDown, footer: false, enabled: idle && preview != nil),
            KeyBinding([.pageUp], "PgUp", Words.say("page up"), .pageUp, footer: false, enabled: idle && preview != nil),
            KeyBinding([.left], "←", Words.say("previous column"), .previousColumn, footer: false, enabled: idle && onField),
            KeyBinding([.right], "→", Words.say("next column (or not imported)"), .nextColumn, enabled: idle && onField),
            KeyBinding([.escape], "Esc", Words.say("leave", context: "screen"), .leave, essential: true, enabled: idle),
        ]
    }

    public func typed(_ key: Key) -> Action? {
        guard progress == nil else { return nil }
        if var probe = editing { return probe.handle(key) ? .edit(key) : nil }
        guard focus == 0 else { return nil }
        var probe = path
        return probe.handle(key) ? .edit(key) : nil
    }

    /// How many list rows the body shows at `height` (the title, file, format and last line aside).
    static func visibleRows(_ env: AppEnvironment) -> Int { max(1, env.height - 3 - 6) }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        if editing != nil { return updateEditing(action, &context) }
        switch action {
        case .leave: return [.close(context.id)]
        case .confirm:
            if focus == 0 || preview == nil {
                error = nil
                wordPhases = [:]
                return [.previewImport(ImportRequest(path: path.text), replyTo: context.id)]
            }
            if let row = focused(context.env.width), row.takesPhases {
                editing = TextField(currentPhases(row).joined(separator: ", "))
                editError = nil
                return []
            }
            if let problem = preview?.problem { return [.say(Status(problem, isError: true))] }
            return [.runImport(request, replyTo: context.id)]
        case .nextField: move(by: 1, context.env)
        case .previousField: move(by: -1, context.env)
        case .pageDown: move(by: Self.visibleRows(context.env), context.env)
        case .pageUp: move(by: -Self.visibleRows(context.env), context.env)
        case .previousColumn, .nextColumn:
            guard var p = preview, case .field(let field) = focused(context.env.width) else { return [] }
            // Cycle through "not imported" (nil) and every column.
            let options: [Int?] = [nil] + p.header.indices.map { Optional($0) }
            let at = options.firstIndex { $0 == p.mapping[field] } ?? 0
            p.mapping[field] = options[(at + (action == .nextColumn ? 1 : options.count - 1)) % options.count]
            preview = p
            return [.previewImport(request, replyTo: context.id)]
        case .edit(let key):
            if path.handle(key) { preview = nil }
        }
        return []
    }

    private mutating func updateEditing(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .leave:
            editing = nil
            editError = nil
        case .edit(let key): _ = editing?.handle(key)
        case .confirm:
            guard let typed = editing, var p = preview, let row = focused(context.env.width) else { return [] }
            switch ImportRow.phases(typed.text) {
            case .failure(let error):
                editError = error.message
                return []
            case .success(let phases):
                switch row {
                case .word(let i): wordPhases[p.phaseWords[i].word] = phases.isEmpty ? nil : phases
                case .yesNo(let i): p.yesNoColumns[i].phases = phases
                default: break
                }
                preview = p
                editing = nil
                editError = nil
                return [.previewImport(request, replyTo: context.id)]
            }
        default: break
        }
        return []
    }

    func currentPhases(_ row: ImportRow) -> [String] {
        guard let p = preview else { return [] }
        switch row {
        case .word(let i): return wordPhases[p.phaseWords[i].word] ?? p.phaseWords[i].phases ?? []
        case .yesNo(let i): return p.yesNoColumns[i].phases
        default: return []
        }
    }

    /// Moves the focus, and scrolls the list so that the focused row is drawn.
    mutating func move(by step: Int, _ env: AppEnvironment) {
        focus = max(0, min(listing(env.width).selectable.count, focus + step))
        scroll(env)
    }

    mutating func scroll(_ env: AppEnvironment) {
        let visible = Self.visibleRows(env)
        let listed = listing(env.width)
        let rows = listed.rows
        let selectable = listed.selectable
        guard focus > 0, focus <= selectable.count else {
            top = 0
            return
        }
        var at = selectable[focus - 1]
        // Show the heading above the first row of a part, when the row is the first one.
        if at > 0, !rows[at - 1].selectable, top > at - 1 { at -= 1 }
        if at < top { top = at }
        if selectable[focus - 1] >= top + visible { top = selectable[focus - 1] - visible + 1 }
        top = max(0, min(top, max(0, rows.count - visible)))
    }

    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        switch event {
        case .importPreviewed(let p):
            preview = p
            error = nil
            if focus == 0 { focus = 1 }
            focus = min(focus, listing(context.env.width).selectable.count)
            scroll(context.env)
        case .importFailed(let message):
            error = message
            preview = nil
            progress = nil
            focus = 0
        case .importProgress(let done, let total):
            progress = Progress(done: done, total: total)
            if done >= total {
                return [
                    .close(context.id),
                    .say(
                        Status(
                            Words.count(
                                "Imported: {count} change written · u undoes the whole import",
                                "Imported: {count} changes written · u undoes the whole import", total))),
                ]
            }
            return [.continueImport(replyTo: context.id)]
        case .committed, .commitFailed, .examplesRead, .examplesFailed, .inspirationRead, .reportWritten, .reportFailed, .calendarWritten,
            .importWritten:
            break
        }
        return []
    }
}
