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
        guard let bytes = try ownBytes(directory.appendingPathComponent(storeFile)) else { return shipped }
        return shipped.adding(try decode(bytes, name: storeFile))
    }

    /// A store's own file of examples, or nil when there is none. Opened once, never through a
    /// link and never waiting (a FIFO a member put in its place), and checked as it was opened:
    /// a name checked and then opened could be swapped in between.
    static func ownBytes(_ file: URL) throws(StoreError) -> Data? {
        let fd = open(file.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw StoreError("\(storeFile) is not a plain file: it is not read") }
            throw StoreError("\(storeFile) cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw StoreError("\(storeFile) is not a plain file: it is not read")
        }
        guard info.st_size <= largest else { throw StoreError("\(storeFile) is larger than 1 MiB: it is not read") }
        let room = largest + 1
        var bytes = [UInt8](repeating: 0, count: room)
        var got = 0
        while got < room {
            let at = got
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + at, room - at) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw StoreError("\(storeFile) cannot be read: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            got += n
        }
        // Grown past the limit since it was measured.
        guard got <= largest else { throw StoreError("\(storeFile) is larger than 1 MiB: it is not read") }
        return Data(bytes[..<got])
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
