import CairnStore
import Foundation

/// A file named on the command line, read whole; when it cannot be, an error that says why, as
/// the system does ("no such file or directory", "permission denied").
enum FileArgument {
    static func read(_ path: String) throws -> Data {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CLIError("cannot read \(path): \(reason(errno))") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw CLIError("cannot read \(path): it is a directory") }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw CLIError("cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// The system's words for an `errno`, in the lower case of the rest of the line.
    static func reason(_ code: Int32) -> String {
        let words = String(cString: strerror(code))
        return words.prefix(1).lowercased() + words.dropFirst()
    }

    /// True when the bytes are no text a register could be: a spreadsheet's own format, an
    /// archive, a picture. Such bytes decode (as Windows-1252) into one line of thousands of
    /// characters, which is no use to print.
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
