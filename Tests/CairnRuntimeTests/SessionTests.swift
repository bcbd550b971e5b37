import CairnApp
import CairnCore
import CairnStore
import Foundation
import TermUI
import Testing

@testable import CairnRuntime

/// Keys through the real loop and the real interpreter, over a store on disk: what the person
/// sees in the frame and what is written in the journal.
@MainActor
@Suite struct SessionTests {
    @Test func space_on_a_checkpoint_then_evidence_and_enter_writes_the_tick_to_the_journal() throws {
        let folder = try TemporaryStore()
        let s = try TestSession(folder)
        #expect(s.screen.contains("Agrupamento de Escolas"))
        s.press(.char("4"), .char(" "))
        #expect(s.screen.contains("Tick off “Reunião trimestral”"))
        s.type("Acta n.º 3")
        // Typed, not saved: the form is kept as this session's draft, and nothing is written.
        #expect(folder.draftFiles().count == 1)
        #expect(try folder.onDisk().checkpoints["chk-1"]?.doneOn == nil)
        s.press(.enter)
        #expect(!s.screen.contains("Tick off"))
        #expect(s.status?.hasPrefix("Ticked") == true, "status: \(s.status ?? "none")")
        let ticked = try #require(try folder.onDisk().checkpoints["chk-1"])
        #expect(ticked.doneOn == Fixture.today)
        #expect(ticked.evidence == "Acta n.º 3")
        #expect(ticked.doneBy == "ana")
        let last = try #require(try folder.journalLines().last)
        #expect(last.contains("chk-1") && last.contains("Acta n.º 3"))
        // The saved form's draft went in the same step as its commit.
        #expect(folder.draftFiles().isEmpty)
    }

    @Test func u_undoes_the_tick_on_disk_too() throws {
        let folder = try TemporaryStore()
        let s = try TestSession(folder)
        s.press(.char("4"), .char(" "))
        s.type("notes")
        s.press(.enter)
        #expect(try folder.onDisk().checkpoints["chk-1"]?.doneOn == Fixture.today)
        let lines = try folder.journalLines().count
        s.press(.char("u"))
        #expect(try folder.journalLines().count == lines + 1)
        #expect(try folder.onDisk().checkpoints["chk-1"]?.doneOn == nil)
        #expect(s.status?.contains("Undone") == true, "status: \(s.status ?? "none")")
    }

    @Test func a_terminal_made_too_small_shows_only_the_notice_and_the_screen_comes_back_whole() throws {
        let folder = try TemporaryStore()
        let s = try TestSession(folder)
        s.press(.char("4"))
        let before = s.screen
        s.terminal.resize(width: 60, height: 15)
        s.run()
        let small = try #require(s.terminal.screen)
        #expect(small.width == 60 && small.height == 15)
        #expect(small.text.contains("Terminal too small: 60×15"))
        #expect(!small.text.contains("Reunião"))
        // Keys that would act on what cannot be seen do nothing meanwhile.
        s.press(.char(" "))
        #expect(!s.screen.contains("Tick off"))
        s.terminal.resize(width: 80, height: 24)
        s.run()
        #expect(s.screen == before)
    }

    @Test func ctrl_c_in_a_form_quits_keeping_it_as_a_draft_that_the_next_session_offers_back() throws {
        let folder = try TemporaryStore()
        let first = try TestSession(folder)
        first.press(.char("4"), .char(" "))
        first.type("half written")
        let farewell = try #require(first.press(.ctrl("c"))?.farewell)
        #expect(farewell.contains("is kept as a draft"))
        #expect(folder.draftFiles().count == 1)
        let second = try TestSession(folder)
        #expect(second.screen.contains("Restore “Tick off “Reunião trimestral”” that was not saved"))
        second.press(.char("y"))
        #expect(second.screen.contains("half written"))
        // Declined or restored, the left draft is gone from its file.
        #expect(folder.draftFiles().count == 1)
    }

    @Test func a_hang_up_ends_the_session_with_the_open_form_kept() throws {
        let folder = try TemporaryStore()
        let s = try TestSession(folder)
        s.press(.char("4"), .char(" "))
        s.terminal.type("typed before the link dropped")
        s.terminal.hangUp()
        #expect(s.run() == .hungUp)
        let draft = try #require(folder.draftFiles().first)
        let text = try String(contentsOf: folder.draftsRoot.appendingPathComponent(draft), encoding: .utf8)
        #expect(text.contains("typed before the link dropped"))
        #expect(try folder.onDisk().checkpoints["chk-1"]?.doneOn == nil)
    }

    @Test func q_on_home_quits_without_a_farewell() throws {
        let s = try TestSession(try TemporaryStore())
        #expect(s.press(.char("q")) == .quit(farewell: nil))
    }

    @Test func another_sessions_change_shows_once_the_loop_looks_for_changes() throws {
        let folder = try TemporaryStore()
        let s = try TestSession(folder)
        s.press(.char("4"))
        let other = try folder.open()
        try other.perform(
            .tick(checkpoint: "chk-1", evidence: "by the other", on: Fixture.today), by: Author(user: "ben", today: Fixture.today))
        s.session.lookForChanges()
        s.run()
        #expect(s.session.app.world.checkpoints["chk-1"]?.doneBy == "ben")
    }
}

extension Session.Ending {
    /// What the session says once the terminal is restored, when it quit.
    var farewell: String? {
        if case .quit(let farewell) = self { return farewell }
        return nil
    }
}
