import CairnCore
import Foundation

extension PrettyJSON {
    /// A field's value at `indent`, in the bytes a document holding it gets.
    static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        // A record's numbers are finite: its readers refuse the others.
        case .number(let d): out += (try? number(d)) ?? Array("null".utf8)
        case .string(let s): string(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { return empty("[", "]", indent: indent, into: &out) }
            out += [UInt8(ascii: "["), 0x0A]
            for (n, item) in items.enumerated() {
                pad(indent + 2, into: &out)
                write(item, indent: indent + 2, into: &out)
                if n < items.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            pad(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard !fields.isEmpty else { return empty("{", "}", indent: indent, into: &out) }
            out += [UInt8(ascii: "{"), 0x0A]
            for (n, key) in fields.keys.sorted(by: ordered).enumerated() {
                pad(indent + 2, into: &out)
                string(key, into: &out)
                out.append(contentsOf: " : ".utf8)
                write(fields[key]!, indent: indent + 2, into: &out)
                if n < fields.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            pad(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension PrettyJSON {
    /// One value (a record's fields) as a document of its own, in the form of the export.
    public static func data(_ value: JSONValue) -> Data {
        var out: [UInt8] = []
        write(value, indent: 0, into: &out)
        return Data(out)
    }
}
