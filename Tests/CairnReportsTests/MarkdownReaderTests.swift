import CairnCore
import Foundation
import Testing

@testable import CairnReports

/// The Markdown report read by two real Markdown processors: GitHub's cmark-gfm (its tables,
/// autolinks and strikethrough on) and Python-Markdown (Debian's python3-markdown, with
/// tables), both installed by `.ci/run`. Data holding Markdown and HTML must render as its
/// own text: the HTML holds only the tags a report without it holds.
@Suite(.enabled(if: MarkdownReaders.required)) struct MarkdownReaderTests {
    let today = Day(iso: "2026-11-22")!

    /// Each tries another way into the page: a link, an image, an autolink, a bare address,
    /// HTML, emphasis, code, headings, lists, quotes, a table of its own, a setext heading,
    /// an indented block, a reference definition, entities and a control character.
    static let hostile = [
        "[x](javascript:alert(1)) and [y][r]", "![](http://e.com/a.png)", "<http://e.com/auto>", "see http://evil.com/x or WWW.evil.com",
        "<script>alert(1)</script><img src=x onerror=alert(1)>", "*em* _em_ **strong** __strong__ ~~del~~ ~del~ `code`",
        "# heading\n## second\n- item\n+ item\n* item\n1. one\n2) two\n> quote\n    indented\n\n\tcode\n===\n---\n***\n___",
        "| a | b |\n| --- | --- |\n| c | d |", "[r]: http://e.com/ref", "&lt;b&gt; &amp; &copy; &#x41; \\*not em\\*",
        "Evil\u{1B}]0;pwned\u{07} \u{202E}txt", "{#id .class} <!-- comment --> :smile:",
    ]

    func world(_ text: (Int) -> String) -> (World, String) {
        var w = World()
        let c = "clu-1"
        w.apply([
            .put(
                .cluster(
                    Cluster(
                        id: c, name: text(0), region: "Region " + text(1), purpose: text(2), leadershipModel: text(3),
                        fundingSource: text(4),
                        fundingEndsOn: today.adding(days: 30)))),
            .put(.school(School(id: "sch-1", name: text(5)))),
            .put(
                .membership(
                    Membership(id: "mem-1", cluster: c, memberType: .school, memberId: "sch-1", role: text(6), responsibilities: text(7)))),
            .put(
                .goal(
                    Goal(
                        id: "gol-1", cluster: c, statement: text(8), indicator: text(9), unit: "%", target: 90,
                        deadline: today.adding(days: 300)))),
            .put(
                .action(
                    Action(id: "act-1", cluster: c, description: text(10), goal: "gol-1", responsible: "mem-1", due: today.adding(days: 20))
                )),
            .put(.checkpoint(Checkpoint(id: "chk-1", cluster: c, title: text(11), due: today.adding(days: -3)))),
            .put(
                .checkpoint(
                    Checkpoint(
                        id: "chk-2", cluster: c, title: text(1), due: today.adding(days: -9), doneOn: today, doneBy: "ana",
                        evidence: text(2)))),
            .put(
                .agreement(
                    Agreement(
                        id: "agr-1", cluster: c, meetingsPerYear: 4, reporting: text(3), evaluation: text(4), periodStart: today,
                        periodEnd: today.adding(days: 365)))),
        ])
        return (w, c)
    }

    @Test func names_and_notes_render_as_their_own_text_never_as_links_images_html_or_emphasis() throws {
        let (hostileWorld, id) = world { Self.hostile[$0 % Self.hostile.count] }
        let (plainWorld, _) = world { "plain text \($0)" }
        let cluster = MarkdownReport.cluster(id, world: hostileWorld, today: today)
        let region = MarkdownReport.region("Region", world: hostileWorld, today: today)
        let plain = try MarkdownReaders.render(MarkdownReport.cluster(id, world: plainWorld, today: today), expecting: [])
        let plainRegion = try MarkdownReaders.render(MarkdownReport.region("Region", world: plainWorld, today: today), expecting: [])
        let shown = Self.hostile.map { Text.visible($0, keepLineBreaks: true) }
        for (markdown, same) in [(cluster, plain), (region, plainRegion)] {
            let read = try MarkdownReaders.render(markdown, expecting: markdown == cluster ? shown : [shown[0]])
            for (reader, page) in read {
                #expect(page.missing.isEmpty, "\(reader) does not show: \(page.missing)")
                let tags = page.tags.filter { $0 != "br" }
                #expect(!tags.contains("a") && !tags.contains("img") && !tags.contains("script"), "\(reader): \(tags)")
                #expect(tags == same[reader]?.tags.filter { $0 != "br" }, "\(reader): the data made markup\n\(markdown)")
            }
        }
    }
}

/// Runs the two Markdown processors through Python, which also reads their HTML back.
enum MarkdownReaders {
    static let python = "/usr/bin/python3"
    static let installed =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark-gfm")
        && (try? run(["-c", "import markdown"], input: Data()).status) == 0
    static let required = installed || ProcessInfo.processInfo.environment["CI"] == "true"

    struct Page {
        /// Every element, in order.
        var tags: [String]
        /// The texts expected that the page's text (its whitespace made single spaces) lacks.
        var missing: [String]
    }

    static let script = """
        import html.parser, json, subprocess, sys, markdown
        doc = json.load(sys.stdin)
        class Page(html.parser.HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.tags, self.text = [], []
            def handle_starttag(self, tag, attrs): self.tags.append(tag)
            def handle_startendtag(self, tag, attrs): self.tags.append(tag)
            def handle_comment(self, data): self.tags.append('!--')
            def handle_data(self, data): self.text.append(data)
        pages = {
            'cmark-gfm': subprocess.run(['cmark-gfm', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter'],
                input=doc['markdown'], capture_output=True, text=True, check=True).stdout,
            'python-markdown': markdown.markdown(doc['markdown'], extensions=['tables']),
        }
        out = {}
        for name, page in pages.items():
            p = Page()
            p.feed(page)
            p.close()
            text = ' '.join(''.join(p.text).split())
            out[name] = {'tags': p.tags, 'missing': [e for e in doc['expect'] if ' '.join(e.split()) not in text], 'html': page}
        print(json.dumps(out))
        """

    /// The page each processor makes of `markdown`, and which of `expecting` its text lacks.
    static func render(_ markdown: String, expecting: [String]) throws -> [String: Page] {
        let input = try JSONSerialization.data(withJSONObject: ["markdown": markdown, "expect": expecting])
        let result = try run(["-c", script], input: input)
        let doc = try #require(
            try JSONSerialization.jsonObject(with: result.out) as? [String: [String: Any]], "python: \(result.err)")
        return doc.mapValues { Page(tags: $0["tags"] as? [String] ?? [], missing: $0["missing"] as? [String] ?? ["(no answer)"]) }
    }

    static func run(_ arguments: [String], input: Data) throws -> (status: Int32, out: Data, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, out, String(decoding: err, as: UTF8.self))
    }
}
