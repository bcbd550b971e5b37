import Foundation
import Testing

/// Writes that fail for real: a full disk (a small tmpfs), a file-size limit (`ulimit -f`), a
/// read-only store (a read-only bind mount, since root ignores permission bits) and a store
/// directory that vanished. Each time the person is told in one line, nothing is said to be
/// saved, and what was saved before is whole.
@Suite(.serialized) struct WriteFaultTests {
    static let nz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CairnStoreTests/Fixtures/nz-schools-directory.csv").path

    /// A folder with `command` mounted on it, unmounted when the test is done. Mounting needs
    /// root; in CI (`CI=true`) a failure to mount fails the test instead of skipping it.
    final class Mount {
        let point: URL
        init(_ arguments: [String], at point: URL) throws {
            self.point = point
            try FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
            let result = try Shell.run("/usr/bin/env", ["mount"] + arguments + [point.path])
            if result.status != 0 { throw E2EError("mount \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        }
        deinit { _ = try? Shell.run("/usr/bin/env", ["umount", "-l", point.path]) }
    }

    static var mountable: Bool {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        return getuid() == 0
    }

    /// A store on a tmpfs of `kilobytes`, with a cluster and one school in it.
    func storeOnSmallDisk(_ tmp: TemporaryStore, kilobytes: Int) throws -> (Mount, URL) {
        let disk = try Mount(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs"], at: tmp.root.appendingPathComponent("disk"))
        let store = disk.point.appendingPathComponent("store")
        #expect(try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako o Ōtautahi"], store: store).status == 0)
        return (disk, store)
    }

    func journalBytes(_ store: URL) throws -> Int {
        let dir = store.appendingPathComponent("journal")
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).reduce(0) { n, f in
            n + ((try FileManager.default.attributesOfItem(atPath: f.path)[.size] as? Int) ?? 0)
        }
    }

    @Test(.enabled(if: mountable)) func an_import_onto_a_full_disk_says_so_and_leaves_no_part_of_itself() throws {
        let tmp = TemporaryStore()
        let (disk, store) = try storeOnSmallDisk(tmp, kilobytes: 512)
        defer { withExtendedLifetime(disk) {} }
        let before = try journalBytes(store)
        let result = try Shell.cairn(["import", Self.nz], store: store)
        #expect(result.status != 0)
        #expect(result.stderr.contains("the disk is full"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(try journalBytes(store) == before)
        let check = try Shell.cairn(["check"], store: store)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("1 event;"))
    }

    @Test(.enabled(if: mountable)) func a_cascading_delete_on_a_full_disk_keeps_every_record() throws {
        let tmp = TemporaryStore()
        let (disk, store) = try storeOnSmallDisk(tmp, kilobytes: 256)
        defer { withExtendedLifetime(disk) {} }
        for i in 1...60 {
            let added = try Shell.cairn(
                ["add", "checkpoint", "--cluster", "Kāhui Ako o Ōtautahi", "--title", "Hui \(i)", "--due", "+\(i)d"], store: store)
            #expect(added.status == 0, "\(added.stderr)")
        }
        // Fill what is left of the disk.
        _ = try Shell.run("/usr/bin/env", ["dd", "if=/dev/zero", "of=\(disk.point.path)/filler", "bs=4k"])
        let before = try journalBytes(store)
        let deleted = try Shell.cairn(["delete", "Kāhui Ako o Ōtautahi"], store: store)
        #expect(deleted.status != 0)
        #expect(deleted.stderr.contains("not saved") && deleted.stderr.contains("the disk is full"), "\(deleted.stderr)")
        #expect(try journalBytes(store) == before)
        try FileManager.default.removeItem(atPath: "\(disk.point.path)/filler")
        let check = try Shell.cairn(["check"], store: store)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("1 cluster,") && check.stdout.contains("60 checkpoints"), "\(check.stdout)")
    }

    @Test func a_file_size_limit_is_reported_not_a_silent_kill() throws {
        let store = TemporaryStore()
        #expect(try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako"], store: store.url).status == 0)
        let before = try journalBytes(store.url)
        let script = "ulimit -f 64; exec \(Shell.quote(Shell.cairn)) import \(Shell.quote(Self.nz)) --store \(Shell.quote(store.url.path))"
        let result = try Shell.run("/bin/bash", ["-c", script], environment: ["LANG": "C.UTF-8", "XDG_STATE_HOME": store.state.path])
        #expect(result.status == 1, "killed by SIGXFSZ is 153; got \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("the size this account may write"), "\(result.stderr)")
        #expect(try journalBytes(store.url) == before)
        #expect(try Shell.cairn(["check"], store: store.url).status == 0)
    }

    @Test(.enabled(if: mountable)) func a_read_only_store_says_so_and_ctrl_c_keeps_the_form_as_a_draft() throws {
        let tmp = TemporaryStore()
        #expect(try Shell.cairn(["add", "school", "--name", "Þingeyjarskóli"], store: tmp.url).status == 0)
        let view = tmp.root.appendingPathComponent("read-only")
        let bind = try Mount(["--bind", tmp.url.path], at: view)
        defer { withExtendedLifetime(bind) {} }
        let remount = try Shell.run("/usr/bin/env", ["mount", "-o", "remount,bind,ro", view.path])
        #expect(remount.status == 0, "\(remount.stderr)")
        let refused = try Shell.cairn(["add", "school", "--name", "Łódź"], store: view)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("read-only"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)

        // The screen: a banner from the first frame; a typed form survives Ctrl-C as a draft.
        let line = "\(Shell.quote(Shell.cairn)) --store \(Shell.quote(view.path)); echo EXITED; sleep 60"
        let tmux = try Tmux(width: 80, height: 24, environment: ["XDG_STATE_HOME": tmp.state.path], command: ["/bin/sh", "-c", line])
        try tmux.waitFor("READ-ONLY")
        try tmux.send("2")
        try tmux.send("a")
        try tmux.waitFor("New school")
        try tmux.type("Szkoła Podstawowa nr 3")
        try tmux.waitFor("Szkoła Podstawowa nr 3")
        try tmux.send("C-c")
        let after = try tmux.waitFor("EXITED")
        #expect(after.contains("is kept as a draft"), "\(after)")
        #expect(after.replacingOccurrences(of: "\n", with: "").contains(tmp.state.path + "/cairn/drafts/"), "\(after)")
        #expect(tmp.draftFiles().count == 1)
        #expect(try Shell.cairn(["check"], store: tmp.url).stdout.contains("1 school,"))
    }

    @Test func a_store_directory_that_vanished_is_said_in_one_line() throws {
        let store = TemporaryStore()
        #expect(try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako"], store: store.url).status == 0)
        let tmux = try Tmux.cairn(store: store.url)
        try FileManager.default.removeItem(at: store.url)
        try tmux.send("a")
        try tmux.waitFor("New cluster")
        try tmux.type("Rede de Óbidos")
        try tmux.send("Enter")
        try tmux.waitFor("Not saved:")
        #expect(try tmux.screen().contains("Rede de Óbidos"), "the form and its text stay")
        #expect(!FileManager.default.fileExists(atPath: store.url.appendingPathComponent("journal").path))
    }
}
