import CairnCore

/// What a session is told at once when its change met another's on the same field.
public enum ConflictNotice {
    /// After this session saved: someone had changed a field it also changed. Ours stands.
    public static func saved(_ conflicts: [Conflict], in world: World) -> Status {
        guard let c = conflicts.first, let other = c.others.last else { return Status("") }
        let more = conflicts.count > 1 ? " (and \(conflicts.count - 1) more)" : ""
        return Status(
            "Saved; but \(who(other)) had changed \(c.field) of \(name(c, world)) to “\(other.value.display)”\(more): yours stands, C on Home lists it",
            isError: true)
    }

    /// After another session's change came in: a value this session saved did not stand.
    public static func overruled(_ conflicts: [Conflict], in world: World) -> Status {
        guard let c = conflicts.first else { return Status("") }
        let more = conflicts.count > 1 ? " (and \(conflicts.count - 1) more)" : ""
        if c.recordDeleted {
            return Status("\(who(c.kept)) deleted \(name(c, world)), which you had edited\(more): C on Home lists it", isError: true)
        }
        return Status(
            "\(who(c.kept)) changed \(c.field) of \(name(c, world)) to “\(c.kept.value.display)” over yours\(more): C on Home lists it",
            isError: true)
    }

    static func who(_ side: Conflict.Side) -> String { side.by.isEmpty ? "someone" : side.by }

    static func name(_ c: Conflict, _ world: World) -> String {
        if let r = world.record(c.kind, id: c.record) { return world.describe(r) }
        if let grave = world.tombstone(of: c.record) { return world.describe(grave.record) }
        return "\(c.kind.rawValue) \(c.record)"
    }
}
