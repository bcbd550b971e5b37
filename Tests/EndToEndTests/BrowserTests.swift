import Foundation
import Testing

/// The HTML report as a person sees it: rendered by a real headless browser to a PNG, and
/// printed to PDF on A4. Chromium comes from Debian's packages (`.ci/run` installs it); outside
/// CI these skip when it is missing.
@Suite(.serialized, .enabled(if: Browser.required, "chromium is not installed (outside CI the browser tests skip)"))
struct BrowserTests {
    @Test func the_html_report_renders_and_prints_on_a4() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let html = store.root.appendingPathComponent("report.html")
        let written = try Shell.cairn(
            ["report", "Tees Valley Learning Trust", "--format", "html", "--output", html.path], store: store.url)
        #expect(written.status == 0, "\(written.stderr)")
        let png = store.root.appendingPathComponent("report.png")
        let pdf = store.root.appendingPathComponent("report.pdf")
        _ = try Browser.run(["--screenshot=\(png.path)", "--window-size=900,1300", "file://\(html.path)"])
        _ = try Browser.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", "file://\(html.path)"])
        let image = try Data(contentsOf: png)
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))  // a PNG
        #expect(image.count > 20_000, "the page rendered nearly empty")
        let document = try Data(contentsOf: pdf)
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.hasPrefix("%PDF"))
        #expect(text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594"), "not A4 (595 × 842 points)")
    }

    /// The plan printed to PDF by a real browser, read back page by page with poppler's
    /// `pdftotext`: each step starts a page, and no row of a table runs over two pages, even
    /// with actions long enough to fill several pages.
    @Test(.enabled(if: Browser.pdfReader != nil || Browser.onCI, "pdftotext is not installed (apt-get install poppler-utils)"))
    func the_html_plan_prints_each_step_on_a_new_page_and_never_splits_a_row() throws {
        // Row 1's marker must not be found in row 10's: "ROW01START".
        func marker(_ n: Int, _ end: String) -> String { "ROW\(n < 10 ? "0" : "")\(n)\(end)" }
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let gent = "Lokaal netwerk Gent tegen vroegtijdig schoolverlaten"
        let rows = 24
        for n in 1...rows {
            // Long enough to wrap over several lines of its cell, so that a split row would show.
            let words = Array(repeating: "huisbezoek spijbelen opvolging", count: 8).joined(separator: " ")
            let added = try Shell.cairn(
                [
                    "add", "action", "--cluster", gent, "--goal", "Minder vroegtijdige schoolverlaters", "--responsible", "VDAB",
                    "--class", "intervention", "--description", "\(marker(n, "START")) \(words) \(marker(n, "END"))",
                ], store: store.url)
            try #require(added.status == 0, "\(added.stderr)")
        }
        let html = store.root.appendingPathComponent("plan.html")
        let written = try Shell.cairn(["plan", gent, "--format", "html", "--output", html.path], store: store.url)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("plan written to \(html.path)"))
        let pdf = store.root.appendingPathComponent("plan.pdf")
        let png = store.root.appendingPathComponent("plan.png")
        _ = try Browser.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", "file://\(html.path)"])
        _ = try Browser.run(["--screenshot=\(png.path)", "--window-size=900,1300", "file://\(html.path)"])
        #expect(try Data(contentsOf: png).count > 20_000, "the page rendered nearly empty")
        let pages = try Browser.pages(of: pdf)
        let steps = ["Step 1 · Stakeholders", "Step 2 · Goals", "Step 3 · Actions", "Step 4 · Monitoring agreement", "Still missing"]
        var starts: [Int] = []
        for step in steps {
            let page = try #require(pages.firstIndex { $0.contains(step) }, "\(step) is on no page")
            starts.append(page)
            if step != steps[0] {
                let first = pages[page].split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                #expect(first?.trimmingCharacters(in: .whitespaces) == step, "\(step) does not start page \(page + 1)")
            }
        }
        #expect(starts == starts.sorted() && Set(starts).count == steps.count, "steps share a page: \(starts)")
        #expect(pages.count > steps.count, "the actions should run over more than one page")
        for n in 1...rows {
            let start = pages.firstIndex { $0.contains(marker(n, "START")) }
            let end = pages.firstIndex { $0.contains(marker(n, "END")) }
            #expect(start != nil && start == end, "row \(n) runs from page \(String(describing: start)) to \(String(describing: end))")
        }
    }
}

enum Browser {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let onCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let required = path != nil || onCI
    static let pdfReader = ["/usr/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The text of each page of a PDF, in reading order.
    static func pages(of pdf: URL) throws -> [String] {
        guard let pdfReader else { throw E2EError("pdftotext is not installed (apt-get install poppler-utils)") }
        let read = try Shell.run(pdfReader, ["-enc", "UTF-8", pdf.path, "-"])
        guard read.status == 0 else { throw E2EError("pdftotext could not read \(pdf.path): \(read.stderr)") }
        // pdftotext ends each page with a form feed.
        var pages = read.stdout.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    static func run(_ args: [String]) throws -> Shell.Result {
        guard let path else { throw E2EError("chromium is not installed (apt-get install chromium)") }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        return try Shell.run(
            path, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(home.path)"] + args, environment: env)
    }
}
