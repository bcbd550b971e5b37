import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// `u`, `?`, `q` and Ctrl-C are declared once (`SharedKeys`) and mean the same on every screen
/// that takes them.
@Suite struct SharedKeysTests {
    static let shared = [SharedKey.undo, SharedKey.help, SharedKey.back, SharedKey.quit]

    /// The keys a screen lists itself, without those merged in.
    static func own(_ screen: some Screen, _ env: AppEnvironment) -> [[Key]] {
        (screen.bindings(env) + screen.laterBindings(env) + screen.trailingBindings(env)).map(\.keys)
    }

    static func sharedTaken(_ screen: some Screen, _ env: AppEnvironment) -> [Key] {
        let keys = screen.shared(env)
        return (keys.undoBindings + keys.helpAndBackBindings).filter(\.enabled).flatMap(\.keys)
    }

    @Test func no_screen_binds_a_shared_key_itself() {
        for (name, app) in BindingWalkTests.states() {
            let own = Self.own(app.top.screen, app.env).joined()
            for key in Self.shared { #expect(!own.contains(key), "\(name) binds \(key) itself") }
        }
    }

    @Test func question_mark_opens_the_screens_keys_ending_with_ctrl_c() throws {
        var opened = 0
        for (name, var app) in BindingWalkTests.states() where Self.sharedTaken(app.top.screen, app.env).contains(SharedKey.help) {
            app.press(SharedKey.help)
            let help = try #require(app.top.screen as? HelpScreen, "\(name): ? opened no help")
            #expect(help.lines.last?.keys == "Ctrl-C", "\(name)")
            opened += 1
        }
        #expect(opened >= 15)
    }

    @Test func q_goes_back_one_screen_everywhere_but_home_where_it_quits() {
        var went = 0
        for (name, var app) in BindingWalkTests.states() where Self.sharedTaken(app.top.screen, app.env).contains(SharedKey.back) {
            let depth = app.stack.count
            app.press(SharedKey.back)
            if depth == 1 {
                #expect(app.quitRequested, "\(name)")
            } else {
                #expect(app.stack.count < depth && !app.quitRequested, "\(name)")
                went += 1
            }
        }
        #expect(went >= 10)
    }

    @Test func u_undoes_on_every_screen_that_takes_it() {
        var undone = 0
        for (name, var app) in BindingWalkTests.states() where Self.sharedTaken(app.top.screen, app.env).contains(SharedKey.undo) {
            app.press(SharedKey.undo)
            #expect(app.status?.text == "Nothing to undo in this session", "\(name)")
            undone += 1
        }
        #expect(undone >= 10)
    }
}
