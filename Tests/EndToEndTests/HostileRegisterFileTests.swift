import Foundation
import Testing

/// What a person may name as a register and is no register: a FIFO nobody writes, a device that
/// never ends, a sparse file of hundreds of MiB. The import screen says why in one line and
/// stays with the person; the command line says the same and still reads a pipe a shell gives it.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct HostileRegisterFileTests {
    /// A short folder, so that a path and its reason fit the import screen's line.
    static func folder() throws -> URL {
        let folder = URL(fileURLWithPath: "/tmp/r-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func sparse(_ url: URL, bytes: UInt64) throws {
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: bytes)
        try handle.close()
    }

    @Test func the_import_screen_refuses_a_fifo_a_device_and_a_huge_file_and_then_imports_a_register() throws {
        let store = TemporaryStore()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let huge = folder.appendingPathComponent("huge.csv")
        try Self.sparse(huge, bytes: 300 << 20)
        let register = folder.appendingPathComponent("ok.csv")
        try Data("Código;Nome;Concelho\nPT-1;Escola Básica de Óbidos;Óbidos\n".utf8).write(to: register)

        let tmux = try Tmux.cairn(store: store.url, ready: "Welcome to Cairn")
        try tmux.send("i")
        try tmux.waitFor("Import a register")
        for (path, reason) in [
            (fifo.path, "it is a pipe, not a file"), ("/dev/zero", "a device or a socket"), (huge.path, "larger than 256 MiB"),
        ] {
            try tmux.type(path)
            try tmux.send("Enter")
            // The reason may wrap: its words are looked for with the screen's lines joined.
            try tmux.waitUntil("“\(reason)” for \(path)") { $0.split(separator: "\n").joined(separator: " ").contains(reason) }
            try tmux.send("C-u")
        }
        try tmux.type(register.path)
        try tmux.send("Enter")
        try tmux.waitFor("Enter imports this 1 change")
        try tmux.send("Enter")
        try tmux.waitFor("Imported: 1 change")
    }

    @Test func the_command_line_refuses_a_device_and_a_huge_file_and_reads_a_pipe_a_shell_gives_it() throws {
        let store = TemporaryStore()
        let zero = try Shell.cairn(["import", "/dev/zero"], store: store.url)
        #expect(zero.status != 0)
        #expect(zero.stderr == "Error: cannot read /dev/zero: it is a device or a socket, not a file\n", "\(zero.stderr)")
        let huge = store.root.appendingPathComponent("huge.csv")
        try Self.sparse(huge, bytes: 300 << 20)
        let big = try Shell.cairn(["import", huge.path], store: store.url)
        #expect(big.status != 0)
        #expect(big.stderr.contains("it is larger than 256 MiB"), "\(big.stderr)")
        // `<(…)` is a pipe: a person at a shell chose it, and it is read to its end.
        let line =
            "\(Shell.quote(Shell.cairn)) import <(printf 'Name;Code\\nEscola de Łódź;PL-1\\n') --store \(Shell.quote(store.url.path))"
        let piped = try Shell.run("/bin/bash", ["-c", line], environment: ["LANG": "C.UTF-8", "XDG_STATE_HOME": store.state.path])
        #expect(piped.status == 0, "\(piped.stderr)")
        let schools = try Shell.export(store.url)["schools"] as? [[String: Any]] ?? []
        #expect(schools.compactMap { $0["name"] as? String } == ["Escola de Łódź"])
    }
}
