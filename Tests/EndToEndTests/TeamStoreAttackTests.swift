import Foundation
import Testing

/// Members of a team store trust each other with the record, never with their accounts: one
/// who swaps a journal or `reports/` for a link must not get Cairn, run by a colleague, to write
/// into that colleague's files. Real accounts (`useradd`), a real setgid team folder, `setpriv`.
@Suite(.serialized) struct TeamStoreAttackTests {
    static let asRoot = getuid() == 0

    /// Two real accounts in one team, removed again when the test ends.
    final class Team {
        let group: String
        let ana: String
        let ben: String
        let homes: URL

        init(root: URL) throws {
            let tag = String(UInt32.random(in: 0..<UInt32.max), radix: 36)
            group = "cairnt\(tag)"
            ana = "cana\(tag)"
            ben = "cben\(tag)"
            homes = root.appendingPathComponent("homes")
            try FileManager.default.createDirectory(at: homes, withIntermediateDirectories: true)
            try Team.must("groupadd", [group])
            for name in [ana, ben] {
                try Team.must(
                    "useradd", ["--create-home", "--home-dir", homes.appendingPathComponent(name).path, "--user-group", "-G", group, name])
            }
        }

        deinit {
            for name in [ana, ben] { _ = try? Shell.run("/usr/bin/env", ["userdel", "--remove", name]) }
            _ = try? Shell.run("/usr/bin/env", ["groupdel", group])
        }

        static func must(_ tool: String, _ args: [String]) throws {
            let done = try Shell.run("/usr/bin/env", [tool] + args)
            if done.status != 0 { throw E2EError("\(tool) failed: \(done.stderr)") }
        }

        func home(_ name: String) -> URL { homes.appendingPathComponent(name) }

        /// A shell line run as `name` (with the team among its groups), in its own home.
        func run(_ name: String, _ line: String) throws -> Shell.Result {
            try Shell.run(
                "/usr/bin/env",
                ["setpriv", "--reuid=\(name)", "--regid=\(name)", "--init-groups", "/bin/sh", "-c", "umask 077; " + line],
                environment: [
                    "LANG": "C.UTF-8", "HOME": home(name).path, "XDG_STATE_HOME": home(name).appendingPathComponent(".state").path,
                ])
        }

        func cairn(_ name: String, _ args: [String], store: URL) throws -> Shell.Result {
            try run(name, ([Shell.cairn] + args + ["--store", store.path]).map(Shell.quote).joined(separator: " "))
        }
    }

    func teamStore(_ tmp: TemporaryStore, _ team: Team) throws {
        try FileManager.default.createDirectory(at: tmp.url, withIntermediateDirectories: true)
        try Team.must("chgrp", [team.group, tmp.url.path])
        chmod(tmp.url.path, 0o2770)
    }

    @Test(.enabled(if: asRoot || ProcessInfo.processInfo.environment["CI"] == "true"))
    func a_member_who_links_the_journal_to_a_colleagues_bashrc_gets_nothing_written_there() throws {
        let tmp = TemporaryStore()
        let team = try Team(root: tmp.root)
        try teamStore(tmp, team)
        let made = try team.cairn(team.ana, ["add", "school", "--name", "Þingeyjarskóli"], store: tmp.url)
        #expect(made.status == 0, "\(made.stderr)")
        let journal = try Shell.ownJournal(tmp.url)
        // Ana's .bashrc, whose last line has no line break (a torn tail to a careless reader).
        let bashrc = team.home(team.ana).appendingPathComponent(".bashrc")
        let before = Data("alias ll='ls -l'\necho ana".utf8)
        try #require(try team.run(team.ana, "printf %s \(Shell.quote(String(decoding: before, as: UTF8.self))) > ~/.bashrc").status == 0)
        // Ben, a member, swaps the journal for a link to it and sets a school's notes to a command.
        let swap = try team.run(
            team.ben,
            "mv \(Shell.quote(journal.path)) \(Shell.quote(journal.path + ".kept")) && ln -s \(Shell.quote(bashrc.path)) \(Shell.quote(journal.path))"
        )
        try #require(swap.status == 0, "\(swap.stderr)")

        let delete = try team.cairn(team.ana, ["delete", "Þingeyjarskóli"], store: tmp.url)
        #expect(delete.status != 0)
        #expect(delete.stderr.contains("\(journal.path) is a link"), "\(delete.stderr)")
        #expect(delete.stderr.split(separator: "\n").count == 1, "\(delete.stderr)")
        let add = try team.cairn(team.ana, ["add", "cluster", "--name", "Kāhui Ako"], store: tmp.url)
        #expect(add.status != 0)
        #expect(try Data(contentsOf: bashrc) == before, "Ana's .bashrc is as she left it, last line and all")

        let check = try team.cairn(team.ana, ["check"], store: tmp.url)
        #expect(check.status != 0)
        #expect(check.stderr.contains("\(journal.path) is a link (to \(bashrc.path))"), "\(check.stderr)")
    }

