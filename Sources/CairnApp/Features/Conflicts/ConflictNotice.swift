import CairnCore
import CairnWords

/// What a session is told at once when its change met another's on the same field.
public enum ConflictNotice {
    /// After this session saved: someone had changed a field it also changed. Ours stands.
    public static func saved(_ conflicts: [Conflict], in world: World) -> Status {
        guard let c = conflicts.first, let other = c.others.last else { return Status("") }
        // What matters first, for a status line of 80 columns: saved, over whose value.
        return Status(
            Words.say(
                "Saved over a change: {who} had set {field} to “{value}”{more}; yours stands (C on Home) · {record}",
                ["who": who(other), "field": c.field, "value": other.value.display, "more": more(conflicts), "record": name(c, world)]),
            isError: true)
    }

    /// After another session's change came in: a value this session saved did not stand.
    public static func overruled(_ conflicts: [Conflict], in world: World) -> Status {
        guard let c = conflicts.first else { return Status("") }
        if c.recordDeleted {
            return Status(
                Words.say(
                    "Yours is gone: {who} deleted {record}, which you had edited{more} (C on Home)",
                    ["who": who(c.kept), "record": name(c, world), "more": more(conflicts)]), isError: true)
        }
        return Status(
            Words.say(
                "Yours replaced: {who} set {field} to “{value}”{more} (C on Home) · {record}",
                ["who": who(c.kept), "field": c.field, "value": c.kept.value.display, "more": more(conflicts), "record": name(c, world)]),
            isError: true)
    }

    static func who(_ side: Conflict.Side) -> String { side.by.isEmpty ? Words.say("someone") : side.by }

    /// " (and 2 more)" after the first conflict, when there are others.
    static func more(_ conflicts: [Conflict]) -> String {
        conflicts.count > 1 ? " " + Words.count("(and {count} more)", "(and {count} more)", conflicts.count - 1) : ""
    }

    static func name(_ c: Conflict, _ world: World) -> String { world.describe(c) }
}
