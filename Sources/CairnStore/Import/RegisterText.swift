import CairnWords
import Foundation

/// How a register file was encoded, as far as its bytes tell.
public enum RegisterEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with a byte-order mark"
    case windows1252 = "Windows-1252"
    case utf16LE = "UTF-16 (little-endian, with a byte-order mark)"
    case utf16BE = "UTF-16 (big-endian, with a byte-order mark)"
    case utf32LE = "UTF-32 (little-endian, with a byte-order mark)"
    case utf32BE = "UTF-32 (big-endian, with a byte-order mark)"

    /// The encoding's name in the session's language.
    public var said: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf8WithBOM: return Words.say("UTF-8 with a byte-order mark", context: "store")
        case .windows1252: return "Windows-1252"
        case .utf16LE: return Words.say("UTF-16 (little-endian, with a byte-order mark)", context: "store")
        case .utf16BE: return Words.say("UTF-16 (big-endian, with a byte-order mark)", context: "store")
        case .utf32LE: return Words.say("UTF-32 (little-endian, with a byte-order mark)", context: "store")
        case .utf32BE: return Words.say("UTF-32 (big-endian, with a byte-order mark)", context: "store")
        }
    }
}

/// A register's bytes as text. UTF-8 (with or without a byte-order mark) is taken as it is;
/// bytes that are not UTF-8 are read as Windows-1252, the usual encoding of spreadsheets saved
/// on Windows, and the import says so. UTF-16 and UTF-32 files (as Excel's "Unicode text"
/// writes them) are known by their byte-order mark; one that does not decode is refused,
/// naming the encoding, rather than read as Windows-1252 garbage.
public struct RegisterText: Sendable {
    public var text: String
    public var encoding: RegisterEncoding

    public static func decode(_ data: Data) throws(StoreError) -> RegisterText {
        let bytes = [UInt8](data)
        let marked: [([UInt8], String.Encoding, RegisterEncoding)] = [
            ([0xFF, 0xFE, 0x00, 0x00], .utf32LittleEndian, .utf32LE), ([0x00, 0x00, 0xFE, 0xFF], .utf32BigEndian, .utf32BE),
            ([0xFF, 0xFE], .utf16LittleEndian, .utf16LE), ([0xFE, 0xFF], .utf16BigEndian, .utf16BE),
        ]
        for (mark, encoding, name) in marked where bytes.starts(with: mark) {
            guard let text = String(data: Data(bytes.dropFirst(mark.count)), encoding: encoding) else {
                throw StoreError(
                    Words.say(
                        "the register says it is {encoding} but is not readable as it; save it as UTF-8 and import again", context: "store",
                        ["encoding": name.said]))

            }
            return RegisterText(text: text, encoding: name)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(validating: bytes.dropFirst(3), as: UTF8.self) {
            return RegisterText(text: text, encoding: .utf8WithBOM)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return RegisterText(text: text, encoding: .utf8) }
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = b >= 0x80 && b < 0xA0 ? windows1252[Int(b - 0x80)] : UInt32(b)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return RegisterText(text: String(scalars), encoding: .windows1252)
    }

    /// What 0x80-0x9F stand for in Windows-1252 (the rest of its upper half is Latin-1); the five
    /// unassigned bytes keep their own value.
    static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
