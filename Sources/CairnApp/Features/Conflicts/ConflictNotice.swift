import CairnCore

/// What a session is told at once when its change met another's on the same field.
public enum ConflictNotice {
    /// After this session saved: someone had changed a field it also changed. Ours stands.
    public static func saved(_ conflicts: [Conflict], in world: World) -> Status {
        guard let c = conflicts.first, let other = c.others.last else { return Status("") }
        let more = conflicts.count > 1 ? " (and \(conflicts.count - 1) more)" : ""
        // What matters first, for a status line of 80 columns: saved, over whose value.
        return Status(
            "Saved over a change: \(who(other)) had set \(c.field) to “\(other.value.display)”\(more); yours stands (C on Home) · \(name(c, world))",
            isError: true)
    }

    /// After another session's change came in: a value this session saved did not stand.
    public static func overruled(_ conflicts: [Conflict], in world: World) -> Status {
        guard let c = conflicts.first else { return Status("") }
        let more = conflicts.count > 1 ? " (and \(conflicts.count - 1) more)" : ""
        if c.recordDeleted {
            return Status("Yours is gone: \(who(c.kept)) deleted \(name(c, world)), which you had edited\(more) (C on Home)", isError: true)
        }
        return Status(
            "Yours replaced: \(who(c.kept)) set \(c.field) to “\(c.kept.value.display)”\(more) (C on Home) · \(name(c, world))",
            isError: true)
    }

    static func who(_ side: Conflict.Side) -> String { side.by.isEmpty ? "someone" : side.by }

    static func name(_ c: Conflict, _ world: World) -> String { world.describe(c) }
}
