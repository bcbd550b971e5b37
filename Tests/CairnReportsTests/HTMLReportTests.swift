import CairnCore
import CairnStore
import Foundation
import Testing

@testable import CairnReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects what an XML parser sees of a page: its section ids, and whether it found errors.
final class PageReader: NSObject, XMLParserDelegate {
    var sections: [String] = []
    var elements: Set<String> = []
    var text = ""
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        elements.insert(name)
        if name == "section", let id = attributes["id"] { sections.append(id) }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

@Suite struct HTMLReportTests {
    let today = Day(iso: "2026-11-22")!

    func read(_ html: String) -> (Bool, PageReader) {
        let reader = PageReader()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = reader
        return (parser.parse(), reader)
    }

    @Test func a_cluster_page_is_well_formed_self_contained_and_has_every_section() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        var gent = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        gent.purpose = "Fewer early leavers <& more> \"diplomas\""
        w.apply(.put(.cluster(gent)))
        let html = HTMLReport.cluster(gent.id, world: w, today: today)
        let (ok, page) = read(html)
        #expect(ok)
        #expect(page.sections == ["members", "goals", "actions", "agreement", "coming", "checkpoints", "gaps", "health", "coverage"])
        #expect(page.text.contains("Fewer early leavers <& more> \"diplomas\""))
        #expect(page.elements.contains("svg"))
        #expect(!page.elements.contains("script") && !page.elements.contains("link") && !page.elements.contains("img"))
        let outside = html.replacingOccurrences(of: "http://www.w3.org/1999/xhtml", with: "").replacingOccurrences(
            of: "http://www.w3.org/2000/svg", with: "")
        #expect(!outside.contains("http://") && !outside.contains("https://"))  // nothing fetched: only namespace names
        #expect(html.contains("@page { size: A4"))
    }

    @Test func hostile_names_leave_the_page_well_formed_and_the_markdown_without_html() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        var gent = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        gent.name = "Gent <script>alert(1)</script> & \u{1B}]0;x\u{07} \u{202E}evil \u{FFFF}\u{0}"
        gent.notes = "<img src=x onerror=alert(1)>"
        w.apply(.put(.cluster(gent)))
        let html = HTMLReport.cluster(gent.id, world: w, today: today)
        let (ok, page) = read(html)
        #expect(ok, "not well-formed XHTML")
        #expect(!page.elements.contains("script") && !page.elements.contains("img"))
        #expect(page.text.contains("Gent <script>alert(1)</script> & \\e]0;x\\u{7} \\u{202E}evil"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0.value != 0x0A || $0.value == 0xFFFF || $0.value == 0x202E })
        let markdown = MarkdownReport.cluster(gent.id, world: w, today: today)
        #expect(markdown.contains("# Gent &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\\\e\\]0;x"))
        #expect(!markdown.contains("<script>") && !markdown.contains("<img"))
        #expect(!markdown.unicodeScalars.contains { $0.value < 0x20 && $0.value != 0x0A })
    }

    @Test func a_region_page_lists_its_clusters() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        let (ok, page) = read(HTMLReport.region("Oost-Vlaanderen", world: w, today: today))
        #expect(ok)
        #expect(page.text.contains("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten"))
    }
}
