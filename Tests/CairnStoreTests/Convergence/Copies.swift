import CairnCore
import Foundation

@testable import CairnStore

/// Three copies of one store (the regional server, a facilitator's laptop, a laptop on a train)
/// sharing it through one bare git hub, as `cairn sync` does: real git, real journals, in a
/// temporary folder. The server loads the example clusters and shares them with
/// `sync --init`; the other two join with `git clone`.
///
/// Everything a run decides is decided by its seed: each copy's id (so that journal file
/// names, and so the order of events stamped alike, are the same on every replay), each
/// copy's clock (one may run two hours slow: the hybrid clock must still order alike), and
/// the ids of the records it adds.
final class Copies {
    static let names = ["server", "laptop", "train"]
    static let people = ["ana", "ben", "chidi"]
    /// The day every person works on, and the moment the first change is stamped.
    static let today = Day(iso: "2026-12-01")!
    static let start = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01T09:00:00Z

    /// One copy: its store, its clock, and what its session would undo next (as the terminal
    /// UI's `u` does, latest first).
    final class Copy {
        let name: String
        let store: Store
        let clockOffset: TimeInterval
        var undoable: [(inverse: [Change], summary: String)] = []

        init(name: String, store: Store, clockOffset: TimeInterval) {
            self.name = name
            self.store = store
            self.clockOffset = clockOffset
        }

        var author: Author { Author(user: store.identity.user, today: Copies.today) }
        var world: World { store.world }
    }

    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-convergence-\(UUID().uuidString)")
    var hub: URL { root.appendingPathComponent("hub.git") }
    private(set) var copies: [Copy] = []
    /// Seconds since `start`: one more for each change, so every copy's clock moves on.
    private var elapsed: TimeInterval = 0
    /// The examples' changes, in the order they were written: where the run's record order starts.
    private(set) var exampleChanges: [Change] = []

    init(seed: UInt64, performed: (Performed) -> Void) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git(in: root, ["init", "--quiet", "--bare", hub.path])
        // A clock two hours slow, one ten minutes fast, or right: drawn per copy from the seed.
        let offsets: [TimeInterval] = [0, -7_200, 600, -30]
        var s = seed
        var clocks: [TimeInterval] = []
        for _ in 0..<3 {
            s = SeedStream.next(s)
            clocks.append(offsets[Int(s % UInt64(offsets.count))])
        }
        let server = try open(0, clockOffset: clocks[0])
        copies.append(server)
        exampleChanges = try Examples.changes(for: server.world, today: Copies.today, user: server.author.user)
        let loaded = try server.store.perform(
            .carry(exampleChanges, summary: "Loaded the example clusters"), by: server.author, at: clock(of: server))
        performed(loaded)
        _ = try StoreSync(store: server.store).initialize(url: hub.path)
        for i in 1..<3 {
            try git(in: root, ["clone", "--quiet", hub.path, directory(i).path])
            copies.append(try open(i, clockOffset: clocks[i]))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func directory(_ i: Int) -> URL { root.appendingPathComponent(Copies.names[i]) }

    /// The moment a change made now on `copy` is stamped with: its own clock.
    func clock(of copy: Copy) -> Date {
        elapsed += 1
        return Copies.start.addingTimeInterval(elapsed + copy.clockOffset)
    }

    /// `cairn sync` on one copy, then the copy's session reads what came (as its poll would).
    func sync(_ i: Int) throws {
        let copy = copies[i]
        _ = try StoreSync(store: copy.store).run()
        try copy.store.refresh()
    }

    private func open(_ i: Int, clockOffset: TimeInterval) throws -> Copy {
        let identity = Identity(user: Copies.people[i], host: Copies.names[i])
        let directory = directory(i)
        // The copy's id, made as `StoreInstance` makes one but not at random.
        let instance = StoreInstance(
            id: "\(identity.fileSafeHost)-convergence", host: identity.host, path: directory.resolvingSymlinksInPath().path)
        let file = StoreLayout.instanceFile(directory, host: identity.fileSafeHost)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try JSONEncoder().encode(instance).write(to: file)
        let store = try Store(directory: directory, identity: identity)
        return Copy(name: Copies.names[i], store: store, clockOffset: clockOffset)
    }

    private func git(in directory: URL, _ arguments: [String]) throws {
        guard let git = Git(in: directory) else { throw StoreError("git is not installed") }
        let done = git.run(arguments)
        guard done.ok else { throw StoreError("git \(arguments.joined(separator: " ")): \(done.reason)") }
    }
}
