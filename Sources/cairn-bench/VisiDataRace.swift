import Foundation

/// `cairn-bench visidata --register FILE [--vd PATH] [--pairs N]`: the time from spawning to the
/// first screen, Cairn against VisiData, on one register made ten times larger (each copy's ids
/// shifted, so each row is another school). Both run in tmux at 80x24 and are timed alike: from
/// just before the pane is given the program until a capture of the pane shows what each draws
/// last (Cairn's cluster list, VisiData's first rows). Run in pairs, the order alternating, as the issue asks.
enum VisiDataRace {
    static func run(_ args: [String], cairn: String) throws {
        var args = args
        func option(_ name: String) -> String? {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
            defer { args.removeSubrange(i...(i + 1)) }
            return args[i + 1]
        }
        guard let register = option("--register") else {
            FileHandle.standardError.write(Data("cairn-bench visidata needs --register FILE (a register in CSV)\n".utf8))
            exit(2)
        }
        let vd = option("--vd") ?? "vd"
        let pairs = Int(option("--pairs") ?? "7") ?? 7
        let clusterBy = option("--cluster-by") ?? "Community of Learning: ID,Community of Learning: Name"
        try refuseUnknown(args)
        defer { tmux.run(["kill-server"]) }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-bench-visidata-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (csv, rows, marker) = try tenfold(URL(fileURLWithPath: register), into: folder)
        let store = folder.appendingPathComponent("store")
        let imported = Process.run(cairn, ["import", csv.path, "--cluster-by", clusterBy, "--store", store.path])
        guard imported == 0 else {
            FileHandle.standardError.write(Data("cairn-bench visidata: cairn import failed (exit \(imported))\n".utf8))
            exit(1)
        }
        // One start of each first, so that both come from a warm disk cache (and Cairn's snapshot is written).
        _ = firstScreen(["env", "LANG=C.UTF-8", "TERM=xterm-256color", cairn, "--store", store.path], until: "Clusters (")
        _ = firstScreen(["env", "LANG=C.UTF-8", "TERM=xterm-256color", vd, csv.path], until: marker)
        print("register: \(rows) rows (\((register as NSString).lastPathComponent) ten times, ids shifted), \(pairs) pairs, 80x24")
        var cairnMs: [Double] = []
        var vdMs: [Double] = []
        for pair in 0..<pairs {
            let c = { firstScreen(["env", "LANG=C.UTF-8", "TERM=xterm-256color", cairn, "--store", store.path], until: "Clusters (") }
            let v = { firstScreen(["env", "LANG=C.UTF-8", "TERM=xterm-256color", vd, csv.path], until: marker) }
            if pair % 2 == 0 {
                cairnMs.append(c())
                vdMs.append(v())
            } else {
                vdMs.append(v())
                cairnMs.append(c())
            }
        }
        let ratios = zip(vdMs, cairnMs).map { $0 / $1 }
        func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
        print(String(format: "cairn, spawn to first screen: median %.0f ms (%@)", median(cairnMs), list(cairnMs)))
        print(String(format: "VisiData (%@), spawn to first screen: median %.0f ms (%@)", vd, median(vdMs), list(vdMs)))
        print(String(format: "VisiData / cairn, median of pairs: %.1f×", median(ratios)))
    }

    static func list(_ xs: [Double]) -> String { xs.map { String(format: "%.0f", $0) }.joined(separator: ", ") }

    /// The register ten times over, the first column (the register's id) shifted by 1,000,000
    /// a copy; and the name on the first data row, which VisiData shows on its first screen.
    static func tenfold(_ url: URL, into folder: URL) throws -> (URL, Int, String) {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst()
        var out = header + "\n"
        for copy in 0..<10 {
            for line in lines {
                guard let comma = line.firstIndex(of: ","), let id = Int(line[..<comma]) else { continue }
                out += "\(id + copy * 1_000_000)" + line[comma...] + "\n"
            }
        }
        let first = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false) } ?? []
        let marker = first.count > 1 ? String(first[1]) : ""
        let csv = folder.appendingPathComponent("register-x10.csv")
        try Data(out.utf8).write(to: csv)
        return (csv, lines.count * 10, marker)
    }

    static let tmux = TmuxServer(socket: "cairn-bench-vd-\(getpid())")

    /// Milliseconds from spawning `command` in the race's tmux pane until the pane shows `text`.
    /// The pane is made once and its program replaced each time (`respawn-pane -k`), so that
    /// starting a tmux server is in neither figure. The spawn and the looks at the pane (every
    /// half millisecond) go through a control-mode client, so that no figure counts the start
    /// of a tmux process to ask (3-8 ms each, which made Cairn's figure half as large again).
    /// The client is attached to a session of its own, so that it is not sent each draw of the
    /// pane (`%output`).
    static func firstScreen(_ command: [String], until text: String) -> Double {
        if tmux.run(["has-session", "-t", "r"]).status != 0 {
            tmux.run(["new-session", "-d", "-s", "r", "-x", "80", "-y", "24", "sleep 3600"])
            tmux.run(["new-session", "-d", "-s", "watch", "-x", "80", "-y", "24", "sleep 3600"])
        }
        guard let control = TmuxControl(socket: tmux.socket, session: "watch", listening: true) else { return .infinity }
        defer { control.close() }
        control.drain()
        let deadline = Date().addingTimeInterval(60)
        _ = control.ask("respawn-pane -k -t r 'sleep 3600'", before: deadline)
        usleep(50_000)
        let started = Date()
        _ = control.ask("respawn-pane -k -t r " + TmuxControl.quoted(command), before: deadline)
        while let shown = control.ask("capture-pane -p -t r", before: deadline) {
            if shown.contains(where: { $0.contains(text) }) { return Date().timeIntervalSince(started) * 1000 }
            usleep(500)
        }
        return .infinity
    }
}

extension Process {
    /// Runs a program to its end, its output discarded; its exit status.
    static func run(_ path: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
