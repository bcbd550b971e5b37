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

    static func app(_ world: World = Fixture.world(), width: Int = 80, height: Int = 24) -> AppState {
        AppState(world: world, today: today, user: "ana", width: width, height: height)
    }
}

extension AppState {
    /// Presses keys; returns every effect they asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += send(.key(key)) }
        return effects
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        for ch in text { effects += send(.key(.char(ch))) }
        return effects
    }

    /// Does what the run loop does with commits once the store has written them.
    mutating func settle(_ effects: [Effect]) {
        for case .commit(let commit) in effects {
            var w = world
            w.apply(commit.changes)
            _ = send(.worldChanged(w))
            _ = send(.committed(commit))
        }
    }
}

/// Compares a canvas with the text snapshot `__Snapshots__/NAME.txt` beside the tests.
/// A missing snapshot (or `CAIRN_RECORD_SNAPSHOTS=1`) is written and the test fails, so that
/// every new or changed snapshot is looked at before it is committed.
func expectSnapshot(_ canvas: Canvas, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__/\(name).txt")
    let actual = canvas.text + "\n"
    let record = ProcessInfo.processInfo.environment["CAIRN_RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("snapshot \(name) recorded; review it and run again", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "canvas differs from \(name).txt:\n\(actual)", sourceLocation: sourceLocation)
}
