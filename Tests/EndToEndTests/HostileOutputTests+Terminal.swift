import Foundation
import Testing

/// The built `cairn` writing to a real terminal (a pty, through util-linux's `script`, and a
/// tmux pane) and to a pipe: data holding escape sequences shows them as text on a terminal,
/// and goes byte for byte into a file or a pipe.
@Suite(.enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct HostileTerminalOutputTests {
    static let osc = HostileOutputTests.osc

    /// A store where every kind of record a command prints holds the hostile name.
    func hostileStore() throws -> (store: TemporaryStore, cluster: String, goal: String) {
        let store = TemporaryStore()
        func cairn(_ args: [String]) throws -> String {
            let r = try Shell.cairn(args, store: store.url)
            #expect(r.status == 0, "cairn \(args.first ?? ""): \(r.stderr)")
            return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let osc = Self.osc
        let cluster = try cairn(["add", "cluster", "--name", osc, "--region", osc])
        _ = try cairn(["add", "school", "--name", osc, "--municipality", osc, "--cluster", cluster, "--role", osc, "--lead"])
        _ = try cairn(["add", "agency", "--name", osc + " agency", "--sector", "health", "--cluster", cluster])
        let checkpoint = try cairn(["add", "checkpoint", "--cluster", cluster, "--title", osc + " meeting", "--due", "2020-01-15"])
        _ = try cairn(["tick", checkpoint, "--evidence", osc, "--on", "2020-01-16"])
        _ = try cairn(["add", "checkpoint", "--cluster", cluster, "--title", osc + " open", "--due", "2020-02-15"])
        let goal = try cairn([
            "add", "goal", "--cluster", cluster, "--statement", osc + " goal", "--indicator", osc, "--target", "90", "--deadline",
            "2030-01-01",
        ])
        _ = try cairn(["measure", goal, "--value", "40", "--date", "2021-01-01", "--source", osc])
        _ = try cairn([
            "add", "action", "--cluster", cluster, "--goal", goal, "--description", osc + " action", "--responsible", osc,
            "--class", "prevention", "--due", "2031-01-01",
        ])
        return (store, cluster, goal)
    }

    /// Every command that prints data, exports first, with how the name shows in it: escaped
    /// visibly (`\e]0;pwned`), the JSON way (`\u001b]0;pwned`), as Markdown text, without its
    /// controls (a calendar drops them), or not at all (nothing of the data: no conflicts, no
    /// health check).
    func commands(cluster: String, goal: String) -> [(args: [String], shows: String?)] {
        let visible = #"\e]0;pwned"#
        let json = #"\u001b]0;pwned"#
        let dropped = #"Evil]0\;pwned"#
        let markdown = #"\\e\]0;pwned"#
        let csv = ["schools", "agencies", "clusters", "members", "checkpoints", "goals", "actions", "measurements"]
        let exports: [([String], String?)] = [
            (["export", "--format", "json"], json), (["export", "--format", "ics"], dropped),
            (["export", "--format", "ics", "--todo"], dropped), (["export", "--format", "csv", "--what", "assessments"], nil),
        ]
        let lists: [([String], String?)] = [
            (["list", "clusters"], visible), (["list", "schools"], visible), (["list", "agencies"], visible),
            (["list", "checkpoints"], visible), (["list", "clusters", "--json"], json), (["list", "schools", "--json"], json),
            (["list", "agencies", "--json"], json), (["list", "checkpoints", "--json"], json),
        ]
        let others: [([String], String?)] = [
            (["log"], visible), (["log", "--json"], json), (["log", cluster], visible), (["report", cluster], markdown),
            (["report", cluster, "--format", "html"], visible), (["report", "--region", "evil"], markdown), (["gaps"], visible),
            (["gaps", "--json"], json), (["health", cluster], visible), (["health", cluster, "--json"], nil),
            (["coverage", cluster], visible), (["coverage", cluster, "--json"], nil), (["conflicts"], nil), (["conflicts", "--json"], nil),
            (["measurements", goal], visible), (["measurements", goal, "--json"], json), (["check"], nil), (["sync", "--status"], nil),
            (["tick", Self.osc], visible), (["edit", Self.osc, "colour=red"], visible),
        ]
        return exports + csv.map { (["export", "--format", "csv", "--what", $0], visible) } + lists + others
    }

    /// The bytes `cairn ARGS` writes to a terminal: run under `script`, which gives it a pty
    /// for standard output and error and copies what comes out of it.
    func atTerminal(_ args: [String], store: URL) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        // English whatever the runner speaks: the tests read the messages.
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "CAIRN_LANG"] { env[name] = nil }
        env["TERM"] = "xterm-256color"
        env["CAIRN_STORE"] = nil
        env["XDG_STATE_HOME"] = store.deletingLastPathComponent().appendingPathComponent("state").path
        let line = ([Shell.cairn] + args + ["--store", store.path]).map(Shell.quote).joined(separator: " ")
        let result = try Shell.run("/usr/bin/script", ["-q", "-e", "-c", line, "/dev/null"], environment: env)
        return result.stdout
    }

    /// The characters that act on a terminal: controls but line ends, DEL, C1, bidirectional
    /// overrides and isolates.
    func raw(_ text: String) -> [String] {
        var found: [String] = []
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            // The pty turns each LF into CR LF, so a calendar's CR LF arrives as CR CR LF.
            let lineEnd = s == "\n" || (s == "\r" && scalars[(i + 1)...].first { $0 != "\r" } == "\n")
            if (s.value < 0x20 && !lineEnd) || (0x7F..<0xA0).contains(s.value) || (0x202A...0x202E).contains(s.value)
                || (0x2066...0x2069).contains(s.value)
            {
                found.append(String(s.value, radix: 16))
            }
        }
        return found
    }

    @Test func every_command_and_every_export_shows_controls_visibly_on_a_terminal() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "util-linux's script gives the command a pty")
        let (store, cluster, goal) = try hostileStore()
        for (args, shows) in commands(cluster: cluster, goal: goal) {
            let shown = try atTerminal(args, store: store.url)
            #expect(raw(shown).isEmpty, "cairn \(args.joined(separator: " ")) wrote \(raw(shown)) raw to a terminal")
            if let shows {
                #expect(shown.contains(shows), "cairn \(args.joined(separator: " ")) shows no \(shows): \(shown.prefix(300))")
            }
        }
    }

    /// The tester's case: a CSV export read on the screen set the terminal's title.
    @Test func a_csv_export_on_a_terminal_leaves_its_title_alone() throws {
        let (store, _, _) = try hostileStore()
        let export = ([Shell.cairn, "export", "--format", "csv", "--what", "schools", "--store", store.url.path]).map(Shell.quote)
            .joined(separator: " ")
        let tmux = try Tmux(width: 200, height: 20, command: ["sh", "-c", export + "; echo EXPORTED; sleep 60"])
        let screen = try tmux.waitFor("EXPORTED")
        #expect(screen.contains(#"Evil\e]0;pwned\u{7}\e]52;c;Y2xpcA==\u{7}\u{202E}Name\u{9B}2J"#), "\(screen)")
        let title = try tmux.tmux(["display-message", "-p", "-t", tmux.session, "#{pane_title}"])
        #expect(!title.contains("pwned"), "the export set the pane's title to \(title)")
    }

    /// Into a file or a pipe an export is the data, byte for byte; the JSON export writes C1
    /// controls and bidirectional overrides as `\u` escapes, and restores byte for byte.
    @Test func exports_to_a_pipe_stay_byte_exact_and_the_json_export_restores_byte_for_byte() throws {
        let (store, _, _) = try hostileStore()
        let csv = try Shell.cairn(["export", "--format", "csv", "--what", "schools"], store: store.url)
        #expect(csv.stdout.contains(Self.osc), "a CSV cell holds the name as it is")
        let json = try Shell.cairn(["export", "--format", "json"], store: store.url)
        #expect(json.status == 0)
        #expect(raw(json.stdout).isEmpty, "raw in the JSON export: \(raw(json.stdout))")
        #expect(json.stdout.contains(#""name" : "Evil\u001b]0;pwned\u0007\u001b]52;c;Y2xpcA==\u0007\u202eName\u009b2J""#))
        let file = store.root.appendingPathComponent("export.json")
        try Data(json.stdout.utf8).write(to: file)
        let copy = TemporaryStore()
        let restored = try Shell.cairn(["import", file.path], store: copy.url)
        #expect(restored.status == 0, "\(restored.stderr)")
        let again = try Shell.cairn(["export", "--format", "json"], store: copy.url)
        #expect(again.stdout == json.stdout, "the restored store exports the same bytes")
    }
}
