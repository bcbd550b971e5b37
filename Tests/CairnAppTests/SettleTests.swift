import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// `settle`, the screen tests' stand-in for the run loop, lets no effect pass unseen.
@Suite struct SettleTests {
    @Test func an_effect_the_test_did_not_name_fails_it() {
        var app = Fixture.app()
        let effects = app.press(.char("S"))
        withKnownIssue { app.settle(effects) }
        app.settle(effects, expecting: [.sync])
    }

    @Test func an_expected_effect_never_asked_for_fails_it() {
        var app = Fixture.app()
        let effects = app.press(.char("j"))
        withKnownIssue { app.settle(effects, expecting: [.sync]) }
    }

    @Test func a_draft_that_is_not_the_open_form_fails_it() throws {
        var app = Fixture.app()
        app.press(.char("4"), .char(" "))
        let typed = app.type("acta")
        let form = try #require(app.topForm)
        withKnownIssue { app.settle(typed + [.clearDraft]) }
        app.settle(typed + [.clearDraft, .saveDraft(form)])
    }

    @Test func a_commit_is_carried_out_and_its_reply_delivered() throws {
        var app = Fixture.app()
        app.press(.char("4"), .char(" "))
        app.type("acta")
        app.settle(app.press(.enter))
        #expect(app.world.checkpoints["chk-1"]?.evidence == "acta")
        #expect(app.topForm == nil)
    }
}
