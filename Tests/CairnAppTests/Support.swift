import CairnCore
import Foundation
import TermUI
import Testing

@testable import CairnApp

/// A small fixed world for screen tests: ids and names fixed so that canvases are stable.
enum Fixture {
    static let today = Day(iso: "2026-11-22")!

    static func world() -> World {
        var w = World()
        let cluster = Cluster(
            id: "clu-pt", officialId: "171074", name: "Agrupamento de Escolas de Óbidos", kind: .cluster, formality: .formal,
            region: "Oeste")
        let scot = Cluster(id: "clu-sc", name: "Portree Learning Community", kind: .network, region: "Highland")
        w.apply([.put(.cluster(cluster)), .put(.cluster(scot))])
        w.apply([
            .put(
                .school(
                    School(
                        id: "sch-1", officialId: "PT-1", name: "Escola Básica de São João", phases: [.earlyChildhood, .primary],
                        municipality: "Óbidos"))),
            .put(
                .school(
                    School(
                        id: "sch-2", officialId: "PL-3", name: "Szkoła Podstawowa nr 3 w Łodzi", phases: [.primary], municipality: "Łódź"))),
            .put(
                .school(School(id: "sch-3", name: "Þingeyjarskóli", phases: [.primary, .lowerSecondary], municipality: "Þingeyjarsveit"))),
            .put(.agency(Agency(id: "agy-1", name: "Câmara Municipal de Óbidos", sector: .localAuthority, level: .local))),
            .put(.membership(Membership(id: "mem-1", cluster: "clu-pt", memberType: .school, memberId: "sch-1", role: "feeder primary"))),
            .put(
                .membership(
                    Membership(
                        id: "mem-2", cluster: "clu-pt", memberType: .agency, memberId: "agy-1", role: "convenes the network", lead: true))),
            .put(.checkpoint(Checkpoint(id: "chk-1", cluster: "clu-pt", title: "Reunião trimestral", due: Day(iso: "2026-11-10")!))),
            .put(.checkpoint(Checkpoint(id: "chk-2", cluster: "clu-pt", title: "Relatório do 1.º período", due: Day(iso: "2026-11-30")!))),
            .put(.checkpoint(Checkpoint(id: "chk-3", cluster: "clu-sc", title: "Transition visits", due: Day(iso: "2027-01-20")!))),
            .put(
                .checkpoint(
                    Checkpoint(
                        id: "chk-4", cluster: "clu-sc", title: "Planning day", due: Day(iso: "2026-10-01")!,
                        doneOn: Day(iso: "2026-10-01")!, doneBy: "m.macleod", evidence: "notes"))),
        ])
        return w
    }

    /// Ids come from a seeded source, so the same keys give the same effects.
    static func app(_ world: World = Fixture.world(), width: Int = 80, height: Int = 24) -> AppState {
        AppState(world: world, today: today, user: "ana", width: width, height: height, ids: .seeded(42))
    }
}

extension AppState {
    /// Presses keys; returns every effect they asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [DiskEffect] {
        var effects: [DiskEffect] = []
        for key in keys { effects += send(.key(key)) }
        return effects
    }

    @discardableResult
    mutating func type(_ text: String) -> [DiskEffect] {
        var effects: [DiskEffect] = []
        for ch in text { effects += send(.key(.char(ch))) }
        return effects
    }

    /// Does what the run loop does with commits once the store has written them, and with
    /// whatever those replies ask for next, as TCA's `TestStore` would: every other effect must
    /// be named in `expecting` (in any order), or the test fails; so does an expected effect
    /// never asked for. Drafts kept and cleared are the run loop's to write (`CairnRuntimeTests`
    /// check them on disk); here the last of them must be the form left open, or none.
    mutating func settle(_ effects: [DiskEffect], expecting: [DiskEffect] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        var queue = effects
        var expected = expecting
        // The draft as the run loop would leave it: nil while no effect kept or cleared one.
        var kept: FormState?? = nil
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            guard case .commit(let operation, let preview, let screen, let undoable) = effect else {
                if let at = expected.firstIndex(of: effect) {
                    expected.remove(at: at)
                } else if case .saveDraft(let form) = effect {
                    kept = .some(form)
                } else if effect == .clearDraft {
                    kept = .some(nil)
                } else {
                    Issue.record("an effect the test did not expect: \(effect)", sourceLocation: sourceLocation)
                }
                continue
            }
            // Asked again of the rule book on the world as it is now, as the store does under its lock.
            let outcome: Outcome
            do {
                outcome = try world.perform(operation, by: env.author)
            } catch {
                queue += send(.deliver(.commitFailed(preview, message: error.message), to: screen))
                continue
            }
            // Folded as the store folds it, so that conflicts open and close as on disk.
            var w = world
            for change in outcome.changes {
                _ = try? w.fold(change, by: Conflict.Side(value: .null, by: env.user, at: "2026-11-22T12:00:00.000Z"))
            }
            queue += send(.worldChanged(w))
            queue += send(.deliver(.committed(outcome, undoable: undoable), to: screen))
        }
        for effect in expected { Issue.record("an expected effect never asked for: \(effect)", sourceLocation: sourceLocation) }
        if let kept, kept != openDraft {
            Issue.record("the draft kept is not the form left open: \(String(describing: kept))", sourceLocation: sourceLocation)
        }
    }

    /// An effect's result for the screen on top, as the run loop sends it.
    @discardableResult
    mutating func reply(_ event: ScreenEvent) -> [DiskEffect] { send(.deliver(event, to: top.id)) }

    /// Home, always at the bottom of the stack.
    var home: HomeScreen {
        get { stack[0].screen as! HomeScreen }
        set { stack[0].screen = newValue }
    }

    /// The screen on top as the kind expected, or a failed test.
    func topScreen<S: Screen>(_ kind: S.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> S {
        try #require(top.screen as? S, "the top screen is \(Swift.type(of: top.screen))", sourceLocation: sourceLocation)
    }

    /// The question, prompt or help page over the screen, if one is open.
    var overlay: (any Screen)? { top.screen.isOverlay ? top.screen : nil }

    /// Only the screens above Home: empty when Home shows.
    var opened: [ScreenBox] { Array(stack.dropFirst()) }
}

