import CairnWords

/// The frame of every published page: one XHTML file with its styles inline, a policy that
/// lets the browser load nothing (no script, no font, no image from anywhere), the way back to
/// the index, and when and from which revision the site was made.
enum SitePage {
    /// - Parameters:
    ///   - nav: links shown above the title (already markup).
    ///   - body: the page's content (already markup).
    static func html(title: String, nav: String, body: String, stamp: String) -> String {
        let esc = HTMLReport.esc
        let language = Words.language.code
        // The page's language is the one it is written in, for a screen reader's voice and a
        // browser's hyphenation.
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language)\"><head><meta charset=\"utf-8\"/>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>"
            + "<title>\(esc(title))</title><style>\(HTMLReport.style)\n\(style)</style></head><body class=\"site\">"
            + (nav.isEmpty ? "" : "<nav>\(nav)</nav>") + body + "<footer>\(esc(stamp)) · Cairn</footer></body></html>\n"
    }

    /// The report's style, and what a site adds: charts that shrink to a phone's width, tables
    /// that wrap long words there, links that print as text, and a chart kept whole on paper.
    static let style = """
        body.site { padding: 0 6px; } body.site section { page-break-inside: auto; break-inside: auto; }
        nav { font-size: 9.5pt; margin: 8pt 0 0; } nav a { margin-right: 12pt; } a { color: #0645ad; }
        footer { margin-top: 18pt; border-top: 0.5pt solid #999; color: #444; font-size: 9pt; padding-top: 4pt; }
        .goal { margin: 10pt 0 16pt; break-inside: avoid; page-break-inside: avoid; } .goal h3 { margin-top: 0; }
        .pair { display: flex; flex-wrap: wrap; gap: 4pt 14pt; align-items: flex-start; } .pair table { flex: 1 1 200px; }
        .chart { max-width: 100%; height: auto; display: block; margin: 4pt 0; } .chart text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10px; fill: #222; }
        .chart .line-name { font-weight: bold; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
        .status { font-family: "DejaVu Sans Mono", monospace; } td.num, th.num { text-align: right; }
        @media screen { body.site { max-width: 1000px; } }
        @media screen and (max-width: 640px) { body { font-size: 11pt; } table { display: block; overflow-x: auto; } th, td { padding: 2pt 3pt; } }
        @media print { nav { display: none; } a { color: inherit; text-decoration: none; } }
        """
}
