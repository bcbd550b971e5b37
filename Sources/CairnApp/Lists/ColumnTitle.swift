import CairnWords

/// A list's column titles in the session's language. The columns themselves keep their English
/// titles: a list written to CSV has the same header in every language.
enum ColumnTitle {
    /// `english` in the session's language; a title not listed here (a symbol) as it is.
    static func said(_ english: String) -> String {
        switch english {
        case "Cluster": return Words.say("Cluster", context: "column")
        case "Region": return Words.say("Region", context: "column")
        case "Hlth": return Words.say("Hlth", context: "column")
        case "Weakest point": return Words.say("Weakest point", context: "column")
        case "Next due": return Words.say("Next due", context: "column")
        case "School": return Words.say("School", context: "column")
        case "Official id": return Words.say("Official id", context: "column")
        case "Phases": return Words.say("Phases", context: "column")
        case "Municipality": return Words.say("Municipality", context: "column")
        case "Agency": return Words.say("Agency", context: "column")
        case "Sector": return Words.say("Sector", context: "column")
        case "Level": return Words.say("Level", context: "column")
        case "Status": return Words.say("Status", context: "column")
        case "Due": return Words.say("Due", context: "column")
        case "Checkpoint": return Words.say("Checkpoint", context: "column")
        case "Done by": return Words.say("Done by", context: "column")
        case "Evidence": return Words.say("Evidence", context: "column")
        case "Clu": return Words.say("Clu", context: "column")
        case "Sch": return Words.say("Sch", context: "column")
        case "Member": return Words.say("Member", context: "column")
        case "Type": return Words.say("Type", context: "column")
        case "Lead": return Words.say("Lead", context: "column")
        case "Role": return Words.say("Role", context: "column")
        case "Gaps": return Words.say("Gaps", context: "column")
        case "Goal": return Words.say("Goal", context: "column")
        case "Latest": return Words.say("Latest", context: "column")
        case "Target": return Words.say("Target", context: "column")
        case "Deadline": return Words.say("Deadline", context: "column")
        case "Gap": return Words.say("Gap", context: "column")
        case "What is missing": return Words.say("What is missing", context: "column")
        case "Condition / challenge": return Words.say("Condition / challenge", context: "column")
        case "Rating": return Words.say("Rating", context: "column")
        case "Note": return Words.say("Note", context: "column")
        case "Nat": return Words.say("Nat", context: "column")
        case "Reg": return Words.say("Reg", context: "column")
        case "Local": return Words.say("Local", context: "column")
        case "Goals it carries": return Words.say("Goals it carries", context: "column")
        case "Class": return Words.say("Class", context: "column")
        case "Action": return Words.say("Action", context: "column")
        case "Responsible": return Words.say("Responsible", context: "column")
        case "Phase": return Words.say("Phase", context: "column")
        case "Goes on to": return Words.say("Goes on to", context: "column")
        default: return english
        }
    }
}