    /// Git runs no repository another account owns (its settings could run commands as you):
    /// a team store syncs through the member who owns it, and the others are told whose it is.
    @Test(.enabled(if: asRoot || ProcessInfo.processInfo.environment["CI"] == "true"))
    func only_the_member_who_owns_a_team_store_syncs_it_and_the_others_are_told_whose_it_is() throws {
        let tmp = TemporaryStore()
        let team = try Team(root: tmp.root)
        try teamStore(tmp, team)
        let hub = team.home(team.ana).appendingPathComponent("hub.git")
        try #require(try team.run(team.ana, "git init --quiet --bare \(Shell.quote(hub.path))").status == 0)
        try #require(try team.cairn(team.ana, ["add", "school", "--name", "Þingeyjarskóli"], store: tmp.url).status == 0)

        // The folder as the README makes it belongs to root: git refuses it, and nothing is left set.
        let refused = try team.cairn(team.ana, ["sync", "--init", hub.path], store: tmp.url)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("git refuses this store: \(tmp.url.path) belongs to root"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp.url.appendingPathComponent(".git").path), "no repository is left behind")

        try Team.must("chown", [team.ana, tmp.url.path])
        let shared = try team.cairn(team.ana, ["sync", "--init", hub.path], store: tmp.url)
        #expect(shared.status == 0, "\(shared.stderr)")
        try #require(try team.cairn(team.ben, ["add", "school", "--name", "Escola de Óbidos"], store: tmp.url).status == 0)
        let ben = try team.cairn(team.ben, ["sync"], store: tmp.url)
        #expect(ben.status != 0)
        #expect(ben.stderr.contains("belongs to \(team.ana)"), "\(ben.stderr)")
        #expect(ben.stderr.contains("its owner syncs it for everyone"))
        let ana = try team.cairn(team.ana, ["sync"], store: tmp.url)
        #expect(ana.status == 0, "\(ana.stderr)")
        let onHub = try team.run(team.ana, "git --git-dir=\(Shell.quote(hub.path)) log -p --format=%s")
        #expect(onHub.stdout.contains("Escola de Óbidos"), "ana's sync sends ben's change too")
    }

    @Test(.enabled(if: (asRoot || ProcessInfo.processInfo.environment["CI"] == "true") && Tmux.required))
    func a_reports_folder_linked_elsewhere_makes_c_refuse_and_write_nothing_there() throws {
        let tmp = TemporaryStore()
        let team = try Team(root: tmp.root)
        try teamStore(tmp, team)
        #expect(try team.cairn(team.ana, ["demo"], store: tmp.url).status == 0)
        // Ben points reports/ at a folder of Ana's, holding a calendar she keeps.
        let hers = team.home(team.ana).appendingPathComponent("calendars")
        try #require(try team.run(team.ana, "mkdir -p ~/calendars && printf 'mine' > ~/calendars/every-cluster.ics").status == 0)
        try #require(
            try team.run(team.ben, "ln -s \(Shell.quote(hers.path)) \(Shell.quote(tmp.url.appendingPathComponent("reports").path))").status
                == 0)

        let line = (["setpriv", "--reuid=\(team.ana)", "--regid=\(team.ana)", "--init-groups", Shell.cairn, "--store", tmp.url.path])
        let tmux = try Tmux(
            width: 100, height: 24,
            environment: ["HOME": team.home(team.ana).path, "XDG_STATE_HOME": team.home(team.ana).path + "/.state"],
            command: line)
        try tmux.waitFor("Clusters (")
        try tmux.send("c")
        try tmux.waitFor("is a link")
        #expect(try String(contentsOf: hers.appendingPathComponent("every-cluster.ics"), encoding: .utf8) == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: hers.path) == ["every-cluster.ics"])
        try tmux.send("q")

        let check = try team.cairn(team.ana, ["check"], store: tmp.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("LINK: \(tmp.url.path)/reports is a link (to \(hers.path))"), "\(check.stdout)")
    }
}
