import Foundation
import Testing

/// A journal cut under a running terminal session is said on screen, not reloaded silently.
@Suite(.serialized) struct ChangedUnderJourneyTests {
    @Test(.enabled(if: Tmux.required)) func a_journal_cut_under_a_running_session_is_said_on_screen() throws {
        let tmp = TemporaryStore()
        #expect(try Shell.cairn(["demo"], store: tmp.url).status == 0)
        for name in ["Þingeyjarskóli", "Łódź 12", "São João"] {
            #expect(try Shell.cairn(["add", "school", "--name", name], store: tmp.url).status == 0)
        }
        let tmux = try Tmux.cairn(store: tmp.url, ready: "Schools (27)")
        let journal = try Shell.ownJournal(tmp.url)
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        try Data((lines.dropLast(2).joined(separator: "\n") + "\n").utf8).write(to: journal)
        let screen = try tmux.waitFor("shrank from")
        #expect(screen.contains("Schools (25)"), "\(screen)")
        #expect(screen.contains("journal/\(journal.lastPathComponent)"), "\(screen)")
        try tmux.send("q")
    }
}