extension [DiskEffect] {
    /// The outcome of the first commit among the effects, or a failed test.
    func committed(sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let outcome = compactMap { effect -> Outcome? in
            if case .commit(_, let o, _, _) = effect { return o }
            return nil
        }.first
        return try #require(outcome, "no commit among \(self)", sourceLocation: sourceLocation)
    }

    var hasCommit: Bool { contains { if case .commit = $0 { return true } else { return false } } }
}

extension Outcome {
    /// The records the outcome puts, for tests to read fields from.
    var puts: [Record] {
        changes.compactMap { change -> Record? in
            if case .put(let r) = change { return r }
            return nil
        }
    }

    /// The field edits of stored records the outcome makes.
    var edits: [Edit] {
        changes.compactMap { change -> Edit? in
            if case .edit(let e) = change { return e }
            return nil
        }
    }
}

extension Record {
    var school: School? { if case .school(let x) = self { return x } else { return nil } }
    var cluster: Cluster? { if case .cluster(let x) = self { return x } else { return nil } }
    var checkpoint: Checkpoint? { if case .checkpoint(let x) = self { return x } else { return nil } }
    var goal: Goal? { if case .goal(let x) = self { return x } else { return nil } }
}

/// Compares a canvas with the text snapshot `__Snapshots__/NAME.txt` beside the tests.
/// A missing snapshot (or `CAIRN_RECORD_SNAPSHOTS=1`) is written and the test fails, so that
/// every new or changed snapshot is looked at before it is committed.
func expectSnapshot(_ canvas: Canvas, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__/\(name).txt")
    let actual = canvas.text + "\n" + styleLayer(canvas)
    let record = ProcessInfo.processInfo.environment["CAIRN_RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("snapshot \(name) recorded; review it and run again", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "canvas differs from \(name).txt:\n\(lineDiff(expected, actual))", sourceLocation: sourceLocation)
}

/// The lines that differ, numbered, expected (`-`) above actual (`+`): what a reviewer reads.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let x = i < e.count ? String(e[i]) : "(none)"
        let y = i < a.count ? String(a[i]) : "(none)"
        if x != y { out += [String(format: "%3d - ", i + 1) + x, String(format: "%3d + ", i + 1) + y] }
    }
    return out.joined(separator: "\n")
}

/// The styles that carry meaning, one line per row that has any: S the selected row (reversed),
/// O overdue, W due soon, D done, E an error. A snapshot keeps them under the text.
func styleLayer(_ canvas: Canvas) -> String {
    var lines = ["--- styles: S selected, O overdue, W due soon, D done, E error"]
    for y in 0..<canvas.height {
        var marks = ""
        for x in 0..<canvas.width {
            let style = canvas[x, y].style
            switch style.role {
            case .selection where style.reverse: marks += "S"
            case .overdue: marks += "O"
            case .dueSoon: marks += "W"
            case .done: marks += "D"
            case .error: marks += "E"
            default: marks += " "
            }
        }
        while marks.hasSuffix(" ") { marks.removeLast() }
        if !marks.isEmpty { lines.append(String(format: "%2d ", y) + marks) }
    }
    return lines.joined(separator: "\n") + "\n"
}
