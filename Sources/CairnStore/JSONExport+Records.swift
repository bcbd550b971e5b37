import CairnCore

/// A record written as the export's JSON object, field by field through its kind's
/// description, in the bytes `PrettyJSON` gives a document: keys in Foundation's order, values
/// one level in.
extension JSONExport {
    /// What an export adds to a record's own fields: a checkpoint's `done`, a goal's status.
    typealias Extras<R> = (R, inout RecordObject) -> Void

    /// `list` as an array at `indent` of objects with each record's fields and `extras`;
    /// `parentless` leaves out the field naming the record it belongs to, for records written
    /// inside that one (an agreement inside its cluster).
    static func writeRecords<R: DescribedRecord>(
        _ list: [R], indent: Int, into w: inout PrettyJSON.Writer, parentless: Bool = false, extras: Extras<R>? = nil
    ) {
        var fields = RecordObject(indent: indent + 2, parentless: parentless)
        array(list, into: &w, indent: indent) { record, w in
            fields.start()
            var r = record
            r.visitFields(&fields)
            extras?(record, &fields)
            fields.write(into: &w.out)
        }
    }

    /// One record's fields as bytes, each kept apart until all are written, then joined in
    /// Foundation's key order (worked out once: every record of a kind has the same keys).
    struct RecordObject: FieldVisitor {
        /// Where the object's braces go; its fields are one level in.
        let indent: Int
        let parentless: Bool
        private var bytes: [UInt8] = []
        private var spans: [(key: String, range: Range<Int>)] = []
        private var order: [Int] = []

        init(indent: Int, parentless: Bool) {
            self.indent = indent
            self.parentless = parentless
        }

        mutating func start() {
            bytes.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
        }

        /// A field whose value `body` writes.
        mutating func put(_ key: String, _ body: (inout [UInt8]) -> Void) {
            let from = bytes.count
            body(&bytes)
            spans.append((key, from..<bytes.count))
        }

        mutating func write(into out: inout [UInt8]) {
            // Every record of a table has the same fields and extras: their order is worked out
            // for the first.
            if order.count != spans.count { order = spans.indices.sorted { PrettyJSON.ordered(spans[$0].key, spans[$1].key) } }
            out += [UInt8(ascii: "{"), 0x0A]
            for (n, i) in order.enumerated() {
                PrettyJSON.pad(indent + 2, into: &out)
                PrettyJSON.string(spans[i].key, into: &out)
                out.append(contentsOf: " : ".utf8)
                out.append(contentsOf: bytes[spans[i].range])
                if n < order.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            PrettyJSON.pad(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }

        mutating func text(_ key: String, _ value: inout String, _ traits: FieldTraits) {
            if parentless && traits.contains(.parent) { return }
            put(key) { PrettyJSON.string(value, into: &$0) }
        }
        mutating func optionalText(_ key: String, _ value: inout String?, _ traits: FieldTraits) {
            put(key) { JSONExport.text(value, &$0) }
        }
        mutating func day(_ key: String, _ value: inout Day?, _ traits: FieldTraits) {
            put(key) { JSONExport.text(value?.description, &$0) }
        }
        mutating func requiredDay(_ key: String, _ value: inout Day, _ traits: FieldTraits) {
            put(key) { PrettyJSON.string(value.description, into: &$0) }
        }
        mutating func number(_ key: String, _ value: inout Double?, _ traits: FieldTraits) {
            let at = indent + 2
            put(key) { PrettyJSON.write(value.map(JSONValue.number) ?? .null, indent: at, into: &$0) }
        }
        mutating func requiredNumber(_ key: String, _ value: inout Double, _ traits: FieldTraits) {
            let at = indent + 2
            put(key) { PrettyJSON.write(.number(value), indent: at, into: &$0) }
        }
        mutating func wholeNumber(_ key: String, _ value: inout Int, _ traits: FieldTraits) {
            put(key) { $0.append(contentsOf: String(value).utf8) }
        }
        mutating func flag(_ key: String, _ value: inout Bool, _ traits: FieldTraits) {
            put(key) { $0.append(contentsOf: (value ? "true" : "false").utf8) }
        }
        mutating func word<W: Vocabulary>(_ key: String, _ value: inout W, _ traits: FieldTraits) {
            put(key) { PrettyJSON.string(value.rawValue, into: &$0) }
        }
        mutating func optionalWord<W: Vocabulary>(_ key: String, _ value: inout W?, _ traits: FieldTraits) {
            put(key) { JSONExport.text(value?.rawValue, &$0) }
        }
        mutating func words<W: Vocabulary>(_ key: String, _ value: inout [W], _ traits: FieldTraits) {
            let at = indent + 2
            put(key) { PrettyJSON.write(value.fieldJSON, indent: at, into: &$0) }
        }
        mutating func ratings(_ key: String, _ value: inout [String: Int], _ traits: FieldTraits) {
            let at = indent + 2
            put(key) { PrettyJSON.write(value.fieldJSON, indent: at, into: &$0) }
        }
        mutating func remarks(_ key: String, _ value: inout [String: String], _ traits: FieldTraits) {
            let at = indent + 2
            put(key) { PrettyJSON.write(value.fieldJSON, indent: at, into: &$0) }
        }
    }
}
