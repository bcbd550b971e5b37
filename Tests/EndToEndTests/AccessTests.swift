import Foundation
import Testing

/// Who an event names, and who may read and write what Cairn creates: real accounts (uids
/// without passwd entries, through `setpriv`), real umasks, a real setgid team folder.
@Suite(.serialized) struct AccessTests {
    static let asRoot = getuid() == 0 || ProcessInfo.processInfo.environment["CI"] == "true"

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func group(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.groupOwnerAccountID] as? Int)
    }

    /// Runs `cairn ARGS --store STORE` under `umask`, as `uid` (with `groups`) when given.
    func cairn(
        _ args: [String], store: URL, umask: String, uid: Int? = nil, groups: [Int] = [], state: URL
    ) throws -> Shell.Result {
        let command = ([Shell.cairn] + args + ["--store", store.path]).map(Shell.quote).joined(separator: " ")
        var line = "umask \(umask); exec \(command)"
        if let uid {
            let who =
                ["setpriv", "--reuid=\(uid)", "--regid=\(uid)"]
                + (groups.isEmpty ? ["--clear-groups"] : ["--groups=" + groups.map(String.init).joined(separator: ",")])
            line = "umask \(umask); exec " + who.joined(separator: " ") + " " + command
        }
        return try Shell.run("/bin/sh", ["-c", line], environment: ["LANG": "C.UTF-8", "XDG_STATE_HOME": state.path, "HOME": state.path])
    }

    @Test func under_umask_000_everything_in_a_personal_store_is_owner_only_and_no_temp_file_is_left() throws {
        let tmp = TemporaryStore()
        let added = try cairn(["add", "cluster", "--name", "Kāhui Ako"], store: tmp.url, umask: "000", state: tmp.state)
        #expect(added.status == 0, "\(added.stderr)")
        let report = tmp.root.appendingPathComponent("report.md")
        let wrote = try cairn(["report", "Kāhui Ako", "--output", report.path], store: tmp.url, umask: "000", state: tmp.state)
        #expect(wrote.status == 0, "\(wrote.stderr)")
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: tmp.url.path + "/journal").first)
        #expect(try mode(tmp.url.path) == 0o700)
        #expect(try mode(tmp.url.path + "/journal") == 0o700)
        #expect(try mode(tmp.url.path + "/journal/" + journal) == 0o600)
        #expect(try mode(report.path) == 0o600)
        // A draft, from a session whose link drops mid-form.
        let line = "umask 000; exec \(Shell.quote(Shell.cairn)) --store \(Shell.quote(tmp.url.path))"
        let tmux = try Tmux(width: 80, height: 24, environment: ["XDG_STATE_HOME": tmp.state.path], command: ["/bin/sh", "-c", line])
        try tmux.waitFor("Clusters (")
        try tmux.send("a")
        try tmux.waitFor("New cluster")
        try tmux.type("Rede de Óbidos")
        try tmux.waitFor("Rede de Óbidos")
        try tmux.hangUp()
        // Until the session has saved its draft and gone (no temp file may stay behind).
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let running = try Shell.run("/usr/bin/env", ["pgrep", "-f", tmp.url.path]).status == 0
            if !running, !tmp.draftFiles().isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let draft = try #require(tmp.draftFiles().first)
        let drafts = tmp.state.appendingPathComponent("cairn/drafts")
        #expect(try mode(drafts.appendingPathComponent(draft).path) == 0o600)
        #expect(try mode(drafts.appendingPathComponent(draft).deletingLastPathComponent().path) == 0o700)
        let everything = (FileManager.default.enumerator(atPath: tmp.root.path)?.allObjects as? [String]) ?? []
        #expect(everything.filter { $0.hasSuffix(".tmp") }.isEmpty, "\(everything)")
        #expect(try Shell.cairn(["check"], store: tmp.url).status == 0)
    }

    @Test func check_reports_a_store_that_others_can_write() throws {
        let tmp = TemporaryStore()
        #expect(try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako"], store: tmp.url).status == 0)
        chmod(tmp.url.path, 0o777)
        let check = try Shell.cairn(["check"], store: tmp.url)
        #expect(check.status != 0)
        #expect(check.stdout.contains("UNSAFE: \(tmp.url.path) can be written by anyone (mode 777): `chmod go-w"), "\(check.stdout)")
    }

    /// A personal store others can read (a folder opened up after Cairn made it, as a `git
    /// clone` makes one) fails the check with one line that gives the command closing it,
    /// and that command makes it sound.
    @Test func check_reports_a_personal_store_others_can_read_with_the_command_that_closes_it() throws {
        let tmp = TemporaryStore()
        #expect(try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako"], store: tmp.url).status == 0)
        let journal = try Shell.ownJournal(tmp.url)
        chmod(tmp.url.path, 0o755)
        chmod(tmp.url.appendingPathComponent("journal").path, 0o755)
        chmod(journal.path, 0o644)
        let check = try Shell.cairn(["check"], store: tmp.url)
        #expect(check.status == 1, "\(check.stdout)")
        let line = try #require(check.stdout.split(separator: "\n").first { $0.hasPrefix("EXPOSED: ") }, "\(check.stdout)")
        #expect(
            line
                == "EXPOSED: other accounts can read this personal store (its folder is 755, journal/ is 755, journal/\(journal.lastPathComponent) is 644): `chmod -R go-rwx \(tmp.url.path)`"
        )
        #expect(check.stdout.hasSuffix("store is readable by others: the EXPOSED line above says how to close it\n"), "\(check.stdout)")
        // Opening it again changes nothing: only a copy's first open closes it.
        #expect(try mode(tmp.url.path) == 0o755 && mode(journal.path) == 0o644)
        let command = try #require(line.split(separator: "`").dropFirst().first)
        #expect(try Shell.run("/bin/sh", ["-c", String(command)]).status == 0)
        let again = try Shell.cairn(["check"], store: tmp.url)
        #expect(again.status == 0 && again.stdout.hasSuffix("store is sound\n"), "\(again.stdout)")
        #expect(try mode(tmp.url.path) == 0o700 && mode(journal.path) == 0o600)
        // A folder others may only enter still lets them read what they can name.
        chmod(tmp.url.path, 0o711)
        #expect(try Shell.cairn(["check"], store: tmp.url).stdout.contains("(its folder is 711): `chmod -R go-rwx"))
    }

    /// A personal folder made by hand, open to all, is closed at the store's first open, and
    /// the person is told.
    @Test func the_first_open_of_a_store_closes_a_folder_others_could_read_and_says_so() throws {
        let tmp = TemporaryStore()
        try FileManager.default.createDirectory(at: tmp.url, withIntermediateDirectories: true)
        chmod(tmp.url.path, 0o755)
        let added = try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako"], store: tmp.url)
        #expect(added.status == 0)
        #expect(added.stderr.contains("\(tmp.url.path) could be read by other accounts"), "\(added.stderr)")
        #expect(try mode(tmp.url.path) == 0o700)
        #expect(try Shell.cairn(["check"], store: tmp.url).status == 0)
    }

    @Test(.enabled(if: asRoot)) func an_account_without_a_passwd_entry_is_recorded_by_its_uid_never_by_user() throws {
        let tmp = TemporaryStore()
        try FileManager.default.createDirectory(at: tmp.state, withIntermediateDirectories: true)
        chown(tmp.root.path, 4242, 4242)
        chown(tmp.state.path, 4242, 4242)
        let added = try Shell.run(
            "/bin/sh",
            [
                "-c",
                "exec setpriv --reuid=4242 --regid=4242 --clear-groups \(Shell.quote(Shell.cairn)) add cluster --name Łódź --store \(Shell.quote(tmp.url.path))",
            ],
            environment: ["LANG": "C.UTF-8", "USER": "mallory", "XDG_STATE_HOME": tmp.state.path, "HOME": tmp.state.path])
        #expect(added.status == 0, "\(added.stderr)")
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: tmp.url.path + "/journal").first)
        let line = try String(contentsOfFile: tmp.url.path + "/journal/" + journal, encoding: .utf8)
        #expect(line.contains("\"by\":\"uid:4242\""), "\(line)")
        #expect(!line.contains("mallory"))
    }

    @Test(.enabled(if: asRoot)) func a_team_store_is_shared_by_its_group_whatever_each_members_umask_and_closed_to_others() throws {
        let tmp = TemporaryStore()
        let team = 4300
        try FileManager.default.createDirectory(at: tmp.url, withIntermediateDirectories: true)
        chown(tmp.url.path, 0, gid_t(team))
        chmod(tmp.url.path, 0o2770)
        var states: [Int: URL] = [:]
        for uid in [4201, 4202, 4203] {
            let state = tmp.root.appendingPathComponent("state-\(uid)")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            chown(state.path, uid_t(uid), gid_t(uid))
            states[uid] = state
        }
        // Ana (umask 077) starts the journal; Ben (umask 022) appends to it.
        let ana = try cairn(
            ["add", "cluster", "--name", "Kāhui Ako"], store: tmp.url, umask: "077", uid: 4201, groups: [team], state: states[4201]!)
        #expect(ana.status == 0, "\(ana.stderr)")
        let ben = try cairn(
            ["add", "school", "--name", "Þingeyjarskóli", "--cluster", "Kāhui Ako"], store: tmp.url, umask: "022", uid: 4202,
            groups: [team],
            state: states[4202]!)
        #expect(ben.status == 0, "\(ben.stderr)")
        let journalDir = tmp.url.path + "/journal"
        let files = try FileManager.default.contentsOfDirectory(atPath: journalDir)
        #expect(files.count == 1, "one journal for the server, appended by both: \(files)")
        let journal = journalDir + "/" + (files.first ?? "")
        #expect(try mode(journal) == 0o660)
        #expect(try group(journal) == team)
        #expect(try mode(journalDir) == 0o2770)
        #expect(try group(journalDir) == team)
        let lines = try String(contentsOfFile: journal, encoding: .utf8)
        #expect(lines.contains("\"by\":\"uid:4201\"") && lines.contains("\"by\":\"uid:4202\""))
        // Carla is not in the team: she can neither read nor write, and is told so in one line.
        let carla = try cairn(["list", "schools"], store: tmp.url, umask: "022", uid: 4203, state: states[4203]!)
        #expect(carla.status != 0)
        #expect(carla.stderr.contains("Permission denied") || carla.stderr.contains("may not"), "\(carla.stderr)")
        #expect(carla.stderr.split(separator: "\n").count == 1, "\(carla.stderr)")
        let check = try cairn(["check"], store: tmp.url, umask: "022", uid: 4202, groups: [team], state: states[4202]!)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Its group may read it; others may not, and check says how to close it to them.
        chmod(journal, 0o664)
        let open = try cairn(["check"], store: tmp.url, umask: "022", uid: 4202, groups: [team], state: states[4202]!)
        #expect(open.status == 1, "\(open.stdout)")
        #expect(
            open.stdout.contains(
                "EXPOSED: accounts outside its group can read this team store (journal/\(files.first ?? "") is 664): `chmod -R o-rwx \(tmp.url.path)`"
            ), "\(open.stdout)")
    }
}
