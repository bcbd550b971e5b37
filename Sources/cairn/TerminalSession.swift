import CairnApp
import CairnCore
import CairnStore
import CursesTerminal
import Foundation
import TermUI

/// The run loop: keys in, `AppState.send`, effects carried out against the store, frame out.
/// The only place where the screens meet the disk.
enum TerminalSession {
    /// How often other sessions' changes are looked for (the issue asks for about a second).
    static let pollMilliseconds: Int32 = 300

    /// - Parameter workshop: a cluster (id or exact name) to open in workshop mode at once.
    static func run(options: StoreOptions, workshop: String? = nil) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError("cairn's screens need a terminal; without one, use the commands (cairn --help)")
        }
        try MainActor.assumeIsolated {
            let store = try options.open()
            let cluster = try workshop.map { c in try store.world.findCluster(c).id
            }
            do {
                try CursesTerminal.withTerminal { terminal in try loop(store: store, terminal: terminal, workshop: cluster) }
            } catch let error as TerminalError {
                throw CLIError(error.message)
            }
        }
    }

    @MainActor
    static func loop(store: Store, terminal: CursesTerminal, workshop: String?) throws {
        let drafts = DraftBox(store: store.directory, identity: store.identity)
        let leftDraft = drafts.leftBehind().first
        var app = AppState(
            world: store.world, today: Day.today(), user: store.identity.user, width: terminal.width, height: terminal.height)
        let damaged = store.problems.filter(\.isDamage)
        if !damaged.isEmpty {
            app.status = Status("\(damaged[0]) — run `cairn check`", isError: true)
        }
        var effects: [Effect] = []
        if let workshop { app.openWorkshop(workshop) }
        if let leftDraft, let form = try? JSONDecoder().decode(FormState.self, from: leftDraft.data) {
            effects += app.send(.offerDraft(form))
        } else if let leftDraft {
            drafts.discard(leftDraft.url)
        }
        var lastPoll = Date()
        terminal.draw(app.render())
        BenchLog.firstFrameDrawn()
        while true {
            if terminal.hangupReceived {
                // The link is gone: the open form is already saved as a draft; leave quietly.
                if let form = app.topForm, form.dirty { try? drafts.save(try JSONEncoder().encode(form)) }
                exit(129)
            }
            if let key = terminal.readKey(timeoutMilliseconds: pollMilliseconds) {
                effects += app.send(key == .resize ? .resized(width: terminal.width, height: terminal.height) : .key(key))
            }
            if Date().timeIntervalSince(lastPoll) * 1000 >= Double(pollMilliseconds) {
                lastPoll = Date()
                if (try? store.refresh()) == true { effects += app.send(.worldChanged(store.world)) }
                let today = Day.today()
                if today != app.today { effects += app.send(.dayChanged(today)) }
            }
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .quit { return }
                effects += perform(effect, app: &app, store: store, drafts: drafts, leftDraft: leftDraft?.url, terminal: terminal)
            }
            terminal.draw(app.render())
        }
    }

    @MainActor
    static func perform(
        _ effect: Effect, app: inout AppState, store: Store, drafts: DraftBox, leftDraft: URL?, terminal: CursesTerminal
    ) -> [Effect] {
        switch effect {
        case .commit(let commit):
            do {
                try store.commit(commit.changes)
                return app.send(.worldChanged(store.world)) + app.send(.committed(commit))
            } catch {
                return app.send(.commitFailed(commit, message: error.message))
            }
        case .loadExamples:
            do {
                let changes = try Examples.changes(for: store.world, today: app.today, user: store.identity.user)
                guard !changes.isEmpty else { return app.send(.examplesFailed("they are already in this store")) }
                let inverse = store.world.inverse(of: changes)
                let count = changes.filter { $0.kind == .cluster }.count
                try store.commit(changes)
                let commit = Commit(changes: changes, summary: "Loaded \(count) example clusters", inverse: inverse, form: nil)
                return app.send(.worldChanged(store.world)) + app.send(.committed(commit))
            } catch {
                return app.send(.examplesFailed("\(error)"))
            }
        case .saveDraft(let form):
            if let data = try? JSONEncoder().encode(form) { try? drafts.save(data) }
            return []
        case .clearDraft:
            drafts.clear()
            return []
        case .discardLeftDraft:
            if let leftDraft { drafts.discard(leftDraft) }
            return []
        case .writeReport(let cluster):
            do {
                // Said relative to the store, so that it fits the status line at 80 columns.
                let url = try ReportFile.write(cluster: cluster, store: store, today: app.today)
                return app.send(.reportWritten(path: "reports/\(url.lastPathComponent)"))
            } catch {
                return app.send(.reportFailed("\(error)"))
            }
        case .previewImport(let path, let maps):
            return ImportEffects.preview(path: path, maps: maps, app: &app, store: store)
        case .runImport(let path, let maps):
            return ImportEffects.run(path: path, maps: maps, app: &app, store: store, terminal: terminal)
        case .quit:
            return []
        }
    }
}
