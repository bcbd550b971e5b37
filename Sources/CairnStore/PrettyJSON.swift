import CairnCore
import Foundation

/// The JSON that `JSONSerialization` writes with `.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes`, byte for byte but for one thing (tested against it), written
/// straight into bytes. Foundation's writer spent nearly all of a national store's export
/// sorting keys and boxing values; this one writes the same document in a small part of that.
///
/// Its forms: two spaces a level, `"key" : value`, an empty object or array as an opening
/// bracket, an empty line and the closing one; keys in Foundation's order (its collator with
/// the system locale: numeric, case-insensitive, then lower case first); `\b \t \n \f \r \" \\`
/// and `\u00XX` for the other control characters. A floating-point number is written by
/// `JSONSerialization` itself, one at a time, so that no digit can differ.
///
/// The one difference: DEL, C1 controls, the line and paragraph separators and the
/// bidirectional controls are written as `\u` escapes too (`\u009b`, `\u202e`), where
/// Foundation leaves them raw: a JSON document shown on a terminal or pasted into a page must
/// not act on it. They read back as the same characters.
public enum PrettyJSON {
    public struct Unsupported: Error, CustomStringConvertible {
        public var description: String
    }

    public static func data(_ value: Any) throws -> Data {
        var writer = Writer()
        writer.out.reserveCapacity(1 << 16)
        try writer.write(value, indent: 0)
        return Data(writer.out)
    }

    struct Writer {
        var out: [UInt8] = []
        /// Where the text goes a megabyte at a time when a document is given in pieces; nil
        /// when it is kept whole in `out`.
        var spill: (([UInt8]) -> Void)?

        /// Gives what is written so far to `spill`, once it is a megabyte or more.
        mutating func spillIfFull() {
            guard let spill, out.count >= 1 << 20 else { return }
            spill(out)
            out.removeAll(keepingCapacity: true)
        }
        /// Foundation's order of each set of keys met: a national export has a few dozen sets
        /// (every school has the same keys), and its comparison goes through the collator.
        var orders: [[String]: [String]] = [:]

        mutating func sortedKeys(_ object: [String: Any]) -> [String] {
            let plain = object.keys.sorted()
            if let known = orders[plain] { return known }
            let order = plain.sorted(by: PrettyJSON.ordered)
            orders[plain] = order
            return order
        }

        mutating func write(_ value: Any, indent: Int) throws {
            try PrettyJSON.write(value, indent: indent, into: &self)
        }
    }

    static func write(_ value: Any, indent: Int, into writer: inout Writer) throws {
        // The usual types are told by their type, which costs a comparison: a cast that fails
        // (a dictionary asked whether it is a String) tries bridging first, and was most of an
        // export's time.
        let type = Swift.type(of: value)
        if type == String.self { return string(value as! String, into: &writer.out) }
        if type == [String: Any].self { return try object(value as! [String: Any], indent: indent, into: &writer) }
        if type == [String].self { return try array((value as! [String]).map { $0 as Any }, indent: indent, into: &writer) }
        if type == [[String: Any]].self {
            return try array((value as! [[String: Any]]).map { $0 as Any }, indent: indent, into: &writer)
        }
        if type == [Any].self { return try array(value as! [Any], indent: indent, into: &writer) }
        if type == Bool.self { return writer.out.append(contentsOf: ((value as! Bool) ? "true" : "false").utf8) }
        if type == Int.self { return writer.out.append(contentsOf: String(value as! Int).utf8) }
        if type == NSNull.self { return writer.out.append(contentsOf: "null".utf8) }
        switch value {
        case let s as String: string(s, into: &writer.out)
        case let b as Bool: writer.out.append(contentsOf: (b ? "true" : "false").utf8)
        case let i as Int: writer.out.append(contentsOf: String(i).utf8)
        case let d as Double: writer.out += try number(d)
        case let o as [String: Any]: try object(o, indent: indent, into: &writer)
        case let a as [Any]: try array(a, indent: indent, into: &writer)
        // Last: asking whether a Swift value is an NSNull bridges it to an object first.
        case is NSNull: writer.out.append(contentsOf: "null".utf8)
        default:
            throw Unsupported(description: "cannot write \(type) as JSON")
        }
    }

