import CairnCore
import TermUI

/// What the run loop found in a register, for the import screen (plain values: the app does
/// not read files or know the store's import types).
public struct ImportPreview: Sendable, Equatable {
    /// "UTF-8, comma-separated, header on line 1", and a warning for Windows-1252.
    public var format: String
    public var header: [String]
    public var sample: [[String]]
    /// Field name → column index, as guessed and as changed on the screen.
    public var mapping: [String: Int]
    /// The dry run's summary lines.
    public var summary: [String]
    public var changes: Int

    public init(format: String, header: [String], sample: [[String]], mapping: [String: Int], summary: [String], changes: Int) {
        self.format = format
        self.header = header
        self.sample = sample
        self.mapping = mapping
        self.summary = summary
        self.changes = changes
    }
}

/// Home's `i`: a register's path, a preview with the guessed mapping that ←/→ can change, and a
/// progress bar while it is written.
public struct ImportScreen: Screen {
    /// The fields the screen lets a person map, in order.
    public static let fields = [
        "officialId", "name", "phases", "municipality", "email", "contactPerson", "phone", "clusterId", "clusterName",
    ]

    public enum Action: Sendable, Equatable {
        case confirm, nextField, previousField, previousColumn, nextColumn, leave
        case edit(Key)
    }

    public var path = TextField()
    public var preview: ImportPreview?
    public var error: String?
    /// 0: the path; 1...: a field of the mapping.
    public var focus = 0
    public var progress: Progress?
    public init() {}

    /// How far the writing has got.
    public struct Progress: Sendable, Equatable {
        public var done: Int
        public var total: Int
    }

    public func crumb(_ env: AppEnvironment) -> String { "Import" }

    /// `--map` words for the mapping shown (columns counted from 1), and the cluster grouping.
    public var maps: [String] {
        guard let p = preview else { return [] }
        return Self.fields.compactMap { f in p.mapping[f].map { "\(f)=\($0 + 1)" } }
    }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        // While the batches are written, the keys wait.
        let idle = progress == nil
        let onField = focus > 0 && preview != nil
        return [
            KeyBinding([.enter], "Enter", preview == nil || focus == 0 ? "preview" : "import", .confirm, enabled: idle),
            KeyBinding([.down, .tab], "↓/Tab", "next field", .nextField, enabled: idle && preview != nil),
            KeyBinding([.up, .backTab], "↑/S-Tab", "previous field", .previousField, enabled: idle),
            KeyBinding([.left], "←", "previous column", .previousColumn, footer: false, enabled: idle && onField),
            KeyBinding([.right], "→", "next column (or not imported)", .nextColumn, enabled: idle && onField),
            KeyBinding([.escape], "Esc", "leave", .leave, essential: true, enabled: idle),
        ]
    }

    public func typed(_ key: Key) -> Action? {
        guard focus == 0, progress == nil else { return nil }
        var probe = path
        return probe.handle(key) ? .edit(key) : nil
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .leave: return [.close(context.id)]
        case .confirm:
            if focus == 0 || preview == nil {
                error = nil
                return [.previewImport(path: path.text, maps: [], replyTo: context.id)]
            }
            return [.runImport(path: path.text, maps: maps, replyTo: context.id)]
        case .nextField: focus = min(Self.fields.count, focus + 1)
        case .previousField: focus = max(0, focus - 1)
        case .previousColumn, .nextColumn:
            guard var p = preview, focus > 0 else { return [] }
            let field = Self.fields[focus - 1]
            // Cycle through "not imported" (nil) and every column.
            let options: [Int?] = [nil] + p.header.indices.map { Optional($0) }
            let at = options.firstIndex { $0 == p.mapping[field] } ?? 0
            p.mapping[field] = options[(at + (action == .nextColumn ? 1 : options.count - 1)) % options.count]
            preview = p
            return [.previewImport(path: path.text, maps: maps, replyTo: context.id)]
        case .edit(let key):
            if path.handle(key) { preview = nil }
        }
        return []
    }

    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        switch event {
        case .importPreviewed(let p):
            preview = p
            error = nil
            if focus == 0 { focus = 1 }
        case .importFailed(let message):
            error = message
            preview = nil
            progress = nil
            focus = 0
        case .importProgress(let done, let total):
            progress = Progress(done: done, total: total)
            if done >= total {
                return [.close(context.id), .say(Status("Imported: \(total) changes written · u undoes the whole import"))]
            }
            return [.continueImport(replyTo: context.id)]
        case .committed, .commitFailed, .examplesRead, .examplesFailed, .reportWritten, .reportFailed, .calendarWritten, .importWritten:
            break
        }
        return []
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let s = self
        canvas.put("Import a register of schools (CSV or TSV)", x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(s.focus == 0 ? "▸" : " ", x: 1, y: area.y + 2, style: .accent)
        canvas.put("File", x: 3, y: area.y + 2, style: Style(.normal, bold: true))
        s.path.render(into: &canvas, x: 16, y: area.y + 2, width: area.width - 18, focused: s.focus == 0)
        if let error = s.error {
            canvas.put(error, x: 3, y: area.y + 4, maxWidth: area.width - 4, style: .error)
            return
        }
        guard let p = s.preview else {
            canvas.put(
                "Type the file's path and press Enter to preview it; nothing is written until you confirm.", x: 3, y: area.y + 4,
                maxWidth: area.width - 4, style: .muted)
            return
        }
        canvas.put(p.format, x: 3, y: area.y + 3, maxWidth: area.width - 4, style: p.format.contains("Windows-1252") ? .error : .muted)
        var y = area.y + 5
        canvas.put("Columns (←/→ changes the one selected)", x: 3, y: y - 1, style: Style(.normal, bold: true, underline: true))
        for (i, field) in ImportScreen.fields.enumerated() {
            let focused = s.focus == i + 1
            let column = p.mapping[field].map { p.header[$0] } ?? "— not imported —"
            let example = p.mapping[field].flatMap { c in p.sample.first.map { c < $0.count ? $0[c] : "" } } ?? ""
            canvas.put(focused ? "▸" : " ", x: 1, y: y, style: .accent)
            canvas.put(field, x: 3, y: y, maxWidth: 14, style: focused ? Style(.normal, bold: true) : .muted)
            canvas.put("← " + column, x: 18, y: y, maxWidth: 32, style: focused ? Style(.selection, reverse: true) : .plain)
            canvas.put(example, x: 52, y: y, maxWidth: area.width - 53, style: .muted)
            y += 1
        }
        y += 1
        if let progress = s.progress {
            let filled = progress.total == 0 ? 20 : progress.done * 20 / progress.total
            canvas.put(
                "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled)
                    + "] \(progress.done) of \(progress.total) changes written",
                x: 3, y: y, style: Style(.accent, bold: true))
            return
        }
        for line in p.summary.prefix(max(0, area.maxY - y - 1)) {
            canvas.put(
                line, x: 3, y: y, maxWidth: area.width - 4, style: line.hasPrefix("skipped") || line.hasPrefix("warning") ? .error : .plain)
            y += 1
        }
        if y < area.maxY {
            canvas.put(
                "Enter imports these \(p.changes) changes · Esc leaves without writing", x: 3, y: y, maxWidth: area.width - 4,
                style: .accent)
        }
    }
}
