import CairnCore
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
        else { throw StoreError("the examples to start from are missing from this build (Resources/inspiration)") }
        let shipped = try decode(data, name: "the shipped library")
        guard let directory else { return shipped }
        let own = directory.appendingPathComponent(storeFile)
        // Only a plain file of the store's own: a link would read what it points at.
        var info = stat()
        guard lstat(own.path, &info) == 0 else { return shipped }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError("\(storeFile) is not a plain file: it is not read") }
        guard info.st_size <= largest else { throw StoreError("\(storeFile) is larger than 1 MiB: it is not read") }
        guard let bytes = FileManager.default.contents(atPath: own.path) else {
            throw StoreError("\(storeFile) cannot be read: \(String(cString: strerror(errno)))")
        }
        return shipped.adding(try decode(bytes, name: storeFile))
    }

    static func decode(_ data: Data, name: String) throws(StoreError) -> Inspiration {
        do {
            return try JSONDecoder().decode(Inspiration.self, from: data).cleaned()
        } catch let error as DecodingError {
            throw StoreError("\(name) is not a library of examples: \(Record.describe(error))")
        } catch {
            throw StoreError("\(name) is not a library of examples: \(error)")
        }
    }
}
