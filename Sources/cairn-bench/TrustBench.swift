import CairnCore
import CairnStore
import Foundation

/// `cairn-bench trust [writers|kills|keys|registers] [--keys N]`: the figures of issue 8's proof.
///
/// - writers: 4 processes × 2,500 commits into one journal at once; every commit is there and
///   `cairn check` is clean.
/// - kills: 200 `kill -9` at random moments of commits of 20 changes; every acknowledged commit
///   is there, and no commit is folded in part.
/// - keys: random keys on the real binary in tmux, with resizes between 10x3 and 200x60.
/// - registers: mutated registers read and planned: no crash, time per MiB.
enum TrustBench {
    static func run(_ args: [String], cairn: String) throws {
        let what = args.first { !$0.hasPrefix("--") } ?? "all"
        let keys = args.value(of: "--keys").flatMap { Int($0) } ?? 100_000
        if what == "all" || what == "writers" { try writers() }
        if what == "all" || what == "kills" { try kills() }
        if what == "all" || what == "registers" { try registers() }
        if what == "all" || what == "keys" { try KeyFuzz(cairn: cairn, keys: keys).run() }
    }

    static func scratch(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-trust-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        return url
    }

    /// `cairn-bench trust-writer STORE TAG COMMITS BATCH`: commits `COMMITS` times, `BATCH` schools
    /// each, and prints `ok TAG-N` on its own line as soon as each commit is acknowledged.
    static func writer(_ args: [String]) throws {
        let store = try Store(directory: URL(fileURLWithPath: args[0]), identity: Identity(user: "w-\(args[1])", host: "bench"))
        let commits = Int(args[2]) ?? 1
        let batch = Int(args[3]) ?? 1
        for i in 0..<commits {
            let changes = (0..<batch).map { k in
                Change.put(.school(School(id: "sch-\(args[1])-\(i)-\(k)", name: "Escola \(args[1]) \(i) \(k) “São João”")))
            }
            try store.perform(.carry(changes, summary: "Wrote \(batch) schools"))
            FileHandle.standardOutput.write(Data("ok \(args[1])-\(i)\n".utf8))
        }
    }

    static func spawnWriter(store: URL, tag: String, commits: Int, batch: Int, output: URL) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        p.arguments = ["trust-writer", store.path, tag, "\(commits)", "\(batch)"]
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        p.standardOutput = handle
        defer { try? handle.close() }  // the child has its own copy once it runs
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    static func writers() throws {
        let dir = scratch("writers")
        let started = Date()
        var procs: [Process] = []
        for tag in ["a", "b", "c", "d"] {
            procs.append(
                try spawnWriter(
                    store: dir, tag: tag, commits: 2_500, batch: 1,
                    output: dir.deletingLastPathComponent().appendingPathComponent("w-\(tag)-\(getpid())")))
        }
        for p in procs { p.waitUntilExit() }
        let seconds = Date().timeIntervalSince(started)
        let store = try Store(directory: dir, identity: Identity(user: "check", host: "check"))
        let check = try StoreCheck.run(store)
        print(
            String(
                format:
                    "4 processes × 2,500 commits into one journal: %d of 10000 schools present, %d events, check %@, %.1f s (%.0f commits/s)",
                store.world.schools.count, check.events, check.isDamaged ? "DAMAGED" : "clean", seconds, 10_000 / seconds))
        try? FileManager.default.removeItem(at: dir)
    }

    static func kills() throws {
        let dir = scratch("kills")
        var acknowledged = Set<String>()
        let batch = 20
        for round in 0..<200 {
            let out = dir.deletingLastPathComponent().appendingPathComponent("k-\(getpid())-\(round)")
            let p = try spawnWriter(store: dir, tag: "r\(round)", commits: 1_000, batch: batch, output: out)
            usleep(useconds_t(20_000 + Int.random(in: 0..<60_000)))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") where line.hasPrefix("ok ") { acknowledged.insert(String(line.dropFirst(3))) }
            try? FileManager.default.removeItem(at: out)
        }
        let store = try Store(directory: dir, identity: Identity(user: "check", host: "check"))
        let check = try StoreCheck.run(store)
        var perCommit: [String: Int] = [:]
        for id in store.world.schools.keys {
            let parts = id.split(separator: "-")
            perCommit["\(parts[1])-\(parts[2])", default: 0] += 1
        }
        let missing = acknowledged.filter { perCommit[$0] != batch }.count
        let partial = perCommit.values.filter { $0 != batch }.count
        let torn = check.problems.filter { !$0.isDamage }.count
        print(
            "200 kill -9 during commits of \(batch) changes: \(acknowledged.count) commits acknowledged, \(missing) of them missing; \(perCommit.count) commits folded, \(partial) in part; check \(check.isDamaged ? "DAMAGED" : "clean") (\(torn) unfinished tails noted)"
        )
        try? FileManager.default.removeItem(at: dir)
    }

    static func registers() throws {
        let nz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/CairnStoreTests/Fixtures/nz-schools-directory.csv")
        let base = [UInt8](try Data(contentsOf: nz))
        var rng = SystemRandomNumberGenerator()
        var worst = 0.0
        var refused = 0
        var cases = 0
        var skipped = 0
        let started = Date()
        for n in 0..<300 {
            var bytes = base
            switch n % 6 {
            case 0:
                for _ in 0..<20 { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            case 1:
                for _ in 0..<5 { bytes.insert(0x22, at: Int.random(in: 0..<bytes.count, using: &rng)) }
            case 2: bytes = bytes.filter { $0 != 0x0A || Int.random(in: 0..<50, using: &rng) > 0 }
            case 3: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            case 4: bytes = [0xFF, 0xFE] + Array((String(decoding: bytes, as: UTF8.self).data(using: .utf16LittleEndian) ?? Data()))
            default: bytes = Array(repeating: UInt8(ascii: ","), count: 1 << 20) + bytes.prefix(1000)
            }
            cases += 1
            let t0 = Date()
            do {
                let table = try RegisterTable.read(Data(bytes))
                let (_, summary) = try RegisterImport.plan(table, options: ImportOptions(), world: World())
                skipped += summary.skipped.count
            } catch {
                refused += 1
            }
            let msPerMiB = Date().timeIntervalSince(t0) * 1000 / max(0.001, Double(bytes.count) / 1_048_576)
            worst = max(worst, msPerMiB)
        }
        print(
            String(
                format:
                    "register fuzz: %d mutated registers (random bytes, stray quotes, lost line breaks, cut short, UTF-16, a 1 MiB line): 0 crashes, %d refused with a message, %d rows skipped with their line; slowest %.0f ms per MiB, all in %.1f s",
                cases, refused, skipped, worst, Date().timeIntervalSince(started)))
    }
}
