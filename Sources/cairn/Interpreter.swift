import CairnApp
import CairnCore
import CairnStore
import Foundation

/// The one place where the screens' effects are carried out against the store and the disk.
/// Each result goes back as an action, addressed to the screen that asked.
@MainActor
final class Interpreter {
    let store: Store
    let drafts: DraftBox
    let leftDraft: URL?
    /// A register being written batch by batch, the progress bar drawn between batches.
    private var importJob: (file: String, changes: [Change], done: Int)?

    init(store: Store, drafts: DraftBox, leftDraft: URL?) {
        self.store = store
        self.drafts = drafts
        self.leftDraft = leftDraft
    }

    func perform(_ effect: Effect, today: Day) -> [AppAction] {
        switch effect {
        case .commit(let outcome, let screen, let undoable):
            do {
                let receipt = try store.commit(outcome.changes, exact: outcome.putsBack)
                var actions: [AppAction] = [.worldChanged(store.world), .deliver(.committed(outcome, undoable: undoable), to: screen)]
                if !receipt.conflicts.isEmpty { actions.append(.tell(ConflictNotice.saved(receipt.conflicts, in: store.world))) }
                return actions
            } catch {
                return [.deliver(.commitFailed(outcome, message: error.message), to: screen)]
            }
        case .readExamples(let screen):
            do {
                let changes = try Examples.changes(for: store.world, today: today, user: store.identity.user)
                return [.deliver(.examplesRead(changes), to: screen)]
            } catch {
                return [.deliver(.examplesFailed("\(error)"), to: screen)]
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
        case .writeReport(let cluster, let screen):
            do {
                // Said relative to the store, so that it fits the status line at 80 columns.
                let url = try ReportFile.write(cluster: cluster, store: store, today: today)
                return [.deliver(.reportWritten(path: "reports/\(url.lastPathComponent)"), to: screen)]
            } catch {
                return [.deliver(.reportFailed("\(error)"), to: screen)]
            }
        case .previewImport(let path, let maps, let screen):
            return [.deliver(ImportEffects.preview(path: path, maps: maps, store: store), to: screen)]
        case .runImport(let path, let maps, let screen):
            do {
                let (_, _, changes, _) = try ImportEffects.plan(path: path, maps: maps, store: store)
                importJob = ((path as NSString).lastPathComponent, changes, 0)
                return writeBatch(replyTo: screen)
            } catch {
                return [.deliver(.importFailed("\(error)"), to: screen)]
            }
        case .continueImport(let screen):
            return writeBatch(replyTo: screen)
        case .quit, .push, .close, .say, .undoLast:
            return []
        }
    }

    /// Writes the next batch of the running import through the rule book, one commit each.
    private func writeBatch(replyTo screen: ScreenID) -> [AppAction] {
        guard var job = importJob else { return [] }
        let slice = Array(job.changes[job.done..<min(job.changes.count, job.done + ImportEffects.batch)])
        do {
            let author = Author(user: store.identity.user, today: Day.today())
            let outcome = try store.world.perform(.carry(slice, summary: "Imported \(job.file)"), by: author)
            try store.commit(outcome.changes, source: "import of \(job.file)")
        } catch {
            importJob = nil
            return [.worldChanged(store.world), .deliver(.importFailed("Not all written: \(error)"), to: screen)]
        }
        job.done += slice.count
        let progress = AppAction.deliver(.importProgress(done: job.done, total: job.changes.count), to: screen)
        if job.done >= job.changes.count {
            importJob = nil
            return [.worldChanged(store.world), progress]
        }
        importJob = job
        return [progress]
    }
}
