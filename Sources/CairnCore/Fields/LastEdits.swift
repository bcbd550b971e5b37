extension World {
    /// Who last set a field of a record by an edit, and when (the journal event in `event`), if
    /// anyone did: what undoing an import names when it keeps a record someone corrected since.
    public func lastWriter(of record: String, field: String) -> Conflict.Side? {
        fieldWriters[Conflict.key(record, field)]
    }
}
