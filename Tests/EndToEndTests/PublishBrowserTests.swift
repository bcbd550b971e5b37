import CairnCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The published site in a real headless browser (Chromium from Debian's packages, which
/// `.ci/run` installs; CI never skips these): every page loads without a console message,
/// every link and source names a file in the folder, and each page prints on A4 with no table
/// row cut across two pages.
@Suite(.serialized, .enabled(if: Browser.required, "chromium is not installed (outside CI the browser tests skip)"))
struct PublishBrowserTests {
    let gent = "Lokaal netwerk Gent tegen vroegtijdig schoolverlaten"

    /// The console messages Chromium logged while loading `page` (a script's error, a load the
    /// page's policy blocked, an uncaught exception), from its log on standard error.
    func consoleMessages(_ page: URL) throws -> [String] {
        let loaded = try Browser.run(["--enable-logging=stderr", "--v=0", "--dump-dom", "file://\(page.path)"])
        try #require(loaded.status == 0, "chromium failed on \(page.lastPathComponent): \(loaded.stderr)")
        try #require(loaded.stdout.contains("</html>"), "\(page.lastPathComponent) gave no document")
        return loaded.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
    }

    /// Every `href` and `src` of a written page, as an XML parser reads the file.
    func targets(of page: URL) throws -> [String] {
        let reader = TargetReader()
        let parser = XMLParser(data: try Data(contentsOf: page))
        parser.delegate = reader
        try #require(parser.parse(), "\(page.lastPathComponent) is not well-formed")
        return reader.targets
    }

    func pages(_ site: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.sorted()
            .map { site.appendingPathComponent($0) }
    }

    @Test func every_page_loads_without_a_console_message_and_every_link_resolves_in_the_folder() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        _ = try Shell.cairn(["add", "cluster", "--name", "<script>alert(1)</script> ../漢字 🎒", "--kind", "network"], store: store.url)
        let site = store.root.appendingPathComponent("site")
        let published = try Shell.cairn(["publish", site.path], store: store.url)
        try #require(published.status == 0, "\(published.stderr)")
        // The check finds what it looks for: a page with a failing script is caught.
        let control = store.root.appendingPathComponent("control.html")
        try Data("<!DOCTYPE html><html><body><script>throw new Error('control')</script></body></html>".utf8).write(to: control)
        #expect(try !consoleMessages(control).isEmpty, "the console check would miss an error")

        let written = Set(try FileManager.default.contentsOfDirectory(atPath: site.path))
        var reached: Set<String> = ["index.html"]
        let all = try pages(site)
        #expect(all.count == 10)
        for page in all {
            let messages = try consoleMessages(page)
            #expect(messages.isEmpty, "\(page.lastPathComponent): \(messages)")
            for target in try targets(of: page) {
                #expect(!target.contains(":") && !target.hasPrefix("/") && !target.contains(".."), "\(target) is not relative")
                #expect(written.contains(target), "\(page.lastPathComponent) links to \(target), which is not in the folder")
                reached.insert(target)
            }
        }
        #expect(written.subtracting(reached) == [".cairn-site"], "not linked from any page: \(written.subtracting(reached))")
    }

    /// Gent's page made long (rows that wrap over several lines in its actions, checkpoints and
    /// a goal's numbers), printed by Chromium and read back page by page with `pdftotext`: each
    /// row's first and last words are on one page. Every other page prints on A4.
    @Test(.enabled(if: Browser.pdfReader != nil || Browser.onCI, "pdftotext is not installed (apt-get install poppler-utils)"))
    func each_page_prints_on_a4_and_no_table_row_runs_over_two_pages() throws {
        func marker(_ kind: String, _ n: Int, _ end: String) -> String { "\(kind)\(n < 10 ? "0" : "")\(n)\(end)" }
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let words = Array(repeating: "huisbezoek spijbelen opvolging", count: 6).joined(separator: " ")
        let rows = 14
        let today = Day.today()
        for n in 1...rows {
            let action = try Shell.cairn(
                [
                    "add", "action", "--cluster", gent, "--goal", "Minder vroegtijdige schoolverlaters", "--responsible", "VDAB",
                    "--class", "intervention", "--description", "\(marker("ACT", n, "START")) \(words) \(marker("ACT", n, "END"))",
                ], store: store.url)
            try #require(action.status == 0, "\(action.stderr)")
            let checkpoint = try Shell.cairn(
                [
                    "add", "checkpoint", "--cluster", gent, "--due", "\(today.adding(days: 20 + n))",
                    "--title", "\(marker("CHK", n, "START")) \(words) \(marker("CHK", n, "END"))",
                ], store: store.url)
            try #require(checkpoint.status == 0, "\(checkpoint.stderr)")
            let measured = try Shell.cairn(
                [
                    "measure", "Minder vroegtijdige schoolverlaters", "--value", "\(12 - Double(n) / 10)", "--date",
                    "\(today.adding(days: -7 * n))", "--source", "\(marker("MEA", n, "START")) \(words) \(marker("MEA", n, "END"))",
                ], store: store.url)
            try #require(measured.status == 0, "\(measured.stderr)")
        }
        let site = store.root.appendingPathComponent("site")
        let published = try Shell.cairn(["publish", site.path], store: store.url)
        try #require(published.status == 0, "\(published.stderr)")
        var gentPages: [String] = []
        for page in try pages(site) {
            let pdf = store.root.appendingPathComponent(page.deletingPathExtension().lastPathComponent + ".pdf")
            _ = try Browser.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", "file://\(page.path)"])
            let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
            #expect(text.hasPrefix("%PDF"), "\(page.lastPathComponent) did not print")
            #expect(text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594"), "\(page.lastPathComponent) is not A4")
            if page.lastPathComponent.hasPrefix("lokaal-netwerk-gent-") { gentPages = try Browser.pages(of: pdf) }
        }
        #expect(gentPages.count > 4, "the long page should run over several sheets")
        for kind in ["ACT", "CHK", "MEA"] {
            for n in 1...rows {
                let start = gentPages.firstIndex { $0.contains(marker(kind, n, "START")) }
                let end = gentPages.firstIndex { $0.contains(marker(kind, n, "END")) }
                #expect(
                    start != nil && start == end,
                    "\(kind) row \(n) runs from sheet \(String(describing: start)) to \(String(describing: end))")
            }
        }
    }
}

/// Collects the `href` and `src` attributes of a page.
final class TargetReader: NSObject, XMLParserDelegate {
    var targets: [String] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        targets += [attributes["href"], attributes["src"]].compactMap { $0 }
    }
}
