import CairnCore
import CairnStore
import Foundation

/// `cairn log --json` written a change at a time, in the bytes `JSONEncoder` writes for the
/// whole array (pretty, keys sorted): each change encoded alone and indented one level, which
/// is how the encoder nests it (an empty line stays empty).
struct LogJSONWriter {
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encoder
    }()
    private var buffer: [UInt8] = []
    private var count = 0
    /// The first change that could not be encoded: said at the end, as the whole array's
    /// encoding would have failed.
    private var failure: Error?

    /// Bytes gathered before they are written out.
    private static let flushBytes = 1 << 16

    mutating func add(_ entry: HistoryEntry) {
        guard failure == nil else { return }
        let data: Data
        do { data = try encoder.encode(LogCommand.Listed(entry)) } catch {
            failure = error
            return
        }
        buffer += Array((count == 0 ? "[\n" : ",\n").utf8)
        var atLineStart = true
        for byte in data {
            if atLineStart && byte != 0x0A { buffer += [0x20, 0x20] }
            buffer.append(byte)
            atLineStart = byte == 0x0A
        }
        count += 1
        if buffer.count >= Self.flushBytes { flush() }
    }

    /// Closes the array (`[`, an empty line and `]` when there was no change) and writes the rest.
    mutating func finish() throws {
        if let failure { throw failure }
        buffer += Array((count == 0 ? "[\n\n]" : "\n]").utf8)
        flush()
        writeOut([0x0A])
    }

    /// Writes what is gathered, every character that would act on a terminal escaped as
    /// `printJSON` escapes it (a change ends on `}`, so no character is cut).
    private mutating func flush() {
        writeOut(PrettyJSON.escapingTerminalControls(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
