import CairnApp
import CairnCore
import CairnRuntime
import CairnStore
import Foundation
import TermUI
import Testing

/// A store in a temporary folder on the real file system, with its own drafts folder beside
/// it, removed when the value goes.
final class TemporaryStore {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-runtime-\(UUID().uuidString)")
    var url: URL { root.appendingPathComponent("store") }
    var draftsRoot: URL { root.appendingPathComponent("state/cairn/drafts") }
    let identity = Identity(user: "ana", host: "test-host")
    /// Each session gets a pid of its own, none of them running: what one leaves, the next finds.
    private var nextPid: Int32 = 3_999_000

    /// - Parameter records: written as one commit, as an import would.
    init(records: [Change] = Fixture.changes) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if !records.isEmpty {
            let store = try open()
            try store.perform(.carry(records, summary: "the fixture"), by: Author(user: identity.user, today: Fixture.today))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The store as a new process would open it.
    func open(readNow: Bool = true) throws -> Store { try Store(directory: url, identity: identity, readNow: readNow) }

    /// The world on disk, read afresh by another `Store`: what a session has really written.
    func onDisk() throws -> World { try open().world }

    /// Every line of every journal, in file order.
    func journalLines() throws -> [String] {
        let folder = url.appendingPathComponent("journal")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        return try files.flatMap { name in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    /// The draft files kept for this store.
    func draftFiles() -> [String] {
        let all = FileManager.default.enumerator(atPath: draftsRoot.path)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".json") }
    }

    func draftBox(for store: Store) -> DraftBox {
        nextPid += 1
        return DraftBox(store: store.directory, identity: identity, pid: nextPid, root: draftsRoot)
    }
}

/// The real run loop and its real interpreter over a `TestTerminal` and a `TemporaryStore`:
/// keys go in as a person types them, frames come out as canvases, and what is written is on
/// disk. The day is fixed and record ids are seeded, so frames are stable.
@MainActor
final class TestSession {
    let store: Store
    let terminal: TestTerminal
    let session: Session

    /// - Parameter typedAhead: keys waiting in the terminal before the first frame is drawn.
    init(
        _ folder: TemporaryStore, width: Int = 80, height: Int = 24, unread: Bool = false, workshop: String? = nil,
        typedAhead: [Key] = []
    ) throws {
        store = try folder.open(readNow: !unread)
        terminal = TestTerminal(width: width, height: height)
        for key in typedAhead { terminal.press(key) }
        session = try Session(
            store: store, terminal: terminal, workshop: workshop, unread: unread, today: { Fixture.today }, ids: .seeded(42),
            drafts: folder.draftBox(for: store))
    }

    /// Runs the loop's turns until every scripted key is taken (and a hang-up read is noticed);
    /// returns how the session ended, if it did.
    @discardableResult
    func run() -> Session.Ending? {
        repeat {
            if let ending = session.turn() { return ending }
        } while terminal.hasInput || terminal.hangupReceived
        return nil
    }

    @discardableResult
    func press(_ keys: Key...) -> Session.Ending? {
        for key in keys { terminal.press(key) }
        return run()
    }

    @discardableResult
    func type(_ text: String) -> Session.Ending? {
        terminal.type(text)
        return run()
    }

    /// The last frame's text.
    var screen: String { terminal.screen?.text ?? "" }

    /// The screens' status line, as the last frame drew it.
    var status: String? { session.app.status?.text }
}

/// The same small world the screen tests use, written to disk.
enum Fixture {
    static let today = Day(iso: "2026-11-22")!

    static let changes: [Change] = [
        .put(
            .cluster(
                Cluster(
                    id: "clu-pt", officialId: "171074", name: "Agrupamento de Escolas de Óbidos", kind: .cluster, formality: .formal,
                    region: "Oeste"))),
        .put(.cluster(Cluster(id: "clu-sc", name: "Portree Learning Community", kind: .network, region: "Highland"))),
        .put(.school(School(id: "sch-1", name: "Escola Básica de São João", phases: [.primary], municipality: "Óbidos"))),
        .put(.school(School(id: "sch-3", name: "Þingeyjarskóli", phases: [.primary], municipality: "Þingeyjarsveit"))),
        .put(.membership(Membership(id: "mem-1", cluster: "clu-pt", memberType: .school, memberId: "sch-1", role: "feeder primary"))),
        .put(.checkpoint(Checkpoint(id: "chk-1", cluster: "clu-pt", title: "Reunião trimestral", due: Day(iso: "2026-11-10")!))),
        .put(.checkpoint(Checkpoint(id: "chk-2", cluster: "clu-pt", title: "Relatório do 1.º período", due: Day(iso: "2026-11-30")!))),
        .put(.checkpoint(Checkpoint(id: "chk-3", cluster: "clu-sc", title: "Transition visits", due: Day(iso: "2027-01-20")!))),
    ]
}
