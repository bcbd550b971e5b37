/// How a conflict's choice brings a deleted record back, or sets a link, without leaving any
/// record pointing at one that is gone.
extension World {
    /// The records that bringing back `record` puts, in order: the deleted records it belongs
    /// to (outermost first), then it. A link to a record that is gone and does not come back
    /// with it (a measurement's ticked checkpoint, a goal's owner) is cleared, as a delete
    /// clears it. Refused, saying which, when a record it cannot be without is gone for good.
    func restoring(_ record: Record) throws(Refusal) -> [Record] {
        let chain = deletedParents(of: record) + [record]
        let coming = Set(chain.map(\.id))
        func isThere(_ r: Reference) -> Bool { coming.contains(r.id) || self.record(r.target, id: r.id) != nil }
        var out: [Record] = []
        for r in chain {
            if let missing = r.references.first(where: { $0.required && !isThere($0) }) {
                throw Refusal(
                    "conflict",
                    "\(describe(record)) cannot be brought back: the \(missing.target.noun) \(missing.id) it belongs to is gone "
                        + "and cannot come back with it")
            }
            let cleared = r.references.filter { !$0.required && !isThere($0) }.map {
                FieldEdit($0.field, old: .string($0.id), new: .null)
            }
            do {
                out.append(cleared.isEmpty ? r : try r.applying(cleared))
            } catch {
                throw Refusal("conflict", "\(describe(record)) cannot be brought back: \(error.message)")
            }
        }
        return out
    }

    /// Why keeping `value` in `field` of `record` would leave it pointing at a record that is
    /// gone, or nil when every record it names is there.
    func goneLink(_ field: String, of record: Record) -> String? {
        guard let r = record.references.first(where: { $0.field == field && self.record($0.target, id: $0.id) == nil }) else {
            return nil
        }
        return "“\(r.id)” is not kept: that \(r.target.noun) is gone, and \(describe(record)) would point at nothing; "
            + "keep the other value"
    }
}
