import CairnCore
import CairnStore
import Foundation

/// `cairn-bench commands --store DIR [--runs N]`: the whole time of each command that reads or
/// writes a few records, from spawn to exit, as a person at a shell waits for it. The built
/// `cairn` runs each N times (after one run that is not counted) on the store in DIR, which the
/// bench must have made: the commands that write add to it.
enum CommandBench {
    static func run(_ args: [String], cairn: String) throws {
        guard let path = args.value(of: "--store") else { throw BenchError("commands needs --store DIR (a store cairn-bench made)") }
        let runs = args.value(of: "--runs").flatMap { Int($0) } ?? 10
        let store = URL(fileURLWithPath: path)
        guard BenchStore.madeByBench(store) else { throw BenchError("\(store.path) was not made by cairn-bench: commands write to it") }
        let opened = try Store(directory: store, identity: Identity(user: "bench", host: "bench"))
        let w = opened.world
        let cluster = try first(w.clusters.keys.sorted(), "cluster")
        let school = try first(w.schools.keys.sorted(), "school")
        let open = w.checkpoints.values.filter { $0.doneOn == nil }.map(\.id).sorted()
        print("store: \(opened.eventCount) events; cluster \(cluster), school \(school); \(runs) runs each, after one not counted")
        var ticked = 0
        let commands: [(name: String, argv: (Int) -> [String])] = [
            ("list clusters", { _ in ["list", "clusters"] }),
            ("add school", { n in ["add", "school", "--name", "Bench school \(getpid())-\(n)", "--municipality", "Gent"] }),
            ("edit", { n in ["edit", school, "notes=bench \(n)"] }),
            (
                "tick",
                { _ in
                    // A checkpoint not yet done each time, while there are; then the refusal.
                    defer { ticked += 1 }
                    return ["tick", open.indices.contains(ticked) ? open[ticked] : "chk-none"]
                }
            ),
            ("gaps CLUSTER", { _ in ["gaps", cluster] }),
            ("health CLUSTER", { _ in ["health", cluster] }),
            ("report CLUSTER", { _ in ["report", cluster] }),
            ("coverage CLUSTER", { _ in ["coverage", cluster] }),
            ("log SCHOOL", { _ in ["log", school] }),
            ("an unknown option (the floor)", { _ in ["list", "--no-such-option"] }),
        ]
        for (name, argv) in commands {
            var times: [Double] = []
            var refused = 0
            for n in 0...runs {
                let (ms, status) = try spawnMilliseconds([cairn] + argv(n) + ["--store", store.path])
                if n > 0 { times.append(ms) }
                if n > 0, status != 0 { refused += 1 }
            }
            let sorted = times.sorted()
            print(
                String(
                    format: "%@: median %.1f ms, min %.1f, max %.1f (n=%d)%@", name.padding(toLength: 30, withPad: " ", startingAt: 0),
                    sorted[sorted.count / 2], sorted.first!, sorted.last!, sorted.count, refused > 0 ? ", \(refused) refused" : ""))
        }
    }

    private static func first(_ ids: [String], _ what: String) throws -> String {
        guard let id = ids.first else { throw BenchError("the store has no \(what)") }
        return id
    }

    /// From spawn to exit, output thrown away: `posix_spawn`, not `Process`, so that the
    /// figure is the command's, not Foundation's.
    static func spawnMilliseconds(_ argv: [String]) throws -> (ms: Double, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", (fd == STDIN_FILENO ? O_RDONLY : O_WRONLY) | O_NOFOLLOW, 0)
        }
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
        guard rc == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, status)
    }
}
