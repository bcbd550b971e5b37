import CairnCore
import CairnWords

/// A monitoring report as facts, before it is written down: the one model that the Markdown
/// and the HTML renderers both draw, so that the two cannot drift apart, and that a screen can
/// show too.
public struct Report: Sendable, Equatable {
    public var title: String
    /// "Monitoring report of 2026-11-22 · stakeholder network · formal · region Oost-Vlaanderen".
    public var facts: String
    /// Purpose, leadership, funding: a label and its text.
    public var notes: [Note]
    public var sections: [Section]
    /// Each section starts a page on paper (a plan's steps); a report runs on.
    public var pagePerSection = false
}

extension Report {
    public struct Note: Sendable, Equatable {
        public var label: String
        public var text: String
    }

    /// A part of the report under its own heading; `id` names it in the HTML (`goals`).
    public struct Section: Sendable, Equatable {
        public var id: String
        public var heading: String
        public var blocks: [Block]
    }

    public enum Block: Sendable, Equatable {
        case paragraph(String, Tone)
        /// A heading inside a section (an action class, "Overdue").
        case subheading(String, Tone)
        case table(Table)
        case items([String], Tone)
    }

    /// Warnings (overdue, gaps) stand out: in bold in Markdown, in red in HTML.
    public enum Tone: Sendable, Equatable {
        case plain, warning
    }

    public struct Table: Sendable, Equatable {
        public var header: [String]
        public var rows: [[Cell]]
    }

    public enum Cell: Sendable, Equatable {
        case text(String)
        /// A goal's status with its bar (text in Markdown, an SVG bar with the time-gone tick in HTML).
        case progress(GoalProgress)
        /// An empty cell that matters: a core service absent locally.
        case missing(String)
    }
}

extension Report {
    /// The report marked as one of a past day: what had been recorded by the end of `day`.
    public func asRecorded(by day: Day) -> Report {
        var marked = self
        marked.notes.insert(
            Note(
                label: Words.say("As of {day}", context: "report", ["day": "\(day)"]),
                text: Words.say("What had been recorded by the end of that day.", context: "report")),
            at: 0)
        return marked
    }
}
