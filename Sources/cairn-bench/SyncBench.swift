import CairnCore
import CairnStore
import Foundation

/// `cairn-bench sync [--changes 10,1000,10000] [--store DIR]`: issue 9's figures, on a real bare
/// hub and two clones ("server", "laptop") of it on this machine, with the built `cairn`. With
/// `--store`, the server starts as a copy of that store (the national one of `cairn-bench`).
///
/// For each count, the laptop makes that many changes offline (one commit each, as typed),
/// then `cairn sync` on the laptop (sends them) and on the server (brings them) are timed,
/// and the hub's growth is measured (`du` of its objects, as pushed and after `git gc`).
enum SyncBench {
    static func run(_ args: [String], cairn: String) throws {
        if args.contains("--own-history") { return try ownHistory(args, cairn: cairn) }
        let counts =
            args.value(of: "--changes")?
            .split(separator: ",").compactMap { Int($0) } ?? [10, 1_000, 10_000]
        let root = TrustBench.scratch("sync")
        defer { try? FileManager.default.removeItem(at: root) }
        let hub = root.appendingPathComponent("hub.git")
        let serverDir = root.appendingPathComponent("server")
        let laptopDir = root.appendingPathComponent("laptop")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try shell(["git", "init", "--quiet", "--bare", hub.path])
        if let store = args.value(of: "--store") {
            try FileManager.default.createDirectory(at: serverDir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: store).appendingPathComponent("journal"), to: serverDir.appendingPathComponent("journal"))
        }
        let server = try Store(directory: serverDir, identity: Identity(user: "ana", host: "server"))
        let school = School(id: "sch-bench-1", name: "Escola Básica de São João", municipality: "Lisboa")
        try server.perform(.add(.school(school)))
        let initMs = try Measure.milliseconds { try shell([cairn, "sync", "--init", hub.path, "--store", serverDir.path]) }
        let cloneMs = try Measure.milliseconds { try shell(["git", "clone", "--quiet", hub.path, laptopDir.path]) }
        print(
            String(
                format: "sync through git: a bare hub and two clones in %@; a store of %d events: sync --init %.0f ms, git clone %.0f ms",
                root.path, server.eventCount, initMs, cloneMs))
        try shell(["git", "-C", hub.path, "gc", "--quiet"])  // so that each "after git gc" counts only its own changes
        for n in counts {
            let laptop = try Store(directory: laptopDir, identity: Identity(user: "ben", host: "laptop"))
            guard var record = laptop.world.schools[school.id] else { throw BenchError("the laptop's clone lacks the school") }
            let makeMs = try Measure.milliseconds {
                for i in 0..<n {
                    record.municipality = "Lisboa \(n) \(i)"
                    if i % 3 == 0 { record.notes = "Reunião \(i) · 漢字 😀" }
                    try laptop.perform(.edit(.school(record)))
                }
            }
            let before = try objectBytes(hub)
            let laptopBefore = try objectBytes(laptopDir.appendingPathComponent(".git"))
            let sendMs = try Measure.milliseconds { try shell([cairn, "sync", "--store", laptopDir.path]) }
            let pushed = try objectBytes(hub)
            let laptopGrew = try objectBytes(laptopDir.appendingPathComponent(".git")) - laptopBefore
            let bringMs = try Measure.milliseconds { try shell([cairn, "sync", "--store", serverDir.path]) }
            let reopened = try Store(directory: serverDir, identity: Identity(user: "ana", host: "server"))
            guard reopened.world.schools[school.id]?.municipality == record.municipality else {
                throw BenchError("the server does not have the laptop's last change after syncing \(n)")
            }
            try shell(["git", "-C", hub.path, "gc", "--quiet"])
            let packed = try objectBytes(hub)
            let per1000 = { (bytes: Int) in Double(bytes) / Double(n) * 1000 / 1024 }
            print(
                String(
                    format:
                        "%6d changes (made offline in %.0f ms): laptop's sync (send) %.0f ms, server's sync (bring) %.0f ms; hub grew %.0f KiB as pushed (%.1f KiB per 1,000 changes), %.1f KiB per 1,000 after git gc; the laptop's own repository grew %.0f KiB",
                    n, makeMs, sendMs, bringMs, Double(pushed - before) / 1024, per1000(pushed - before), per1000(packed - before),
                    Double(laptopGrew) / 1024))
        }
    }

    /// Bytes under the hub's `objects/` (what the repository stores).
    static func objectBytes(_ hub: URL) throws -> Int {
        let objects = hub.appendingPathComponent("objects")
        var total = 0
        let walker = FileManager.default.enumerator(at: objects, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            let values = try url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values.isRegularFile == true { total += values.fileSize ?? 0 }
        }
        return total
    }

    static func shell(_ argv: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0].hasPrefix("/") ? argv[0] : "/usr/bin/env")
        p.arguments = argv[0].hasPrefix("/") ? Array(argv.dropFirst()) : argv
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw BenchError("\(argv.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element == String {
    /// The argument after the flag `name` (`--runs 10`), nil when the flag or its value is missing.
    func value(of name: String) -> String? {
        firstIndex(of: name).flatMap { indices.contains($0 + 1) ? self[$0 + 1] : nil }
    }
}
