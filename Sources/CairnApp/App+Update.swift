import CairnCore
import TermUI

extension AppState {
    /// The whole program's logic: what an action does to the state, and what must happen outside.
    public mutating func send(_ action: AppAction) -> [Effect] {
        let formBefore = topForm
        var effects: [Effect]
        switch action {
        case .key(let key):
            effects = handleKey(key)
        case .resized(let w, let h):
            width = w
            height = h
            effects = []
        case .worldChanged(let newWorld):
            world = newWorld
            dropScreensOfDeletedRecords()
            effects = []
        case .committed(let commit):
            pending -= 1
            if let inverse = commit.inverse { undoStack.append(Commit(changes: inverse, summary: commit.summary, inverse: nil, form: nil)) }
            status = Status(commit.summary)
            refreshLists()
            selectAdded(commit.changes)
            effects = []
        case .commitFailed(let commit, let message):
            pending -= 1
            status = Status("Not saved: \(message)", isError: true)
            if let form = commit.form { stack.append(.form(form)) }
            effects = []
        case .examplesFailed(let message):
            status = Status("Examples not loaded: \(message)", isError: true)
            effects = []
        case .offerDraft(let form):
            modal = .confirm(
                question: "Restore “\(form.title)” that was not saved when the last session ended? (y/n)", onYes: .restoreDraft(form))
            effects = []
        case .reportWritten(let path):
            status = Status("Report saved: \(path) (in the store)")
            effects = []
        case .reportFailed(let message):
            status = Status("Report not written: \(message)", isError: true)
            effects = []
        case .importPreviewed(let preview):
            if case .importing(var screen)? = stack.last {
                screen.preview = preview
                screen.error = nil
                if screen.focus == 0 { screen.focus = 1 }
                replaceTop(.importing(screen))
            }
            effects = []
        case .importFailed(let message):
            if case .importing(var screen)? = stack.last {
                screen.error = message
                screen.preview = nil
                screen.progress = nil
                screen.focus = 0
                replaceTop(.importing(screen))
            }
            effects = []
        case .importProgress(let done, let total):
            if case .importing(var screen)? = stack.last {
                screen.progress = (done, total)
                replaceTop(.importing(screen))
                if done >= total {
                    stack.removeLast()
                    status = Status("Imported: \(total) changes written")
                }
            }
            effects = []
        case .dayChanged(let day):
            today = day
            home.lists = home.lists.map {
                var l = $0
                l.builtFrom = nil
                return l
            }
            stack = stack.map { screen in
                guard case .cluster(var s) = screen else { return screen }
                s.summary = nil  // statuses depend on the day
                s.lists = s.lists.map {
                    var l = $0
                    l.builtFrom = nil
                    return l
                }
                return .cluster(s)
            }
            effects = []
        }
        refreshLists()
        let formAfter = topForm
        if formAfter != formBefore {
            if let formAfter, formAfter.dirty { effects.append(.saveDraft(formAfter)) }
            if formAfter == nil { effects.append(.clearDraft) }
        }
        return effects
    }

    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .ctrl("c") { return [.quit] }
        if key == .resize { return [] }
        if modal != nil { return handleModal(key) }
        status = nil
        switch stack.last {
        case nil: return handleHome(key)
        case .cluster(let s)?: return handleCluster(key, s)
        case .record(let s)?: return handleRecord(key, s)
        case .form(let f)?: return handleForm(key, f)
        case .picker(let p)?: return handlePicker(key, p)
        case .workshop(let w)?: return handleWorkshop(key, w)
        case .importing(let i)?: return handleImport(key, i)
        }
    }

    mutating func replaceTop(_ screen: Screen) { stack[stack.count - 1] = screen }

    /// After an add, the new record is the one selected in the list on screen.
    mutating func selectAdded(_ changes: [Change]) {
        for change in changes {
            guard case .put(let record) = change else { continue }
            switch stack.last {
            case nil: home.lists[home.tab].select(id: record.id)
            case .cluster(var s)?:
                s.lists[s.tab].select(id: record.id)
                replaceTop(.cluster(s))
            default: break
            }
        }
    }

    /// Sends `commit` to the store; the screen says "saved" only when the store confirms.
    mutating func commit(_ changes: [Change], summary: String, form: FormState? = nil, undoable: Bool = true) -> [Effect] {
        pending += 1
        status = Status("Saving…")
        let inverse = undoable ? world.inverse(of: changes) : nil
        return [.commit(Commit(changes: changes, summary: summary, inverse: inverse, form: form))]
    }

    mutating func undo() -> [Effect] {
        guard let last = undoStack.popLast() else {
            status = Status("Nothing to undo in this session")
            return []
        }
        return commit(last.changes, summary: "Undone: \(last.summary)", undoable: false)
    }

    mutating func showHelp(_ title: String, _ bindings: [KeyBinding<Command>]) {
        modal = .help(title: title, lines: Chrome.helpLines(bindings))
    }

    /// After another session deletes what a screen shows, the screen closes instead of showing nothing.
    mutating func dropScreensOfDeletedRecords() {
        stack = stack.filter { screen in
            switch screen {
            case .cluster(let s): return world.clusters[s.clusterID] != nil
            case .record(let s): return s.type == .school ? world.schools[s.id] != nil : world.agencies[s.id] != nil
            case .picker(let p): return world.clusters[p.clusterID] != nil
            case .workshop(let w): return world.clusters[w.clusterID] != nil
            case .importing: return true
            case .form: return true
            }
        }
    }
}
