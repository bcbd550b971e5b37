import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A register named by a person (on the command line or typed on the import screen), read
/// whole; when it cannot be, a one-line reason as the system gives it ("no such file or
/// directory", "permission denied"), and the same words from the screen as from the command.
public enum RegisterFile {
    public static func read(_ path: String) throws(StoreError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError("cannot read \(path): \(reason(errno))") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw StoreError("cannot read \(path): it is a directory") }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw StoreError("cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// The system's words for an `errno`, in the lower case of the rest of the line.
    public static func reason(_ code: Int32) -> String {
        let words = String(cString: strerror(code))
        return words.prefix(1).lowercased() + words.dropFirst()
    }

    /// Refuses bytes that are no text a register could be: a spreadsheet's own format, an
    /// archive, a picture. Such bytes decode (as Windows-1252) into one line of thousands of
    /// characters, which is no use to show.
    public static func requireText(_ data: Data, path: String) throws(StoreError) {
        guard isBinary(data) else { return }
        throw StoreError("\(path) is not text (a spreadsheet's own format, an archive?): save it as CSV and import that")
    }

    static func isBinary(_ data: Data) -> Bool {
        guard let text = try? RegisterText.decode(data).text else { return false }
        var controls = 0
        var all = 0
        for s in text.unicodeScalars {
            all += 1
            if s.value == 0 { return true }
            if s.value < 0x20, ![0x09, 0x0A, 0x0C, 0x0D].contains(s.value) { controls += 1 }
        }
        return controls * 100 > all
    }
}
