import CairnCore
import CairnWords
import Foundation

/// The examples shipped in `Resources/inspiration/library.json`, and a store's own beside them
/// (`inspiration.json` at the store's top, in the same form): read when a group asks for them.
public enum InspirationLibrary {
    /// The file a store keeps its own examples in.
    public static let storeFile = "inspiration.json"
    /// A store's file larger than this is refused rather than read.
    static let largest = 1 << 20

    public static func read(store directory: URL?) throws(StoreError) -> Inspiration {
        guard let folder = Bundle.module.url(forResource: "inspiration", withExtension: nil),
            let data = try? Data(contentsOf: folder.appendingPathComponent("library.json"))
        else {
            throw StoreError(Words.say("the examples to start from are missing from this build (Resources/inspiration)", context: "store"))
        }
        let shipped = try decode(data, name: Words.say("the shipped library", context: "store")).spoken()
        guard let directory else { return shipped }
        guard let bytes = try ownBytes(directory.appendingPathComponent(storeFile)) else { return shipped }
        return shipped.adding(try decode(bytes, name: storeFile))
    }

    /// A store's own file of examples, or nil when there is none: a plain file of the store's
    /// own, never through a link, never waited on (a FIFO a member put in its place).
    static func ownBytes(_ file: URL) throws(StoreError) -> Data? {
        do {
            return try InsideStore.contents(of: file, largest: largest)
        } catch {
            switch error {
            case .missing: return nil
            // Each with its reason alone, which a sync says of the file in its own sentence.
            case .notAFile:
                throw StoreError(
                    Words.say("{file} is not a plain file: it is not read", context: "store", ["file": storeFile]),
                    reason: Words.say("it is not a plain file", context: "store"))
            case .tooLarge:
                throw StoreError(
                    Words.say("{file} is larger than 1 MiB: it is not read", context: "store", ["file": storeFile]),
                    reason: Words.say("it is larger than 1 MiB", context: "store"))
            case .failed(let code):
                let why = String(cString: strerror(code))
                throw StoreError(
                    Words.say("{file} cannot be read: {reason}", context: "store", ["file": storeFile, "reason": why]),
                    reason: Words.say("it cannot be read: {reason}", context: "store", ["reason": why]))
            }
        }
    }

    static func decode(_ data: Data, name: String) throws(StoreError) -> Inspiration {
        do {
            return try JSONDecoder().decode(Inspiration.self, from: data).cleaned()
        } catch {
            let why = (error as? DecodingError).map { Record.describe($0) } ?? "\(error)"
            throw StoreError(
                Words.say("{file} is not a library of examples: {reason}", context: "store", ["file": name, "reason": why]),
                reason: Words.say("it is not a library of examples: {reason}", context: "store", ["reason": why]))
        }

    }
}
