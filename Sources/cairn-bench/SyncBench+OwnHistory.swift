import CairnStore
import Foundation

/// `cairn-bench sync --own-history --store DIR [--rounds N]`: one change synced by the copy
/// that wrote the whole history. The store in DIR (the bench's national one) is copied, the
/// copy takes the id of its longest journal as its own, as the server that imported and typed
/// it all would have, and is shared through a bare hub; then, N times, the built `cairn` adds
/// one school and `cairn sync` sends it: each sync's time and what it added to the hub and to
/// the copy's own repository.
extension SyncBench {
    static func ownHistory(_ args: [String], cairn: String) throws {
        guard let path = args.value(of: "--store") else {
            throw BenchError("sync --own-history needs --store DIR (a store cairn-bench made)")
        }
        let rounds = args.value(of: "--rounds").flatMap { Int($0) } ?? 5
        let source = URL(fileURLWithPath: path)
        let root = TrustBench.scratch("sync-own")
        defer { try? FileManager.default.removeItem(at: root) }
        let hub = root.appendingPathComponent("hub.git")
        let copy = root.appendingPathComponent("server")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try shell(["cp", "-a", source.path, copy.path])
        let journals = try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("journal").path)
        let sizes = try journals.map { name in
            (name, try FileManager.default.attributesOfItem(atPath: copy.path + "/journal/" + name)[.size] as? Int ?? 0)
        }
        guard let longest = sizes.max(by: { $0.1 < $1.1 }), let own = JournalSegment(fileName: longest.0)?.copy else {
            throw BenchError("\(source.path) has no journal")
        }
        // This host's record of the copy names the longest journal, for the bench and the binary alike.
        let instances = copy.appendingPathComponent("local/instances")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: instances.path)) ?? [] {
            try FileManager.default.removeItem(at: instances.appendingPathComponent(name))
        }
        let me = Identity.current()
        let record = try JSONSerialization.data(withJSONObject: ["host": me.host, "id": own, "path": copy.path])
        try record.write(to: instances.appendingPathComponent(me.fileSafeHost + ".json"))
        try shell(["git", "init", "--quiet", "--bare", hub.path])
        let initMs = try Measure.milliseconds { try shell([cairn, "sync", "--init", hub.path, "--store", copy.path]) }
        print(
            String(
                format: "sync of one change by the copy that wrote the history: its own journal %@ (%.1f MB), shared in %.0f ms",
                longest.0, Double(longest.1) / 1e6, initMs))
        var times: [Double] = []
        for round in 1...rounds {
            try shell([cairn, "add", "school", "--name", "Escola Básica \(round) de São João", "--store", copy.path])
            let hubBefore = try objectBytes(hub)
            let copyBefore = try objectBytes(copy.appendingPathComponent(".git"))
            let ms = try Measure.milliseconds { try shell([cairn, "sync", "--store", copy.path]) }
            times.append(ms)
            print(
                String(
                    format: "  round %d: cairn sync %.0f ms; the hub grew %.1f KiB, the copy's repository %.1f KiB", round, ms,
                    Double(try objectBytes(hub) - hubBefore) / 1024,
                    Double(try objectBytes(copy.appendingPathComponent(".git")) - copyBefore) / 1024))
        }
        let segments = try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("journal").path)
            .filter { JournalSegment.isSegment($0, of: own) }.sorted()
        print("one change synced: \(Measure.summary(times)); the copy's journal is now \(segments.joined(separator: ", "))")
    }
}
