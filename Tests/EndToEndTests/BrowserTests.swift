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
}

enum Browser {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = path != nil || ProcessInfo.processInfo.environment["CI"] == "true"

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