    private static func object(_ object: [String: Any], indent: Int, into writer: inout Writer) throws {
        let keys = writer.sortedKeys(object)
        guard !keys.isEmpty else { return empty("{", "}", indent: indent, into: &writer.out) }
        writer.out += [UInt8(ascii: "{"), 0x0A]
        for (n, key) in keys.enumerated() {
            pad(indent + 2, into: &writer.out)
            string(key, into: &writer.out)
            writer.out.append(contentsOf: " : ".utf8)
            guard let item = object[key] else { throw Unsupported(description: "lost the key “\(key)”") }
            try write(item, indent: indent + 2, into: &writer)
            if n < keys.count - 1 { writer.out.append(UInt8(ascii: ",")) }
            writer.out.append(0x0A)
        }
        pad(indent, into: &writer.out)
        writer.out.append(UInt8(ascii: "}"))
    }

    private static func array(_ array: [Any], indent: Int, into writer: inout Writer) throws {
        guard !array.isEmpty else { return empty("[", "]", indent: indent, into: &writer.out) }
        writer.out += [UInt8(ascii: "["), 0x0A]
        for (n, item) in array.enumerated() {
            pad(indent + 2, into: &writer.out)
            try write(item, indent: indent + 2, into: &writer)
            if n < array.count - 1 { writer.out.append(UInt8(ascii: ",")) }
            writer.out.append(0x0A)
        }
        pad(indent, into: &writer.out)
        writer.out.append(UInt8(ascii: "]"))
    }

    /// Foundation's key order for `.sortedKeys`.
    static func ordered(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex, locale: NSLocale.system)
            == .orderedAscending
    }

    static func empty(_ open: String, _ close: String, indent: Int, into out: inout [UInt8]) {
        out += Array(open.utf8) + [0x0A, 0x0A]
        pad(indent, into: &out)
        out += Array(close.utf8)
    }

    static func pad(_ n: Int, into out: inout [UInt8]) { out += repeatElement(0x20, count: n) }

    static func number(_ d: Double) throws -> [UInt8] {
        // Whole numbers are the usual case (a target of 90, a rating): Foundation writes them bare.
        if d == d.rounded(), abs(d) < 1e15, !(d == 0 && d.sign == .minus) { return Array(String(Int64(d)).utf8) }
        let data = try JSONSerialization.data(withJSONObject: [d], options: [])
        return Array(data.dropFirst().dropLast())
    }

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escape: its bytes go in at once. C2 and E2 may begin a character
        // that would act on a terminal (a C1 control, a bidirectional override).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xC2 && $0 != 0xE2 }) {
            out.append(contentsOf: s.utf8)
            return out.append(UInt8(ascii: "\""))
        }
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            default:
                if let (length, value) = Text.terminalControl(in: b, at: i) {
                    unicodeEscape(value, into: &out)
                    i += length
                    continue
                }
                out.append(c)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u001b`, `\u202e`: lower-case hex, as Foundation writes control characters.
    static func unicodeEscape(_ value: UInt32, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out += [0x5C, UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
    }

    /// `json` with every character `terminalControl` names written as its `\u` escape: for JSON
    /// that another writer made (`JSONEncoder`, `JSONSerialization`, which leave C1 controls and
    /// bidirectional overrides raw). Those writers put none of them outside strings (they indent
    /// with spaces and end lines with LF, which is kept), and inside one the escape reads back
    /// as the same character. The runs between them are copied whole.
    public static func escapingTerminalControls(_ json: some ContiguousBytes) -> [UInt8] {
        Text.rewritingControls(json.withUnsafeBytes { Array($0) }, separators: true, keepCRLF: false, unicodeEscape)
    }
}
